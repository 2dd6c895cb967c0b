// rpx holidays [YEAR]: one notice-year's schedule, and where every year's
// table comes from.
#include <fmt/format.h>

#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/provisional.hpp>
#include <rpx/render_holidays.hpp>

#include "commands.hpp"

namespace rpx::cli {

void add_holidays(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "holidays",
      "A year's holiday schedule (official or provisional) and the tables' "
      "coverage");
  auto year_arg = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto provisional = std::make_shared<bool>(false);
  cmd->add_option("YEAR", *year_arg, "Notice-year (default: this year)");
  cmd->add_flag("--provisional", *provisional,
                "The provisional schedule rpx estimates for YEAR (2000–2100), "
                "even when an official table exists");
  cmd->add_option("--format", *format, "text, json or tsv")
      ->check(CLI::IsMember({"text", "json", "tsv"}));
  add_holidays_import(*cmd, ctx);
  cmd->callback([&ctx, year_arg, format, provisional] {
    if (ctx.run) {
      return;  // a subcommand (import) chose
    }
    ctx.run = [&ctx, year_arg, format, provisional] {
      if (year_arg->empty() && !*provisional) {
        if (*format == "tsv") {
          throw UsageError(Message("error.tsv_needs_year"));
        }
        return holidays_overview(ctx, *format);
      }
      const int year =
          year_arg->empty()
              ? static_cast<int>(date::year_month_day{ctx.today()}.year())
              : static_cast<int>(
                    require_integer(*year_arg, k_min_year, k_max_year, "YEAR"));
      const WorkCalendar& cal = ctx.calendar();
      std::optional<HolidayYear> estimate;
      if (*provisional) {
        if (year < k_provisional_first_year) {
          throw UsageError(
              Message("error.no_provisional_schedule", {{"year", year}}));
        }
        estimate = provisional_year(bundled_holiday_model(), year);
      }
      const HolidayYear* y = estimate ? &*estimate : cal.notice(year);
      if (*format == "json") {
        fmt::print("{}", render_holidays_json(y, year, cal.years()));
      } else if (*format == "tsv") {
        fmt::print("{}", render_holidays_tsv(y));
      } else {
        print_text(ctx, render_holidays_text(y, year, cal.years()));
      }
      if (*provisional || (y != nullptr && y->origin != Origin::provisional)) {
        return exit_status::k_ok;
      }
      return exit_status::k_no_table;
    };
  });
}

}  // namespace rpx::cli
