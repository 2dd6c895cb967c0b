// rpx holidays import SOURCE...: a State Council notice (or holiday-cn's or
// rpx's JSON) into a holiday table, written with -o or installed where
// every later run finds it, and what that changes (docs/holidays.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/holiday_import.hpp>
#include <rpx/holidays.hpp>
#include <rpx/json_util.hpp>
#include <rpx/messages.hpp>
#include <rpx/render_holiday_import.hpp>
#include <set>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

namespace fs = std::filesystem;
namespace ex = rpx::exit_status;

struct ImportArgs {
  std::vector<std::string> sources;
  std::string output;
  bool install = false;
  bool system = false;
  bool force = false;
  bool dry_run = false;
  std::string format = "text";
  std::vector<std::string> check;
};

/// Where the import goes: nowhere (print only), one file, or a layer.
enum class Target : std::uint8_t { none, file, user, system };

Target target_of(const ImportArgs& a) {
  if (!a.output.empty() && a.install) {
    throw UsageError(Message("error.holiday_import.output_and_install"));
  }
  if (a.system && !a.install) {
    throw UsageError(Message("error.holiday_import.system_needs_install"));
  }
  if (a.install) {
    return a.system ? Target::system : Target::user;
  }
  return a.output.empty() ? Target::none : Target::file;
}

std::string read_source(const std::string& path) {
  if (path != "-") {
    return read_file(path, json_util::k_max_file_bytes);
  }
  std::string text{std::istreambuf_iterator<char>(std::cin),
                   std::istreambuf_iterator<char>()};
  if (text.size() > json_util::k_max_file_bytes) {
    throw DataError(Message("error.holiday_import.stdin_too_large"));
  }
  return text;
}

/// One file to write: the table of one or more years.
struct Write {
  fs::path file;
  std::vector<HolidayYear> years;
};

/// Installs one file per year, YYYY.json, refusing to replace a year the
/// layer already has unless --force.
std::vector<Write> install_plan(const fs::path& dir, Origin layer,
                                const std::vector<HolidayYear>& years,
                                const WorkCalendar& current, bool force) {
  std::vector<Write> out;
  for (const HolidayYear& y : years) {
    const fs::path file = dir / fmt::format("{}.json", y.year);
    const HolidayYear* installed = current.notice(y.year);
    std::error_code ec;
    const bool exists = fs::exists(file, ec);
    if (!force &&
        (exists || (installed != nullptr && installed->origin == layer))) {
      throw WouldOverwrite(
          Message("error.holiday_import.already_installed",
                  {{"year", y.year},
                   {"file", exists ? file.string() : installed->path}}));
    }
    out.push_back({file, {y}});
  }
  return out;
}

/// The ready estimate: from the progress note once filed, else if filed on
/// the last office day (or the first workday from today).
std::optional<Date> ready_of(const Assessment& a) {
  return a.ready_estimate ? a.ready_estimate : a.ready_if_filed;
}

/// Assesses the students under `paths` with both calendars: whose last
/// office day or ready estimate moves, into `r`.
void affected(Context& ctx, const std::vector<std::string>& paths,
              const WorkCalendar& before, const WorkCalendar& after,
              ImportReport& r) {
  if (paths.empty()) {
    return;
  }
  std::map<std::string, Assessment> old;
  const BatchContext old_ctx{ctx.rules(), before, ctx.today(), {}};
  r.errors =
      for_each_student(paths, old_ctx,
                       [&](const std::string& file, const StudentState&,
                           const Assessment& a) { old.emplace(file, a); });
  const BatchContext new_ctx{ctx.rules(), after, ctx.today(), {}};
  for_each_student(
      paths, new_ctx,
      [&](const std::string& file, const StudentState& s, const Assessment& a) {
        const auto it = old.find(file);
        if (it == old.end()) {
          return;
        }
        const Assessment& o = it->second;
        ++r.checked;
        if (o.deadline.last_office_day != a.deadline.last_office_day ||
            ready_of(o) != ready_of(a)) {
          r.moved.push_back(
              {file, s.student_id, s.name, o.deadline.last_office_day,
               a.deadline.last_office_day, ready_of(o), ready_of(a)});
        }
      });
  std::sort(r.moved.begin(), r.moved.end(),
            [](const MovedStudent& a, const MovedStudent& b) {
              return a.file < b.file;
            });
}

/// The day `d` as the two calendars decide it.
ChangedDay changed_day(const WorkCalendar& before, const WorkCalendar& after,
                       Date d) {
  const DayInfo b = before.day(d);
  const DayInfo a = after.day(d);
  const DayInfo& h = a.holiday != nullptr ? a : b;
  return {d, b.is_workday(), a.is_workday(),
          h.holiday != nullptr ? std::optional<Text>(h.holiday->name)
                               : std::nullopt};
}

