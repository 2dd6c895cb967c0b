// `rpx holidays`: holiday schedules and where each year's table comes from,
// as text, TSV and JSON. `tables` are a calendar's notice-years, official and
// provisional, sorted by year (a calendar's years()).
#pragma once

#include <rpx/schedule.hpp>
#include <string>
#include <vector>

namespace rpx {

/// `rpx holidays YEAR`: the schedule shown for `year` (`shown`: official or
/// provisional, null when there is none) with its holidays, then the
/// tables' coverage.
std::string render_holidays_text(const HolidayYear* shown, int year,
                                 const std::vector<HolidayYear>& tables);

/// `rpx holidays YEAR --format json`: the schedule shown and the tables.
std::string render_holidays_json(const HolidayYear* shown, int year,
                                 const std::vector<HolidayYear>& tables);

/// `--format tsv`: rows `date<TAB>off|work<TAB>holiday_en<TAB>holiday_zh`,
/// sorted by date; "" when `shown` is null.
std::string render_holidays_tsv(const HolidayYear* shown);

/// `rpx holidays` without a year: the source of every notice-year from the
/// first official one (or `this_year`) to the year after the last (or after
/// `this_year`), the provisional years around them in one line each.
std::string render_holidays_overview_text(
    const std::vector<HolidayYear>& tables, int this_year);
std::string render_holidays_overview_json(
    const std::vector<HolidayYear>& tables, int this_year);

}  // namespace rpx
