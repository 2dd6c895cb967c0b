// rpx holidays [YEAR]: one notice-year's schedule, and where every year's
// table comes from.
#include <fmt/format.h>

#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/messages.hpp>
#include <rpx/provisional.hpp>
#include <rpx/render_holidays.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

void set_holidays_footer(CLI::App& cmd) {
  set_help_footer(
      cmd,
      {{"rpx holidays", tr("help.holidays.example.overview")},
       {"rpx holidays 2026", tr("help.holidays.example.year")},
       {"rpx holidays 2027 --format tsv", tr("help.holidays.example.tsv")},
       {"rpx holidays import notice-2027.txt --install",
        tr("help.holidays.example.import")}},
      {{exit_status::k_ok, tr("help.exit.holidays.0")},
       {exit_status::k_no_table, tr("help.exit.holidays.1")},
       {exit_status::k_usage, tr("help.exit.usage")}});
}

}  // namespace

void add_holidays(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("holidays", tr("help.holidays.about") + "\n\n" +
                                         tr("help.holidays.text"));
  auto year_arg = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto provisional = std::make_shared<bool>(false);
  // `rpx holidays imprt` lands in YEAR: a misspelt import, not a bad year.
  refuse_misspelt_commands(
      cmd->add_option("YEAR", *year_arg, tr("help.holidays.year")), ctx,
      {"import"});
  cmd->add_flag("--provisional", *provisional, tr("help.holidays.provisional"));
  const std::vector<std::string> formats{"text", "json", "tsv"};
  accept_only(cmd->add_option(
                  "--format", *format,
                  tr("help.holidays.format", {{"values", or_list(formats)}})),
              ctx, formats)
      ->type_name("FORMAT");
  add_holidays_import(*cmd, ctx);
  set_holidays_footer(*cmd);
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
