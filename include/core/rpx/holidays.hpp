// Holiday tables: the JSON files of data/holidays/ (format in
// docs/holidays.md, schema in data/schema/holidays.schema.json).
#pragma once

#include <rpx/calendar.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// Parses one holiday-table file, which may hold several notice-years.
/// `name` is the file name used in error messages. Throws `DataError`
/// naming `name:LINE:COL` (syntax) or `name: /json/pointer: reason`.
std::vector<HolidayYear> parse_holiday_file(std::string_view text,
                                            const std::string& name,
                                            Origin origin);

/// The schedules compiled into the binary (data/holidays/*.json), overlaid
/// in file order; the base layer of every calendar rpx builds.
std::vector<HolidayYear> bundled_holiday_years();

}  // namespace rpx
