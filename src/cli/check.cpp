// rpx check, rpx remind: the staff's view of a cohort and cron's reminders.
// Both read state files without locking (a save is an atomic rename), so a
// batch never blocks a student, and both only assess, then render.

#include <cstdio>
#include <filesystem>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/layout.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "student.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

namespace ex = rpx::exit_status;
namespace fs = std::filesystem;

/// Spreadsheet programs (Excel) read a CSV file as UTF-8 only when it
/// starts with this (docs/cli.md, "JSON": `--bom`).
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr long long k_max_within = 3650;

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string within;
  std::vector<std::string> phases;
  bool bom = false;
  bool raw = false;
};

AssessOptions assess_options(const std::string& within) {
  AssessOptions o;
  if (!within.empty()) {
    o.within_days =
        static_cast<int>(require_integer(within, 0, k_max_within, "--within"));
  }
  return o;
}

PhaseSet require_phases(const std::vector<std::string>& names) {
  if (names.empty()) {
    return PhaseSet();
  }
  std::vector<Phase> phases;
  for (const std::string& name : names) {
    const std::optional<Phase> p = parse_phase(name);
    if (!p) {
      throw UsageError(Message("error.unknown_phase", {{"value", name}}));
    }
    phases.push_back(*p);
  }
  return PhaseSet(phases);
}

/// docs/cli.md, "Exit codes": the largest of 1, 2 and 3 that applies.
int exit_code(const PhaseCounts& counts, bool unreadable) {
  if (unreadable) {
    return ex::k_bad_input;
  }
  if (counts[Phase::expired] + counts[Phase::overdue] > 0) {
    return ex::k_late;
  }
  if (counts[Phase::due] + counts[Phase::ready] > 0) {
    return ex::k_needs_action;
  }
  return ex::k_ok;
}

/// One run's inputs: one `today` for every student, so that a batch that
/// crosses midnight stays consistent.
struct Batch {
  std::vector<std::string> paths;
  AssessOptions options;
  PhaseSet phases;
  Date today;
};

/// What a batch produced: one rendered `T` per student, in check's order.
template <class T>
struct Collected {
  std::vector<Ranked<T>> items;
  PhaseCounts counts;
  std::vector<BatchError> errors;
};

/// Assesses every student under `b.paths` and keeps, for those in
/// `b.phases`, `make(file, state, assessment)`: only what the output needs is
/// held, not every state, so that 10^5 students fit in memory.
template <class T, class Make>
Collected<T> collect(Context& ctx, const Batch& b, const Make& make) {
  Collected<T> out;
  const BatchContext batch{ctx.rules(), ctx.calendar(), b.today, b.options};
  out.errors = for_each_student(
      b.paths, batch,
      [&](const std::string& file, const StudentState& s, const Assessment& a) {
        if (b.phases.contains(a.phase)) {
          out.counts.add(a.phase);
          out.items.push_back(
              Ranked<T>{urgency_of(file, s, a), make(file, s, a)});
        }
      });
  sort_by_urgency(out.items);
  return out;
}

