// Strict ISO 8601 calendar dates: the only way dates enter or leave rpx.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace rpx {

using Date = date::sys_days;

/// The years a date given by a user or a file may fall in (docs/cli.md).
inline constexpr int k_min_year = 1970;
inline constexpr int k_max_year = 2100;

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day,
/// nothing before or after) naming a real day in [k_min_year, k_max_year].
/// `date::parse("%F")` is not used: it accepts `2027-2-3` and trailing junk.
std::optional<Date> parse_date(std::string_view text) noexcept;

/// `YYYY-MM-DD`, computed from the day count alone, so the output never
/// depends on the process's time zone.
std::string format_date(Date d);

/// English weekday name: "Monday" .. "Sunday".
std::string_view weekday_name(Date d) noexcept;

/// "Saturday 2026-02-14".
std::string format_weekday_date(Date d);

/// True for Saturday and Sunday.
constexpr bool is_weekend(Date d) noexcept {
  const date::weekday w{d};
  return w == date::Saturday || w == date::Sunday;
}

}  // namespace rpx
