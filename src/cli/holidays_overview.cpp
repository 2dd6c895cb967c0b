// rpx holidays (no year): every notice-year and where its schedule comes
// from, so that anyone sees at a glance which years are official.
#include <fmt/format.h>

#include <rpx/calendar.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/render_holidays.hpp>

#include "commands.hpp"

namespace rpx::cli {

int holidays_overview(Context& ctx, const std::string& format) {
  const int this_year =
      static_cast<int>(date::year_month_day{ctx.today()}.year());
  const std::vector<HolidayYear>& tables = ctx.calendar().years();
  if (format == "json") {
    fmt::print("{}", render_holidays_overview_json(tables, this_year));
  } else {
    print_text(ctx, render_holidays_overview_text(tables, this_year));
  }
  return exit_status::k_ok;
}

}  // namespace rpx::cli