void put(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void put_all(const std::vector<Ranked<std::string>>& items) {
  for (const Ranked<std::string>& r : items) {
    put(r.item);
  }
}

/// Errors after the results, so that on a terminal they are not scrolled
/// away by a long table.
void print_errors(const std::vector<BatchError>& errors) {
  for (const BatchError& e : errors) {
    warn(render_error_line(e));
  }
}

int check_table(Context& ctx, const Batch& b) {
  auto c = collect<TableRow>(ctx, b, make_table_row);
  std::vector<TableRow> rows;
  rows.reserve(c.items.size());
  for (Ranked<TableRow>& r : c.items) {
    rows.push_back(std::move(r.item));
  }
  put(render_check_table(rows, c.counts, b.phases, c.errors.size(),
                         ctx.text_style()));
  print_errors(c.errors);
  return exit_code(c.counts, !c.errors.empty());
}

/// The errors are inside the document: nothing on stderr.
int check_json(Context& ctx, const Batch& b) {
  const Date today = b.today;
  auto c = collect<std::string>(
      ctx, b,
      [today](const std::string& file, const StudentState& s,
              const Assessment& a) {
        return render_student_json(valid_utf8(file), s, a, today, 2);
      });
  std::vector<std::string> students;
  students.reserve(c.items.size());
  for (Ranked<std::string>& r : c.items) {
    students.push_back(std::move(r.item));
  }
  render_check_json(today, students, c.counts, c.errors, put);
  return exit_code(c.counts, !c.errors.empty());
}

enum class Lines { jsonl, csv };

int check_lines(Context& ctx, const Batch& b, Lines kind, bool bom,
                CsvCells cells) {
  const Date today = b.today;
  const auto c = collect<std::string>(
      ctx, b,
      [today, kind, cells](const std::string& file, const StudentState& s,
                           const Assessment& a) {
        return kind == Lines::csv
                   ? render_csv_row(file, s, a, cells)
                   : render_student_json(valid_utf8(file), s, a, today, -1);
      });
  if (kind == Lines::csv) {
    put(bom ? std::string(k_utf8_bom) + render_csv_header()
            : render_csv_header());
  }
  put_all(c.items);
  print_errors(c.errors);
  return exit_code(c.counts, !c.errors.empty());
}

int check(Context& ctx, const CheckArgs& args) {
  const Batch b{args.paths, assess_options(args.within),
                require_phases(args.phases), ctx.today()};
  if (args.bom && args.format != "csv") {
    throw UsageError(Message("error.bom_needs_csv"));
  }
  if (args.raw && args.format != "csv") {
    throw UsageError(Message("error.raw_needs_csv"));
  }
  if (args.format == "table") {
    return check_table(ctx, b);
  }
  if (args.format == "json") {
    return check_json(ctx, b);
  }
  return check_lines(ctx, b, args.format == "csv" ? Lines::csv : Lines::jsonl,
                     args.bom, args.raw ? CsvCells::raw : CsvCells::guarded);
}

/// Without PATH, remind reads the student's own file, whose absence means
/// `init` was never run: the usual message and 66, as for `status`, not an
/// unreadable input (3).
std::string default_input(Context& ctx) {
  const fs::path file = ctx.state_file();
  std::error_code ec;
  if (!fs::exists(file, ec) && !ec) {
    student_store(ctx).load();  // throws NoStateFile
  }
  return file.string();
}

int remind(Context& ctx, const std::vector<std::string>& given,
           const std::string& within) {
  // Only the phases that need action are kept: the others print nothing
  // and do not change the exit code.
  const Batch b{
      given.empty() ? std::vector<std::string>{default_input(ctx)} : given,
      assess_options(within),
      PhaseSet({Phase::expired, Phase::overdue, Phase::due, Phase::ready}),
      ctx.today()};
  // A line too long for the terminal goes on indented, so that each
  // student's line still starts at the margin.
  const auto c = collect<std::string>(
      ctx, b,
      [today = b.today, width = ctx.width()](
          const std::string& file, const StudentState& s, const Assessment& a) {
        return wrap_text(render_remind_line(file, s, a, today), width, 2);
      });
  put_all(c.items);
  print_errors(c.errors);
  return exit_code(c.counts, !c.errors.empty());
}

/// check's and remind's exit codes (docs/cli.md, "Exit codes").
std::vector<ExitCode> batch_exit_codes() {
  return {{ex::k_ok, tr("help.exit.batch.0")},
          {ex::k_needs_action, tr("help.exit.batch.1")},
          {ex::k_late, tr("help.exit.batch.2")},
          {ex::k_bad_input, tr("help.exit.batch.3")},
          {ex::k_usage, tr("help.exit.usage")}};
}

CLI::Option* add_within(CLI::App& cmd, std::string& within) {
  return cmd.add_option("--within", within, tr("help.check.within"))
      ->type_name("N");
}

void add_remind(CLI::App& app, Context& ctx) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto within = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "remind", tr("help.remind.about") + "\n\n" + tr("help.remind.text"));
  cmd->add_option("PATH", *paths, tr("help.remind.path"))->type_name("");
  add_within(*cmd, *within);
  set_help_footer(
      *cmd,
      {{"rpx remind", tr("help.remind.example.own")},
       {"rpx remind /srv/rpx/students", tr("help.remind.example.cohort")},
       {"0 8 * * *  rpx remind /srv/rpx/students",
        tr("help.remind.example.cron")}},
      batch_exit_codes());
  cmd->callback([&ctx, paths, within] {
    ctx.run = [&ctx, paths, within] { return remind(ctx, *paths, *within); };
  });
}

}  // namespace

void add_check(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", tr("help.check.about") + "\n\n" + tr("help.check.text"));
  cmd->add_option("PATH", args->paths, tr("help.check.path"))
      ->required()
      ->type_name("");
  const std::vector<std::string> formats{"table", "json", "jsonl", "csv"};
  accept_only(
      cmd->add_option("--format", args->format,
                      tr("help.check.format", {{"values", or_list(formats)}})),
      ctx, formats)
      ->type_name("FORMAT");
  add_within(*cmd, args->within);
  cmd->add_option(
         "--phase", args->phases,
         tr("help.check.phase",
            {{"values", comma_list({"expired", "overdue", "due", "ready",
                                    "processing", "upcoming", "collected"})}}))
      ->delimiter(',')
      ->type_name("PHASE");
  cmd->add_flag("--bom", args->bom, tr("help.check.bom"));
  cmd->add_flag("--raw", args->raw, tr("help.check.raw"));
  set_help_footer(*cmd,
                  {{"rpx check students", tr("help.check.example.table")},
                   {"rpx check students --phase overdue,due --within 14",
                    tr("help.check.example.phase")},
                   {"rpx check students --format csv --bom > cohort.csv",
                    tr("help.check.example.csv")}},
                  batch_exit_codes());
  cmd->callback(
      [&ctx, args] { ctx.run = [&ctx, args] { return check(ctx, *args); }; });
  add_remind(app, ctx);
}

}  // namespace rpx::cli
