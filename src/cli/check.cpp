// rpx check, rpx remind: the staff's view of a cohort and cron's reminders.
// Both read state files without locking (a save is an atomic rename), so a
// batch never blocks a student, and both only assess, then render.

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <rpx/batch.hpp>
#include <rpx/columns.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/layout.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/suggest.hpp>
#include <set>

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
  std::vector<std::string> columns;
  std::vector<std::string> where;
  bool bom = false;
  bool raw = false;
};

/// A column or filter name: a built-in field, else an extra field, whose
/// name must be one a state file could hold.
Column require_column(const std::string& name, std::string_view option) {
  if (const std::optional<Field> f = parse_field(name)) {
    return Column::of(*f);
  }
  if (const std::optional<Message> problem = extra_key_problem(name)) {
    throw UsageError(
        Message("error.bad_field", {{"option", option}, {"reason", *problem}}));
  }
  return Column::extra(name);
}

/// True when `a` and `b` are one field: an extra's name matches ignoring
/// ASCII case.
bool same_column(const Column& a, const Column& b) {
  return a.field || b.field ? a.field == b.field : same_extra_key(a.key, b.key);
}

std::vector<Column> require_columns(const std::vector<std::string>& names) {
  std::vector<Column> out;
  for (const std::string& name : names) {
    Column c = require_column(name, "--columns");
    if (std::any_of(out.begin(), out.end(),
                    [&](const Column& o) { return same_column(o, c); })) {
      throw UsageError(Message("error.column_twice", {{"name", name}}));
    }
    out.push_back(std::move(c));
  }
  return out;
}

/// `--where KEY=VALUE`, repeatable: one filter per KEY, holding all its
/// values (any of them passes), in the order the keys were first given.
std::vector<Where> require_filters(const std::vector<std::string>& given) {
  std::vector<Where> out;
  for (const std::string& g : given) {
    const std::size_t eq = g.find('=');
    if (eq == std::string::npos) {
      throw UsageError(Message("error.where_syntax", {{"value", g}}));
    }
    Column c = require_column(g.substr(0, eq), "--where");
    auto it = std::find_if(out.begin(), out.end(), [&](const Where& w) {
      return same_column(w.column, c);
    });
    if (it == out.end()) {
      out.push_back(Where{std::move(c), {}});
      it = std::prev(out.end());
    }
    it->values.push_back(g.substr(eq + 1));
  }
  return out;
}

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
  std::vector<Where> filters;
  /// The extra fields asked for (`--columns`, `--where`), to say which no
  /// student has.
  std::vector<std::string> extras;
};

/// The extra fields of `b.extras` that no student under `b.paths` has, and
/// the extra fields seen, for suggestions.
class ExtrasSeen {
 public:
  explicit ExtrasSeen(const std::vector<std::string>& asked)
      : m_asked(asked), m_found(asked.size(), false) {}

  /// Safe to call from several threads.
  void add(const StudentState& s) {
    if (m_asked.empty()) {
      return;
    }
    const std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < m_asked.size(); ++i) {
      m_found[i] = m_found[i] || find_extra(s, m_asked[i]) != nullptr;
    }
    // The students come in no fixed order (several threads read them):
    // the names kept are the first k_max_seen in byte order, whatever the
    // order, so that the suggestion does not depend on it.
    for (const auto& member : s.unknown) {
      m_seen.insert(member.first);
      if (m_seen.size() > k_max_seen) {
        m_seen.erase(std::prev(m_seen.end()));
      }
    }
  }

  /// A warning on stderr for each extra field asked for that no student
  /// has: most likely a typo, which would otherwise print empty cells.
  void warn_missing() const {
    std::vector<std::string_view> names = field_names();
    names.insert(names.end(), m_seen.begin(), m_seen.end());
    for (std::size_t i = 0; i < m_asked.size(); ++i) {
      if (m_found[i]) {
        continue;
      }
      const std::optional<std::string_view> s = suggest(m_asked[i], names);
      warn(fmt::format(
          "rpx: {}\n",
          s ? tr("check.warning.no_field_suggest",
                 {{"name", m_asked[i]}, {"suggestion", *s}})
            : tr("check.warning.no_field", {{"name", m_asked[i]}})));
    }
  }

 private:
  static constexpr std::size_t k_max_seen = 1000;
  std::mutex m_mutex;
  std::vector<std::string> m_asked;
  std::vector<bool> m_found;
  std::set<std::string> m_seen;
};

