// rpx workdays add|count|is: the workday arithmetic of docs/cli.md, exposed.
#include <fmt/format.h>

#include <rpx/calendar.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/render.hpp>

#include "app.hpp"
#include "commands.hpp"

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

}  // namespace

void add_workdays(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("workdays", "Workday arithmetic");
  group->require_subcommand(1);

  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();

  auto* add = group->add_subcommand(
      "add", "The N-th workday after DATE (before it when N < 0)");
  add->add_option("DATE", *a, "Start date")->required();
  add->add_option("N", *b, "Workdays, -10000 to 10000")->required();
  add->callback([&ctx, a, b] {
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

  auto* count = group->add_subcommand(
      "count", "Workdays d with FROM < d <= TO (negative when TO < FROM)");
  count->add_option("FROM", *a, "Start date (not counted)")->required();
  count->add_option("TO", *b, "End date (counted)")->required();
  count->callback([&ctx, a, b] {
    ctx.run = [&ctx, a, b] {
      const Date from = require_date(*a, "FROM");
      const Date to = require_date(*b, "TO");
      const Workdays n = ctx.calendar().count(from, to);
      warn_if_uncovered(ctx.calendar(), from, to);
      fmt::print("{}\n", n.value);
      return 0;
    };
  });

  auto* is = group->add_subcommand(
      "is", "Exit 0 if DATE is a workday, 1 if not, and say why");
  is->add_option("DATE", *a, "The date")->required();
  is->callback([&ctx, a] {
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

}  // namespace rpx::cli
