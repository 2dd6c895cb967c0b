// China's working-day calendar: which days are workdays, and workday
// arithmetic over them (CLI.md, "Workday arithmetic").
#pragma once

#include <rpx/dates.hpp>
#include <rpx/text.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace rpx {

/// A number of workdays. Deliberately not `date::days`: adding
/// `Workdays{15}` to a date needs a calendar, so a mix-up does not compile.
struct Workdays {
  int value = 0;
  friend constexpr auto operator<=>(Workdays, Workdays) = default;
};

/// One holiday of a notice: an unbroken run of days off and the weekend days
/// declared working days to make up for it (调休).
struct Holiday {
  Text name;
  Date first_off;
  Date last_off;
  std::vector<Date> workdays;

  bool operator==(const Holiday&) const = default;
};

/// Where a year's schedule came from; later layers replace earlier ones
/// year by year (CLI.md, "Files").
enum class Origin : std::uint8_t { bundled, system, user, file };

/// The schedule published by one State Council notice. Its days may fall in
/// the neighbouring calendar year (the New Year break can start in December).
struct HolidayYear {
  int year = 0;
  std::string notice;  // the notice's title, e.g. 国务院办公厅关于2026年...
  std::vector<Holiday> holidays;
  Origin origin = Origin::bundled;
  std::string path;  // file it was read from; "" for bundled data

  bool operator==(const HolidayYear&) const = default;
};

enum class DayKind : std::uint8_t {
  workday,           // Monday–Friday, not a holiday
  weekend,           // Saturday or Sunday, not declared a working day
  holiday,           // a day off of an official holiday
  adjusted_workday,  // a Saturday or Sunday declared a working day
};

/// Everything the calendar knows about one day.
struct DayInfo {
  DayKind kind = DayKind::workday;
  /// The holiday the day belongs to (off day or adjusted workday), else null.
  const Holiday* holiday = nullptr;
  /// The notice-year the holiday was published in, else null.
  const HolidayYear* notice = nullptr;
  /// False when no loaded table decides this day: the answer is the
  /// Monday–Friday fallback and callers must say so.
  bool covered = false;

  bool is_workday() const noexcept {
    return kind == DayKind::workday || kind == DayKind::adjusted_workday;
  }
};

/// Replaces, year by year, the schedules in `base` with those in `top`.
/// The result is sorted by year.
std::vector<HolidayYear> overlay(std::vector<HolidayYear> base,
                                 std::vector<HolidayYear> top);

/// A working-day calendar built from holiday tables.
///
/// Coverage: a date in calendar year Y is covered when the notice of Y is
/// loaded and, for 25–31 December, the notice of Y + 1 too (a New Year break
/// or its make-up Saturday can fall in the last days of December).
///
/// After construction `add`, `count` and coverage queries are O(1): prefix
/// counts over a fixed span [1900-01-01, 2200-12-31]; outside it, days are
/// Monday–Friday and uncovered, and arithmetic walks day by day.
class WorkCalendar {
 public:
  /// Monday–Friday only; nothing is covered.
  WorkCalendar();
  /// `years` must name each notice-year at most once (see `overlay`).
  explicit WorkCalendar(std::vector<HolidayYear> years);

  DayInfo day(Date d) const noexcept;
  bool is_workday(Date d) const noexcept;
  bool covered(Date d) const noexcept;
  /// True when every day between `a` and `b` (both included) is covered.
  bool covered(Date a, Date b) const noexcept;

  /// N > 0: the N-th workday strictly after `d`; N < 0: the |N|-th workday
  /// strictly before `d`; N = 0: `d` itself.
  Date add(Date d, Workdays n) const noexcept;
  /// The number of workdays x with a < x <= b; mirrored (negative) when b < a.
  Workdays count(Date a, Date b) const noexcept;
  /// The latest workday on or before `d`.
  Date prev_workday_on_or_before(Date d) const noexcept;

  /// For an uncovered day: the notice-year whose table is missing (its own
  /// year, or the next one for 25–31 December).
  int missing_notice(Date d) const noexcept;

  /// The loaded notice-years, sorted by year.
  const std::vector<HolidayYear>& years() const noexcept { return m_years; }
  /// The notice of `year`, or null.
  const HolidayYear* notice(int year) const noexcept;

 private:
  struct Cell {
    DayKind kind;
    bool covered;
    std::uint16_t holiday;  // index into m_holidays + 1; 0 when none
  };

  bool in_span(Date d) const noexcept;
  std::int32_t index(Date d) const noexcept;
  /// Workdays in [span start, day `i`]; valid for i in [-1, span size).
  std::int32_t prefix(std::int32_t i) const noexcept;

  std::vector<HolidayYear> m_years;
  // (index into m_years, index into its holidays); indices, not pointers,
  // so a copied calendar stays valid.
  std::vector<std::pair<std::uint16_t, std::uint16_t>> m_holidays;
  std::vector<Cell> m_cells;
  std::vector<std::int32_t> m_prefix;     // workdays in [start, i]
  std::vector<std::int32_t> m_uncovered;  // uncovered days in [start, i]
  std::vector<std::int32_t> m_workday_at;  // k-th workday's index, k from 0
};

}  // namespace rpx
