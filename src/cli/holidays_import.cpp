// rpx holidays import SOURCE...: a State Council notice (or holiday-cn's or
// rpx's JSON) into a holiday table, written with -o or installed where
// every later run finds it, and what that changes (docs/holidays.md).
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <rpx/atomic_file.hpp>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/holiday_import.hpp>
#include <rpx/holidays.hpp>
#include <rpx/json_util.hpp>
#include <set>

#include "commands.hpp"

namespace rpx::cli {

namespace {

namespace fs = std::filesystem;
namespace ex = rpx::exit_status;

/// Readable by everyone: the system table is for cron jobs and every user.
constexpr mode_t k_table_mode = 0644;

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
    throw UsageError("holidays import: give -o FILE or --install, not both");
  }
  if (a.system && !a.install) {
    throw UsageError("holidays import: --system goes with --install");
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
    throw DataError("-: standard input is larger than 1 MiB");
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
      throw WouldOverwrite(fmt::format(
          "{} is already installed in {}: use --force to replace it", y.year,
          exists ? file.string() : installed->path));
    }
    out.push_back({file, {y}});
  }
  return out;
}

void write_table(const Write& w) {
  // Directories as `mkdir -p` would make them: tables are for every user.
  make_dirs(w.file.parent_path(), umask_mode(0777));
  AtomicFile out(w.file, w.file);
  out.set_mode(k_table_mode);
  out.write(format_holiday_table(w.years));
  out.commit();
}

std::string status_word(const DayInfo& d) {
  return d.is_workday() ? "workday" : "day off";
}

std::string holiday_of(const DayInfo& before, const DayInfo& after) {
  const DayInfo& d = after.holiday != nullptr ? after : before;
  return d.holiday != nullptr ? fmt::format(" ({})", d.holiday->name.en())
                              : std::string();
}

/// A student whose dates move with the new schedule.
struct Moved {
  std::string file;
  std::string student_id;
  std::string name;
  Date last_before;
  Date last_after;
  std::optional<Date> ready_before;
  std::optional<Date> ready_after;
};

/// The ready estimate: from the progress note once filed, else if filed on
/// the last office day (or the first workday from today).
std::optional<Date> ready_of(const Assessment& a) {
  return a.ready_estimate ? a.ready_estimate : a.ready_if_filed;
}

struct Affected {
  std::size_t checked = 0;  // students assessed under both calendars
  std::vector<Moved> moved;
  std::vector<BatchError> errors;
};

Affected affected(Context& ctx, const std::vector<std::string>& paths,
                  const WorkCalendar& before, const WorkCalendar& after) {
  Affected out;
  if (paths.empty()) {
    return out;
  }
  std::map<std::string, Assessment> old;
  const BatchContext old_ctx{ctx.rules(), before, ctx.today(), {}};
  out.errors =
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
        ++out.checked;
        if (o.deadline.last_office_day != a.deadline.last_office_day ||
            ready_of(o) != ready_of(a)) {
          out.moved.push_back(
              {file, s.student_id, s.name, o.deadline.last_office_day,
               a.deadline.last_office_day, ready_of(o), ready_of(a)});
        }
      });
  std::sort(out.moved.begin(), out.moved.end(),
            [](const Moved& a, const Moved& b) { return a.file < b.file; });
  return out;
}

std::string optional_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : "none";
}

struct Report {
  std::vector<HolidayYear> years;
  std::vector<std::string> written;
  bool dry_run = false;
  std::vector<Date> changed;
  Affected students;
};

std::string report_text(const Report& r, const WorkCalendar& before,
                        const WorkCalendar& after) {
  std::string out;
  for (const HolidayYear& y : r.years) {
    out += fmt::format("Read {}: {} ({} holidays)\n", y.year, y.notice,
                       y.holidays.size());
  }
  for (const std::string& w : r.written) {
    out += fmt::format("{} {}\n", r.dry_run ? "Would write" : "Wrote", w);
  }
  if (r.written.empty()) {
    out += "Nothing written (give -o FILE or --install)\n";
  }
  if (r.changed.empty()) {
    out += "\nNo day changes from workday to day off or back.\n";
  } else {
    out += fmt::format("\n{} days change from what rpx used before:\n",
                       r.changed.size());
  }
  for (Date d : r.changed) {
    const DayInfo b = before.day(d);
    const DayInfo a = after.day(d);
    out +=
        fmt::format("  {:<9} {}  {} → {}{}\n", weekday_name(d), format_date(d),
                    status_word(b), status_word(a), holiday_of(b, a));
  }
  if (!r.students.moved.empty()) {
    out += fmt::format("\n{} of {} students' dates move:\n",
                       r.students.moved.size(), r.students.checked);
  } else if (r.students.checked != 0) {
    out += fmt::format("\nNo date moves for the {} students checked.\n",
                       r.students.checked);
  }
  for (const Moved& m : r.students.moved) {
    out += fmt::format("  {} ({}{}{})\n", m.file, m.student_id,
                       m.name.empty() ? "" : " ", m.name);
    if (m.last_before != m.last_after) {
      out += fmt::format("    last office day  {} → {}\n",
                         format_date(m.last_before), format_date(m.last_after));
    }
    if (m.ready_before != m.ready_after) {
      out += fmt::format("    ready estimate   {} → {}\n",
                         optional_date(m.ready_before),
                         optional_date(m.ready_after));
    }
  }
  for (const BatchError& e : r.students.errors) {
    out += fmt::format("  cannot assess {}: {}\n", e.file, e.error);
  }
  return out;
}

