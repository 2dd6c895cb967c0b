// Holiday tables: the schedules of the State Council's notices, where each
// came from, and the JSON files of data/holidays/ (format in
// docs/holidays.md, schema in data/schema/holidays.schema.json).
#pragma once

#include <cstdint>
#include <rpx/dates.hpp>
#include <rpx/text.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// One holiday of a notice: an unbroken run of days off and the weekend days
/// declared working days to make up for it (调休).
struct Holiday {
  Text name;
  Date first_off;
  Date last_off;
  std::vector<Date> workdays;
  /// Provisional schedules only: the days off and worked days that are the
  /// model's guess of the State Council's arrangement, not fixed by law.
  std::vector<Date> assumed;

  bool operator==(const Holiday&) const = default;
};

/// Where a year's schedule came from; later layers replace earlier ones
/// year by year (docs/cli.md, "Files"). `provisional` is the model's schedule
/// for a year with no official table (provisional.hpp).
enum class Origin : std::uint8_t { bundled, system, user, file, provisional };

/// The schedule published by one State Council notice. Its days may fall in
/// the neighbouring calendar year (the New Year break can start in December).
struct HolidayYear {
  int year = 0;
  std::string notice;  // the notice's title, e.g. 国务院办公厅关于2026年...
  std::vector<Holiday> holidays;
  Origin origin = Origin::bundled;
  std::string path;  // file it was read from; "" for bundled data

  /// True for the provisional model's schedule, false for an official one.
  bool is_provisional() const noexcept { return origin == Origin::provisional; }

  bool operator==(const HolidayYear&) const = default;
};

/// The notice-years of `years` with an official schedule (not the
/// provisional model's), in the order given.
std::vector<int> official_years(const std::vector<HolidayYear>& years);

/// Replaces, year by year, the schedules in `base` with those in `top`.
/// The result is sorted by year.
std::vector<HolidayYear> overlay(std::vector<HolidayYear> base,
                                 std::vector<HolidayYear> top);

/// Parses one holiday-table file, which may hold several notice-years.
/// `name` is the file name used in error messages, and the years' `path`
/// unless `origin` is `bundled`. Throws `DataError` naming `name:LINE:COL`
/// (syntax) or `name: /json/pointer: reason`.
std::vector<HolidayYear> parse_holiday_file(std::string_view text,
                                            const std::string& name,
                                            Origin origin);

/// The schedules compiled into the binary (data/holidays/*.json, as
/// constant data), sorted by year; the base layer of every calendar rpx
/// builds.
std::vector<HolidayYear> bundled_holiday_years();

}  // namespace rpx
