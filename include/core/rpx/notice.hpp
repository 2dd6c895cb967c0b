// Reading a State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排
// 的通知) as published, pasted as UTF-8 text, into a `HolidayYear`
// (docs/holidays.md, "Importing a notice"). Pure: text in, value out.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <rpx/calendar.hpp>
#include <rpx/messages.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// What a notice does to its year: a yearly schedule replaces it; a
/// supplementary notice (an extra day off, an extended break) amends it.
enum class NoticeKind : std::uint8_t { schedule, supplement };

/// One problem, on line `line` (from 1) of the text.
struct NoticeError {
  int line = 0;
  Message message;

  bool operator==(const NoticeError&) const = default;
};

/// The result of reading a notice. `year` is meaningful only when `errors`
/// is empty: nothing in a notice with an error may be used, since a skipped
/// line would silently leave a day off as a workday.
struct Notice {
  HolidayYear year;  // holidays sorted by their first day off
  NoticeKind kind = NoticeKind::schedule;
  std::vector<NoticeError> errors;
};

/// Reads a notice: the title line names the year (and tells a yearly
/// schedule from a supplementary notice); each item `一、元旦：...` names a
/// holiday, its days off and the weekend days worked. Full-width or ASCII
/// punctuation, leading whitespace, line breaks inside a sentence and the
/// notice's other paragraphs are all accepted. The days off of a holiday
/// are the unbroken run through the days it names, joined with the
/// Saturdays and Sundays next to them that are not worked (与周末连休).
Notice parse_notice(std::string_view text);

/// The days one holiday's text names, before they become a `Holiday`.
struct NamedDays {
  Text name;
  int line = 0;              // where it is named (a line, or an index)
  std::string pointer;       // the same for messages when it is an index:
                             // its JSON Pointer ("" for a line)
  std::map<Date, int> off;   // each day off named -> its line
  std::map<Date, int> work;  // each day worked named -> its line
  Date first{};              // the run of days off, once built
  Date last{};
};

/// Turns the days named for each holiday of notice-year `year` into
/// holidays: each run of days off is filled and extended with the
/// Saturdays and Sundays next to it that no holiday works, then checked:
/// one unbroken run, no day claimed twice, every day within the notice-year.
/// Appends to `errors` (and returns nothing) on any problem.
std::vector<Holiday> build_holidays(std::vector<NamedDays> named, int year,
                                    std::vector<NoticeError>& errors);

/// The holiday's names for a Chinese name as notices write it, e.g. 春节 ->
/// {en: "Spring Festival", zh: "春节"}; `中秋节、国庆节` -> "Mid-Autumn
/// Festival and National Day". The English names are those of the bundled
/// tables. Empty when a part is not a holiday rpx knows.
std::optional<Text> holiday_name(std::string_view zh);

}  // namespace rpx
