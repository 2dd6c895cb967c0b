// What China's holiday schedules decide about days, as plain values: what
// results carry and renderers read. The schedules themselves, and where
// each came from, are holidays.hpp; the calendar that computes these is
// calendar.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/holidays.hpp>
#include <rpx/text.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// What decided a day: an official table, the provisional model, or nothing
/// (Monday–Friday). Declared weakest first, so the weakest of several is
/// their minimum.
enum class Basis : std::uint8_t { weekdays, provisional, official };

/// "weekdays", "provisional", "official" (the JSON `calendar_basis`).
std::string_view basis_name(Basis b) noexcept;

enum class DayKind : std::uint8_t {
  workday,           // Monday–Friday, not a holiday
  weekend,           // Saturday or Sunday, not declared a working day
  holiday,           // a day off of an official holiday
  adjusted_workday,  // a Saturday or Sunday declared a working day
};

/// "workday", "weekend", "holiday", "adjusted_workday" (JSON).
std::string_view day_kind_name(DayKind k) noexcept;

/// One day as the calendar decided it, kept by value (results outlive the
/// calendar): its kind and the holiday it belongs to.
struct DayFacts {
  Date date;
  DayKind kind = DayKind::workday;
  /// The holiday the day belongs to (a day off or an adjusted workday), with
  /// its days off.
  std::optional<Text> holiday;
  Date holiday_first_off;
  Date holiday_last_off;
  /// The notice-year of rpx's provisional schedule that decided the day; 0
  /// when an official table or nothing did.
  int provisional_year = 0;
  /// True when the day's status is the provisional model's guess.
  bool assumed = false;

  bool operator==(const DayFacts&) const = default;
};

/// Why a notice-year has no official table.
enum class MissingTable : std::uint8_t {
  unpublished,    // a year after the last official table
  before_tables,  // a year before the first official table
  not_loaded,     // a year between them with no table
};

/// Why a date's answer is not the official tables' alone: the weakest basis
/// of the days it depends on, and what was assumed there. Facts only; render
/// turns them into words.
struct CalendarNote {
  Basis basis = Basis::official;
  Date from;  // the days the answer depends on, both included
  Date to;
  /// Below only when basis is not official.
  Date first_uncovered;
  int missing_year = 0;
  MissingTable missing = MissingTable::unpublished;
  int first_official_year = 0;  // 0 when no official table is loaded
  /// The provisional holidays with a day in [from, to], in date order.
  std::vector<Holiday> assumed;

  bool operator==(const CalendarNote&) const = default;
};

/// Over notice-years sorted by year (WorkCalendar::years()): the one of
/// `year`, official or provisional, or null.
const HolidayYear* find_year(const std::vector<HolidayYear>& years,
                             int year) noexcept;
/// The first and last years of an official table, or 0 when none.
int first_official_year(const std::vector<HolidayYear>& years) noexcept;
int last_official_year(const std::vector<HolidayYear>& years) noexcept;
/// Why `year` has no official table among `years`.
MissingTable missing_table(const std::vector<HolidayYear>& years,
                           int year) noexcept;

}  // namespace rpx
