// China's working-day calendar: which days are workdays, and workday
// arithmetic over them (docs/cli.md, "Workday arithmetic").
#pragma once

#include <cstdint>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/schedule.hpp>
#include <rpx/workdays.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// Everything the calendar knows about one day.
struct DayInfo {
  DayKind kind = DayKind::workday;
  /// The holiday the day belongs to (off day or adjusted workday), else null.
  const Holiday* holiday = nullptr;
  /// The notice-year the holiday was published in, else null.
  const HolidayYear* notice = nullptr;
  /// False when no official table decides this day: the answer is the
  /// provisional model's or the Monday–Friday fallback, and callers must say
  /// so.
  bool covered = false;
  Basis basis = Basis::weekdays;
  /// True when the day's status is the provisional model's guess.
  bool assumed = false;

  bool is_workday() const noexcept {
    return kind == DayKind::workday || kind == DayKind::adjusted_workday;
  }
};

/// A working-day calendar built from holiday tables.
///
/// Coverage: a date in calendar year Y is decided by the notice of Y and, for
/// 25–31 December, by the notice of Y + 1 too (a New Year break or its
/// make-up Saturday can fall in the last days of December). Its basis is the
/// weakest of those notices': official, provisional, or weekdays when one is
/// missing; it is covered when that basis is official.
///
/// After construction `add`, `count` and coverage queries are O(1): prefix
/// counts over a fixed span [1969-01-01, 2102-12-31]; outside it, days are
/// Monday–Friday and uncovered, and arithmetic walks day by day.
class WorkCalendar {
 public:
  /// Monday–Friday only; nothing is covered.
  WorkCalendar();
  /// `years` must name each notice-year at most once (see `overlay`).
  explicit WorkCalendar(std::vector<HolidayYear> years);

  DayInfo day(Date d) const noexcept;
  /// What decided `d`, as a value that outlives the calendar.
  DayFacts day_facts(Date d) const;
  bool is_workday(Date d) const noexcept;
  bool covered(Date d) const noexcept;
  /// True when every day between `a` and `b` (both included) is covered.
  bool covered(Date a, Date b) const noexcept;
  Basis basis(Date d) const noexcept;
  /// The weakest basis of the days between `a` and `b` (both included).
  Basis basis(Date a, Date b) const noexcept;
  /// The first day between `a` and `b` (both included) whose basis is
  /// weaker than `than`: by default the first day not covered, with
  /// `Basis::provisional` the first one only Monday–Friday decides.
  std::optional<Date> first_uncovered(
      Date a, Date b, Basis than = Basis::official) const noexcept;
  /// True when a day between `a` and `b` (both included) is a guess of the
  /// provisional model (`Holiday::assumed`).
  bool assumed(Date a, Date b) const noexcept;
  /// The provisional holidays with a day off or a worked day between `a` and
  /// `b` (both included), in date order.
  std::vector<const Holiday*> provisional_holidays(Date a, Date b) const;
  /// The note for an answer that depends on the days between `a` and `b`
  /// (both included): their weakest basis, the first day below official and
  /// why its table is missing, the provisional holidays assumed.
  CalendarNote note(Date a, Date b) const;

  /// N > 0: the N-th workday strictly after `d`; N < 0: the |N|-th workday
  /// strictly before `d`; N = 0: `d` itself.
  Date add(Date d, Workdays n) const noexcept;
  /// The number of workdays x with a < x <= b; mirrored (negative) when b < a.
  Workdays count(Date a, Date b) const noexcept;
  /// The latest workday on or before `d`.
  Date prev_workday_on_or_before(Date d) const noexcept;

  /// For an uncovered day: the notice-year whose official table is missing
  /// (its own year, or the next one for 25–31 December).
  int missing_notice(Date d) const noexcept;

  /// The loaded notice-years, official and provisional, sorted by year.
  const std::vector<HolidayYear>& years() const noexcept { return m_years; }
  /// The notice of `year` (official or provisional), or null.
  const HolidayYear* notice(int year) const noexcept;
  /// The official notice of `year`, or null.
  const HolidayYear* official_notice(int year) const noexcept;
  /// The first and last years of an official table, or 0 when none.
  int first_official_year() const noexcept;
  int last_official_year() const noexcept;

 private:
  struct Cell {
    DayKind kind;
    Basis basis;
    bool assumed;
    std::uint16_t holiday;  // index into m_holidays + 1; 0 when none
  };

  // The constructor's steps, in order.
  /// Every day of the span a workday or a weekend day, basis `weekdays`.
  void fill_weekends();
  /// The basis of each day of a year that `m_years` holds.
  void set_bases();
  /// The holidays and adjusted workdays of `m_years`, official over
  /// provisional.
  void mark_holidays();
  /// The prefix counts and the workday index from the cells.
  void count_prefixes();

  bool in_span(Date d) const noexcept;
  std::int32_t index(Date d) const noexcept;
  /// Workdays in [span start, day `i`]; valid for i in [-1, span size).
  std::int32_t prefix(std::int32_t i) const noexcept;
  /// The days counted by `prefix` (one of the arrays below) in [a, b], both
  /// in the span.
  std::int32_t count_in(const std::vector<std::int32_t>& prefix, Date a,
                        Date b) const noexcept;

  std::vector<HolidayYear> m_years;
  // (index into m_years, index into its holidays); indices, not pointers,
  // so a copied calendar stays valid.
  std::vector<std::pair<std::uint16_t, std::uint16_t>> m_holidays;
  std::vector<Cell> m_cells;
  std::vector<std::int32_t> m_prefix;      // workdays in [start, i]
  std::vector<std::int32_t> m_uncovered;   // uncovered days in [start, i]
  std::vector<std::int32_t> m_weekdays;    // weekdays-basis days in [start, i]
  std::vector<std::int32_t> m_assumed;     // assumed days in [start, i]
  std::vector<std::int32_t> m_workday_at;  // k-th workday's index, k from 0
};

}  // namespace rpx