/// Reads and assesses every student under `b.paths` and keeps, packed, those
/// in `b.phases` that pass `b.filters`: not their states or rendered texts,
/// so that 10^5 students fit in memory. Rendering comes after, in order.
Cohort collect(Context& ctx, const Batch& b) {
  ExtrasSeen extras(b.extras);
  const BatchContext batch{ctx.rules(), ctx.calendar(), b.today, b.options};
  Cohort cohort = read_cohort(
      b.paths, batch,
      [&](const std::string& file, const StudentState& s, const Assessment& a) {
        extras.add(s);
        return b.phases.contains(a.phase) && matches(b.filters, file, s, a);
      });
  extras.warn_missing();
  return cohort;
}

void put(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

/// Errors after the results, so that on a terminal they are not scrolled
/// away by a long table.
void print_errors(const std::vector<BatchError>& errors) {
  for (const BatchError& e : errors) {
    warn(render_error_line(e));
  }
}

int finish(const Cohort& c) {
  print_errors(c.errors());
  return exit_code(c.counts(), !c.errors().empty());
}

/// Two passes over the packed students: one to measure the columns, one
/// to print the rows, so that no row is held.
int check_table(Context& ctx, const Batch& b,
                const std::vector<Column>& columns) {
  const Cohort c = collect(ctx, b);
  std::vector<TableLayout> layouts(c.workers(), TableLayout(columns));
  c.visit_unordered([&](unsigned worker, const std::string& file,
                        const StudentState& s, const Assessment& a) {
    layouts[worker].measure(make_table_row(columns, file, s, a));
  });
  TableLayout& layout = layouts.front();
  for (std::size_t i = 1; i < layouts.size(); ++i) {
    layout.merge(layouts[i]);
  }
  const TextStyle style = ctx.text_style();
  layout.fit(style.width);
  if (c.size() > 0) {
    put(layout.header(style));
  }
  c.render_in_order(
      [&](const std::string& file, const StudentState& s, const Assessment& a) {
        return layout.line(make_table_row(columns, file, s, a), style);
      },
      put);
  put(layout.footer(c.counts(), b.phases, c.errors().size(), style));
  return finish(c);
}

/// The errors are inside the document: nothing on stderr.
int check_json(Context& ctx, const Batch& b) {
  const Cohort c = collect(ctx, b);
  const Date today = b.today;
  render_check_json(
      today,
      [&](const Sink& each) {
        c.render_in_order(
            [today](const std::string& file, const StudentState& s,
                    const Assessment& a) {
              return render_check_json_student(file, s, a, today);
            },
            each);
      },
      c.counts(), c.errors(), put);
  return exit_code(c.counts(), !c.errors().empty());
}

int check_html(Context& ctx, const Batch& b,
               const std::vector<Column>& columns) {
  const Cohort c = collect(ctx, b);
  std::vector<HtmlChart> charts(c.workers(), HtmlChart(b.today));
  c.visit_unordered([&](unsigned worker, const std::string&,
                        const StudentState&,
                        const Assessment& a) { charts[worker].add(a); });
  for (std::size_t i = 1; i < charts.size(); ++i) {
    charts.front().merge(charts[i]);
  }
  const HtmlReport report{b.today,  official_years(ctx.calendar().tables()),
                          columns,  c.counts(),
                          b.phases, c.errors()};
  render_check_html(
      report, charts.front(),
      [&](const Sink& each) {
        c.render_in_order(
            [&columns](const std::string& file, const StudentState& s,
                       const Assessment& a) {
              return render_html_row(columns, file, s, a);
            },
            each);
      },
      put);
  return finish(c);
}

enum class Lines { jsonl, csv };

int check_lines(Context& ctx, const Batch& b, Lines kind, bool bom,
                CsvCells cells, const std::vector<Column>& columns) {
  const Cohort c = collect(ctx, b);
  if (kind == Lines::csv) {
    put(bom ? std::string(k_utf8_bom) + render_csv_header(columns)
            : render_csv_header(columns));
  }
  const Date today = b.today;
  c.render_in_order(
      [today, kind, cells, &columns](
          const std::string& file, const StudentState& s, const Assessment& a) {
        return kind == Lines::csv
                   ? render_csv_row(columns, file, s, a, cells)
                   : render_student_json(valid_utf8(file), s, a, today, -1);
      },
      put);
  return finish(c);
}

/// The extra fields among `columns` and `filters`, each once.
std::vector<std::string> extras_of(const std::vector<Column>& columns,
                                   const std::vector<Where>& filters) {
  std::vector<std::string> out;
  const auto add = [&out](const Column& c) {
    if (!c.field && std::find(out.begin(), out.end(), c.key) == out.end()) {
      out.push_back(c.key);
    }
  };
  std::for_each(columns.begin(), columns.end(), add);
  for (const Where& w : filters) {
    add(w.column);
  }
  return out;
}

int check(Context& ctx, const CheckArgs& args) {
  Batch b{args.paths,  assess_options(args.within), require_phases(args.phases),
          ctx.today(), require_filters(args.where), {}};
  if (args.bom && args.format != "csv") {
    throw UsageError(Message("error.bom_needs_csv"));
  }
  if (args.raw && args.format != "csv") {
    throw UsageError(Message("error.raw_needs_csv"));
  }
  if (!args.columns.empty() && args.format != "csv" && args.format != "table" &&
      args.format != "html") {
    throw UsageError(Message("error.columns_needs_table_or_csv"));
  }
  const bool table = args.format == "table";
  const std::vector<Column> columns = !args.columns.empty()
                                          ? require_columns(args.columns)
                                      : table ? default_table_columns()
                                              : default_csv_columns();
  b.extras = extras_of(args.columns.empty() ? std::vector<Column>{} : columns,
                       b.filters);
  if (table) {
    return check_table(ctx, b, columns);
  }
  if (args.format == "json") {
    return check_json(ctx, b);
  }
  if (args.format == "html") {
    return check_html(ctx, b, columns);
  }
  return check_lines(ctx, b, args.format == "csv" ? Lines::csv : Lines::jsonl,
                     args.bom, args.raw ? CsvCells::raw : CsvCells::guarded,
                     columns);
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
      ctx.today(),
      {},
      {}};
  // A line too long for the terminal goes on indented, so that each
  // student's line still starts at the margin.
  const Cohort c = collect(ctx, b);
  c.render_in_order(
      [today = b.today, width = ctx.width(), &rules = ctx.rules()](
          const std::string& file, const StudentState& s, const Assessment& a) {
        return wrap_text(render_remind_line(file, s, a, rules, today), width,
                         2);
      },
      put);
  return finish(c);
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
  cmd->add_option("PATH", *paths, tr("help.remind.path"))->type_name("PATH");
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
      ->type_name("PATH");
  const std::vector<std::string> formats{"table", "json", "jsonl", "csv",
                                         "html"};
  accept_only(
      cmd->add_option("--format", args->format,
                      tr("help.check.format", {{"values", or_list(formats)}})),
      ctx, formats)
      ->type_name("FORMAT");
  add_within(*cmd, args->within);
  std::vector<std::string> phases;
  for (const Phase p : k_phases) {
    phases.emplace_back(phase_name(p));
  }
  accept_later(
      cmd->add_option("--phase", args->phases,
                      tr("help.check.phase", {{"values", comma_list(phases)}})),
      ctx, phases)
      ->delimiter(',')
      ->type_name("PHASE");
  // Extra fields too: the built-in ones are those to offer.
  const std::vector<std::string_view> names = field_names();
  const std::vector<std::string> fields(names.begin(), names.end());
  accept_later(cmd->add_option(
                   "--columns", args->columns,
                   tr("help.check.columns", {{"fields", comma_list(fields)}})),
               ctx, fields)
      ->delimiter(',')
      ->type_name("LIST");
  cmd->add_option("--where", args->where, tr("help.check.where"))
      ->type_name("KEY=VALUE");
  cmd->add_flag("--bom", args->bom, tr("help.check.bom"));
  cmd->add_flag("--raw", args->raw, tr("help.check.raw"));
  set_help_footer(*cmd,
                  {{"rpx check students", tr("help.check.example.table")},
                   {"rpx check students --phase overdue,due --within 14",
                    tr("help.check.example.phase")},
                   {"rpx check students --format csv --bom > cohort.csv",
                    tr("help.check.example.csv")},
                   {"rpx check students --format html > report.html",
                    tr("help.check.example.html")},
                   {"rpx check students --where advisor=Li "
                    "--columns student_id,name,advisor",
                    tr("help.check.example.where")}},
                  batch_exit_codes());
  cmd->callback(
      [&ctx, args] { ctx.run = [&ctx, args] { return check(ctx, *args); }; });
  add_remind(app, ctx);
}

}  // namespace rpx::cli
