// China's working-day calendar: which days are workdays, and workday
// arithmetic over them (docs/cli.md, "Workday arithmetic").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/schedule.hpp>
#include <rpx/workdays.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

struct HolidayModel;

namespace detail {
struct CalendarData;
}

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
/// The calendar is made a calendar year at a time, on the first query that
/// needs the year, and a provisional schedule only when a year needs its
/// notice: building one costs a vector move, and a command pays only for the
/// years it touches. Queries are safe from several threads at once. Within a
/// year, `add`, `count` and coverage queries are O(1); across years they add
/// one step per year. The years kept are [1969, 2102]; outside them days are
/// Monday–Friday and uncovered, and arithmetic walks day by day. The queries
/// are noexcept: out of memory while making a year ends the program.
class WorkCalendar {
 public:
  /// Monday–Friday only; nothing is covered.
  WorkCalendar();
  /// Exactly `tables`; each notice-year at most once (see `overlay`).
  explicit WorkCalendar(std::vector<HolidayYear> tables);
  /// `tables`, and for every notice-year of [k_provisional_first_year,
  /// k_provisional_last_year] it does not hold, the provisional schedule of
  /// the model `model()` gives, made on first use: the same calendar as
  /// `WorkCalendar(with_provisional(tables, model()))`. `model` is called
  /// on the first provisional schedule, so a command that needs none never
  /// reads the model (the bundled one takes about 0.3 ms to parse).
  WorkCalendar(std::vector<HolidayYear> tables, const HolidayModel& (*model)());
  WorkCalendar(WorkCalendar&&) noexcept;
  WorkCalendar& operator=(WorkCalendar&&) noexcept;
  ~WorkCalendar();

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

  /// Every notice-year, official and provisional, sorted by year. Makes
  /// the provisional schedules not made yet: for listings, not for queries.
  const std::vector<HolidayYear>& years() const;
  /// The notice-years given to the constructor, sorted by year: the tables
  /// loaded, without the schedules made from a model.
  const std::vector<HolidayYear>& tables() const noexcept;
  /// The notice of `year` (official or provisional), or null.
  const HolidayYear* notice(int year) const;
  /// The official notice of `year`, or null.
  const HolidayYear* official_notice(int year) const noexcept;
  /// The first and last years of an official table, or 0 when none.
  int first_official_year() const noexcept;
  int last_official_year() const noexcept;

 private:
  /// `add` by walking the days one by one.
  [[gnu::noinline]] Date add_stepping(Date d, Workdays n) const noexcept;

  std::unique_ptr<detail::CalendarData> m_data;
};
}  // namespace rpx