std::vector<ImportedYear> read_imports(
    const std::vector<std::string>& sources) {
  std::vector<ImportedYear> imports;
  for (const std::string& source : sources) {
    auto years = read_holiday_source(read_source(source), source);
    std::move(years.begin(), years.end(), std::back_inserter(imports));
  }
  return imports;
}

/// The days of the notice-years `years` whose status the import changes.
std::vector<Date> changes(const WorkCalendar& before, const WorkCalendar& after,
                          const std::vector<HolidayYear>& years) {
  std::set<Date> changed;
  for (const HolidayYear& y : years) {
    for (Date d : changed_days(before, after, notice_span(y.year))) {
      changed.insert(d);
    }
  }
  return {changed.begin(), changed.end()};
}

int run_import(Context& ctx, const ImportArgs& a) {
  const Target target = target_of(a);
  const std::vector<ImportedYear> imports = read_imports(a.sources);
  const WorkCalendar& before = ctx.calendar();
  ImportReport r;
  r.years = merge_imports(imports, before.years());
  // The merged years pass the checks every table loaded later will.
  const std::string name = target == Target::file ? a.output : "import";
  r.years =
      parse_holiday_file(format_holiday_table(r.years), name, Origin::file);

  std::vector<Write> writes;
  Origin layer = Origin::file;
  if (target == Target::file) {
    writes.push_back({a.output, r.years});
  } else if (target != Target::none) {
    layer = target == Target::system ? Origin::system : Origin::user;
    const fs::path dir = target == Target::system ? ctx.system_holidays_dir()
                                                  : ctx.user_holidays_dir();
    writes = install_plan(dir, layer, r.years, before, a.force);
  }
  std::vector<HolidayYear> installed = r.years;
  for (std::size_t i = 0; i < writes.size() && layer != Origin::file; ++i) {
    installed[i].origin = layer;
    installed[i].path = writes[i].file.string();
  }
  const WorkCalendar after = ctx.calendar_with(installed, layer);

  for (Date d : changes(before, after, r.years)) {
    r.changed.push_back(changed_day(before, after, d));
  }
  affected(ctx, a.check, before, after, r);
  r.dry_run = a.dry_run;
  for (const Write& w : writes) {
    if (!a.dry_run) {
      write_holiday_table(w.file, w.years);
    }
    r.written.push_back(w.file.string());
  }

  if (a.format == "tsv") {
    fmt::print("{}", format_holiday_tsv(r.years));
  } else if (a.format == "json") {
    r.table = format_holiday_table(r.years);
    fmt::print("{}", render_import_report_json(r));
  } else {
    print_text(ctx, render_import_report_text(r));
  }
  return r.errors.empty() ? ex::k_ok : ex::k_bad_input;
}

std::vector<Example> import_examples() {
  return {{"rpx holidays import notice-2027.txt",
           tr("help.holidays.import.example.show")},
          {"rpx holidays import notice-2027.txt --install --check students",
           tr("help.holidays.import.example.install")},
          {"rpx holidays import - -o holidays-2027.json < notice-2027.txt",
           tr("help.holidays.import.example.stdin")}};
}

/// docs/cli.md, "Importing a notice".
std::vector<ExitCode> import_exit_codes() {
  return {{ex::k_ok, tr("help.exit.import.0")},
          {ex::k_bad_input, tr("help.exit.import.3")},
          {ex::k_usage, tr("help.exit.usage")},
          {ex::k_data, tr("help.exit.import.65")},
          {ex::k_exists, tr("help.exit.import.73")},
          {ex::k_io, tr("help.exit.import.74")}};
}

}  // namespace

void add_holidays_import(CLI::App& holidays, Context& ctx) {
  auto* cmd = holidays.add_subcommand(
      "import", tr("help.holidays.import.about") + "\n\n" +
                    tr("help.holidays.import.text"));
  auto a = std::make_shared<ImportArgs>();
  cmd->add_option("SOURCE", a->sources, tr("help.holidays.import.source"))
      ->required()
      ->type_name("FILE");
  cmd->add_option("-o,--output", a->output, tr("help.holidays.import.output"))
      ->type_name("FILE");
  cmd->add_flag("--install", a->install, tr("help.holidays.import.install"));
  cmd->add_flag("--system", a->system, tr("help.holidays.import.system"));
  cmd->add_flag("--force", a->force, tr("help.holidays.import.force"));
  cmd->add_flag("--dry-run", a->dry_run, tr("help.holidays.import.dry_run"));
  const std::vector<std::string> formats{"text", "tsv", "json"};
  accept_only(cmd->add_option("--format", a->format,
                              tr("help.holidays.import.format",
                                 {{"values", or_list(formats)}})),
              ctx, formats)
      ->type_name("FORMAT");
  cmd->add_option("--check", a->check, tr("help.holidays.import.check"))
      ->type_name("PATH");
  set_help_footer(*cmd, import_examples(), import_exit_codes());
  cmd->callback(
      [&ctx, a] { ctx.run = [&ctx, a] { return run_import(ctx, *a); }; });
}

}  // namespace rpx::cli
