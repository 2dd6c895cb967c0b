// The bundled rules and calendar, loaded once per test binary, the way rpx
// loads them without run-time files.
#pragma once

#include <rpx/bundled.hpp>
#include <rpx/calendar.hpp>
#include <rpx/dates.hpp>
#include <rpx/errors.hpp>
#include <rpx/holidays.hpp>
#include <rpx/provisional.hpp>
#include <rpx/rules.hpp>
#include <string>

namespace rpx::test {

inline const Rules& bundled_rules() {
  static const Rules rules =
      parse_rules(*bundled_file("rules/cqupt-chongqing.json"), "rules");
  return rules;
}

/// The official tables only: 2027 on is Monday–Friday.
inline const WorkCalendar& bundled_calendar() {
  static const WorkCalendar calendar(bundled_holiday_years());
  return calendar;
}

/// The calendar rpx uses: official tables, provisional schedules elsewhere.
inline const WorkCalendar& provisional_calendar() {
  static const WorkCalendar calendar(bundled_holiday_years(),
                                     &bundled_holiday_model);
  return calendar;
}

/// A day written the way people read it.
constexpr Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / date::month{m} / date::day{d}};
}

/// A day written as rpx reads it ("2026-11-25"); the text must be valid.
inline Date day(const char* text) { return *parse_date(text); }

/// Dates compare as text in tests, so that a failure prints the date.
inline std::string iso(Date d) { return format_date(d); }

/// The message of the `Error` (a `DataError` unless given) that `run`
/// throws, or "" when it throws none.
template <class Error = DataError, class Run>
std::string message_of(Run&& run) {
  try {
    run();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace rpx::test
