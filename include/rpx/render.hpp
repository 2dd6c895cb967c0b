// Turning results into output: text for people, JSON/JSONL/CSV for
// scripts, iCalendar for phones. Renderers compute nothing new.
#pragma once

#include <rpx/assess.hpp>
#include <rpx/calendar.hpp>
#include <rpx/rules.hpp>
#include <rpx/state.hpp>

#include <string>
#include <vector>

namespace rpx {

/// Why a day is or is not a workday, e.g. "a day off of National Day",
/// "a Sunday declared a working day for National Day", "a Saturday".
std::string describe_day(Date d, const WorkCalendar& calendar);

/// `rpx deadline` as text: expiry, filing deadline, the reason it moved,
/// last office day, and any warnings.
std::string render_deadline_text(const Deadline& deadline, const Rules& rules,
                                 const WorkCalendar& calendar);

/// `rpx deadline --format json`: one object, keys as in the student object.
std::string render_deadline_json(const Deadline& deadline, const Rules& rules,
                                 const WorkCalendar& calendar);

/// "in 5 days", "today", "tomorrow", "yesterday", "5 days ago".
std::string relative_days(int days);

/// How text output looks.
struct TextStyle {
  bool color = false;  // ANSI colours (only on a terminal; CLI.md)
};

/// The student's screen (`rpx status`): checklist with ✓/✗ and dates, the
/// phase, the dates with the reason the deadline moved, the next action
/// with its office and address, and warnings.
std::string render_status_text(const StudentState& state,
                               const Assessment& assessment,
                               const Rules& rules, const WorkCalendar& calendar,
                               Date today, TextStyle style);

/// A dated plan (`rpx plan`): deadline, last office day, the ready estimate
/// if filed on the last office day (or the next workday, once it has
/// passed), and the steps left.
std::string render_plan_text(const StudentState& state,
                             const Assessment& assessment, const Rules& rules,
                             const WorkCalendar& calendar, Date today);

/// The student object of CLI.md ("JSON"). `indent` < 0 gives one line
/// (JSONL); `file` is the state file's path as given.
std::string render_student_json(const std::string& file,
                                const StudentState& state,
                                const Assessment& assessment, Date today,
                                int indent);

}  // namespace rpx
