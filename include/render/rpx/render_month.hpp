// `rpx calendar`: months laid out as `cal -m` does, Monday first, with
// China's days off, worked weekends and a student's dates marked.
#pragma once

#include <cstdint>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/render.hpp>
#include <rpx/schedule.hpp>
#include <rpx/text.hpp>
#include <string>
#include <vector>

namespace rpx {

/// A student's date shown on the calendar. Declared in the order a day's
/// one mark is chosen when several fall on it.
enum class DateMark : std::uint8_t {
  last_office_day,
  filing_deadline,
  expiry,
  ready_estimate,
  today,
};
inline constexpr int k_date_mark_count = 5;

/// "last_office_day", ... "today" (the JSON `marks`).
std::string_view date_mark_name(DateMark m) noexcept;

/// One day of the view, as the calendar decided it.
struct MonthDay {
  DayFacts facts;
  Basis basis = Basis::weekdays;
  std::uint8_t marks = 0;  // bit (1 << DateMark)

  static constexpr std::uint8_t bit(DateMark m) noexcept {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(m));
  }
  bool has(DateMark m) const noexcept { return (marks & bit(m)) != 0; }
  void set(DateMark m) noexcept { marks |= bit(m); }
};

/// A holiday with a day in the view: its days off and worked weekends.
struct MonthHoliday {
  Text name;
  Date first_off;
  Date last_off;
  std::vector<Date> worked;
  Basis basis = Basis::official;
};

/// The student whose dates are marked.
struct MonthStudent {
  std::string file;
  std::string name;
  std::string student_id;
  Date last_office_day;
  Date filing_deadline;
  Date expiry;
  std::optional<Date> ready_estimate;
};

/// What `rpx calendar` shows: whole months, `days` from the first of the
/// first to the last of the last, in order.
struct MonthView {
  int first_year = 0;
  unsigned first_month = 1;
  int months = 1;
  /// Twelve months of one year: the year is the title, not each month's.
  bool whole_year = false;
  Date today;
  std::vector<MonthDay> days;
  std::vector<MonthHoliday> holidays;  // by first day off
  std::optional<MonthStudent> student;
};

/// The months side by side, as many as `style.width` allows (three at most;
/// all three when there is no limit), then the legend: the marks used, the
/// holidays with their days, the student's dates.
std::string render_month_text(const MonthView& view, TextStyle style);

/// `{"from", "to", "today", "student", "days": [...], "holidays": [...]}`.
std::string render_month_json(const MonthView& view);

}  // namespace rpx