nlohmann::ordered_json json_date(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(format_date(*d))
           : nlohmann::ordered_json(nullptr);
}

std::string report_json(const Report& r, const WorkCalendar& before,
                        const WorkCalendar& after) {
  nlohmann::ordered_json j;
  j["table"] = nlohmann::ordered_json::parse(format_holiday_table(r.years));
  j["written"] = r.dry_run ? std::vector<std::string>() : r.written;
  j["dry_run"] = r.dry_run;
  auto changed = nlohmann::ordered_json::array();
  for (Date d : r.changed) {
    const DayInfo b = before.day(d);
    const DayInfo a = after.day(d);
    const DayInfo& h = a.holiday != nullptr ? a : b;
    changed.push_back(
        {{"date", format_date(d)},
         {"before", b.is_workday() ? "work" : "off"},
         {"after", a.is_workday() ? "work" : "off"},
         {"holiday", h.holiday != nullptr
                         ? nlohmann::ordered_json(h.holiday->name.en())
                         : nlohmann::ordered_json(nullptr)}});
  }
  j["changed"] = changed;
  auto students = nlohmann::ordered_json::array();
  for (const Moved& m : r.students.moved) {
    students.push_back({{"file", m.file},
                        {"student_id", m.student_id},
                        {"name", m.name},
                        {"last_office_day",
                         {{"before", format_date(m.last_before)},
                          {"after", format_date(m.last_after)}}},
                        {"ready_estimate",
                         {{"before", json_date(m.ready_before)},
                          {"after", json_date(m.ready_after)}}}});
  }
  j["students"] = students;
  auto errors = nlohmann::ordered_json::array();
  for (const BatchError& e : r.students.errors) {
    errors.push_back({{"file", e.file}, {"error", e.error}});
  }
  j["errors"] = errors;
  return j.dump(2) + "\n";
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
  Report r;
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

  r.changed = changes(before, after, r.years);
  r.students = affected(ctx, a.check, before, after);
  r.dry_run = a.dry_run;
  for (const Write& w : writes) {
    if (!a.dry_run) {
      write_table(w);
    }
    r.written.push_back(w.file.string());
  }

  if (a.format == "tsv") {
    fmt::print("{}", format_holiday_tsv(r.years));
  } else if (a.format == "json") {
    fmt::print("{}", report_json(r, before, after));
  } else {
    fmt::print("{}", report_text(r, before, after));
  }
  return r.students.errors.empty() ? ex::k_ok : ex::k_bad_input;
}

}  // namespace

void add_holidays_import(CLI::App& holidays, Context& ctx) {
  auto* cmd = holidays.add_subcommand(
      "import", "Read a State Council notice into a holiday table");
  auto a = std::make_shared<ImportArgs>();
  cmd->add_option("SOURCE", a->sources,
                  "Notice text, holiday-cn JSON or rpx table; - for stdin")
      ->required();
  cmd->add_option("-o,--output", a->output, "Write the table to FILE")
      ->type_name("FILE");
  cmd->add_flag("--install", a->install,
                "Install for every later run ($XDG_DATA_HOME/rpx/holidays)");
  cmd->add_flag("--system", a->system,
                "With --install: for everyone (/etc/rpx/holidays)");
  cmd->add_flag("--force", a->force, "Replace an installed year");
  cmd->add_flag("--dry-run", a->dry_run,
                "Show what would change; write nothing");
  cmd->add_option("--format", a->format, "text, tsv or json")
      ->check(CLI::IsMember({"text", "tsv", "json"}));
  cmd->add_option("--check", a->check,
                  "State files or directories: whose dates move")
      ->type_name("PATH");
  cmd->callback(
      [&ctx, a] { ctx.run = [&ctx, a] { return run_import(ctx, *a); }; });
}

}  // namespace rpx::cli
