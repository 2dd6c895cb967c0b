// rpx import ROSTER.csv --into DIR: staff create one state file per roster
// row (docs/import.md).
#include <fmt/format.h>

#include <cstdio>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/import.hpp>
#include <rpx/messages.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/roster.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "help.hpp"

namespace rpx::cli {

namespace {

/// A roster larger than this is refused (a data error): 10^6 students
/// take about 60 MB, so this leaves room without reading a disk image.
constexpr std::size_t k_max_roster_bytes = 256 * 1024 * 1024;

/// Bad rows listed before "... and N more": enough to see the pattern.
constexpr std::size_t k_max_listed_errors = 20;

struct Args {
  std::string roster;
  std::string into;
  bool dry_run = false;
  bool update = false;
};

std::string students(std::size_t n) {
  return tr_n("import.students", static_cast<long long>(n));
}

/// Lists the bad rows on stderr, then throws the summary (exit 65).
[[noreturn]] void refuse(const std::string& name, const Roster& roster) {
  const std::size_t n = roster.errors.size();
  for (std::size_t i = 0; i < n && i < k_max_listed_errors; ++i) {
    warn("rpx: " +
         tr("error.at_line", {{"file", name},
                              {"line", roster.errors[i].line},
                              {"reason", roster.errors[i].reason}}) +
         "\n");
  }
  if (n > k_max_listed_errors) {
    warn("rpx: " + tr("error.import.more", {{"n", n - k_max_listed_errors}}) +
         "\n");
  }
  throw DataError(message_n("error.import.refused", static_cast<long long>(n),
                            {{"file", name}}));
}

/// `--dry-run`: what would be written, one line per file that would change.
void print_plan(const ImportPlan& plan, const Roster& roster,
                const std::string& into) {
  if (plan.create_dir) {
    fmt::print("{}\n",
               tr("import.plan.create_dir", {{"dir", printable(into)}}));
  }
  for (const ImportItem& item : plan.items) {
    const RosterRow& row = roster.rows[item.row];
    if (item.action == ImportAction::create) {
      fmt::print("{}\n",
                 tr("import.plan.create",
                    {{"file", printable(item.file.string())},
                     {"name", row.name.empty() ? tr("import.plan.no_name")
                                               : printable(row.name)},
                     {"expiry", show_date(row.expiry)}}));
    } else if (item.action == ImportAction::update) {
      std::vector<std::string> changes;
      if (item.old_name != row.name) {
        changes.push_back(tr(
            "import.plan.name_change",
            {{"old", printable(item.old_name)}, {"new", printable(row.name)}}));
      }
      if (item.old_expiry != row.expiry) {
        changes.push_back(tr("import.plan.expiry_change",
                             {{"old", show_date(item.old_expiry)},
                              {"new", show_date(row.expiry)}}));
      }
      fmt::print(
          "{}\n",
          tr("import.plan.update",
             {{"file", printable(item.file.string())},
              {"changes", fmt::format("{}", fmt::join(changes, ", "))}}));
    }
  }
  fmt::print("{}\n",
             tr("import.plan.summary",
                {{"students", students(plan.count(ImportAction::create))},
                 {"dir", printable(into)},
                 {"unchanged", plan.count(ImportAction::unchanged)},
                 {"update", plan.count(ImportAction::update)}}));
}

int run_import(Context& ctx, const Args& args) {
  const Roster roster =
      parse_roster(read_file(args.roster, k_max_roster_bytes));
  if (!roster.errors.empty()) {
    refuse(args.roster, roster);
  }
  const ImportPlan plan =
      plan_import(roster, args.into,
                  args.update ? UpdateExisting::yes : UpdateExisting::no);
  if (args.dry_run) {
    print_plan(plan, roster, args.into);
    return 0;
  }
  execute_import(plan, roster, ctx.store_options());
  fmt::print("{}\n",
             tr("import.done",
                {{"students", students(plan.count(ImportAction::create))},
                 {"dir", args.into},
                 {"unchanged", plan.count(ImportAction::unchanged)},
                 {"updated", plan.count(ImportAction::update)}}));
  return 0;
}

}  // namespace

void add_import(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "import", tr("help.import.about") + "\n\n" + tr("help.import.text"));
  cmd->add_option("ROSTER", args->roster, tr("help.import.roster"))
      ->required()
      ->type_name("FILE");
  cmd->add_option("--into", args->into, tr("help.import.into"))
      ->required()
      ->type_name("DIR");
  cmd->add_flag("--dry-run", args->dry_run, tr("help.import.dry_run"));
  cmd->add_flag("--update", args->update, tr("help.import.update"));
  set_help_footer(*cmd, {{"rpx import roster.csv --into students",
                          tr("help.import.example.into")},
                         {"rpx import roster.csv --into students --dry-run",
                          tr("help.import.example.dry_run")},
                         {"rpx import roster.csv --into students --update",
                          tr("help.import.example.update")}});
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] { return run_import(ctx, *args); };
  });
}

}  // namespace rpx::cli
