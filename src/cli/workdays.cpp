// rpx workdays add|count|is: the workday arithmetic of docs/cli.md, exposed.
#include <fmt/format.h>

#include <rpx/calendar.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "help.hpp"

namespace rpx::cli {

namespace {

constexpr long long k_max_n = 10000;  // docs/cli.md: |N| <= 10 000

/// stdout carries only the answer; a calendar warning goes to stderr.
void warn_if_uncovered(const WorkCalendar& cal, Date a, Date b) {
  const CalendarNote note = cal.note(a, b);
  if (note.basis != Basis::official) {
    warn(render_warning_line(calendar_warning(note, "the answer")));
  }
}

void add_add(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("add", tr("help.workdays.add.about"));
  cmd->add_option("DATE", *a, tr("help.workdays.add.date"))->required();
  cmd->add_option("N", *b, tr("help.workdays.add.n"))->required();
  set_help_footer(*cmd, {{"rpx workdays add 2024-09-27 1",
                          tr("help.workdays.add.example.adjusted")},
                         {"rpx workdays add 2026-12-01 15",
                          tr("help.workdays.add.example.ready")},
                         {"rpx workdays add 2026-10-09 -1",
                          tr("help.workdays.add.example.before")}});
  cmd->callback([&ctx, a, b] {
    ctx.run = [&ctx, a, b] {
      const Date d = require_date(*a, "DATE");
      const auto n =
          static_cast<int>(require_integer(*b, -k_max_n, k_max_n, "N"));
      const Date r = ctx.calendar().add(d, Workdays{n});
      warn_if_uncovered(ctx.calendar(), d, r);
      fmt::print("{}\n", format_date(r));
      return 0;
    };
  });
}

void add_count(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("count", tr("help.workdays.count.about"));
  cmd->add_option("FROM", *a, tr("help.workdays.count.from"))->required();
  cmd->add_option("TO", *b, tr("help.workdays.count.to"))->required();
  set_help_footer(*cmd, {{"rpx workdays count 2024-09-30 2024-10-12",
                          tr("help.workdays.count.example.national_day")},
                         {"rpx workdays count 2026-11-25 2026-12-21",
                          tr("help.workdays.count.example.left")}});
  cmd->callback([&ctx, a, b] {
    ctx.run = [&ctx, a, b] {
      const Date from = require_date(*a, "FROM");
      const Date to = require_date(*b, "TO");
      const Workdays n = ctx.calendar().count(from, to);
      warn_if_uncovered(ctx.calendar(), from, to);
      fmt::print("{}\n", n.value);
      return 0;
    };
  });
}

std::vector<ExitCode> is_exit_codes() {
  return {{exit_status::k_ok, tr("help.exit.is.0")},
          {exit_status::k_not_workday, tr("help.exit.is.1")},
          {exit_status::k_usage, tr("help.exit.usage")}};
}

void add_is(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("is", tr("help.workdays.is.about"));
  cmd->add_option("DATE", *a, tr("help.workdays.is.date"))->required();
  set_help_footer(
      *cmd,
      {{"rpx workdays is 2026-02-14", tr("help.workdays.is.example.adjusted")},
       {"rpx workdays is 2026-10-01", tr("help.workdays.is.example.holiday")}},
      is_exit_codes());
  cmd->callback([&ctx, a] {
    ctx.run = [&ctx, a] {
      const Date d = require_date(*a, "DATE");
      const WorkCalendar& cal = ctx.calendar();
      const bool work = cal.is_workday(d);
      print_text(ctx,
                 render_is_workday(cal.day_facts(d), work, cal.note(d, d)));
      return work ? exit_status::k_ok : exit_status::k_not_workday;
    };
  });
}

}  // namespace

void add_workdays(CLI::App& app, Context& ctx) {
  auto* group =
      app.add_subcommand("workdays", tr("help.workdays.about") + "\n\n" +
                                         tr("help.workdays.text"));
  group->require_subcommand(1);
  add_add(*group, ctx);
  add_count(*group, ctx);
  add_is(*group, ctx);
  set_help_footer(*group, {{"rpx workdays add 2024-09-27 1",
                            tr("help.workdays.add.example.adjusted")},
                           {"rpx workdays count 2024-09-30 2024-10-12",
                            tr("help.workdays.count.example.national_day")},
                           {"rpx workdays is 2026-02-14",
                            tr("help.workdays.is.example.adjusted")}});
}

}  // namespace rpx::cli
