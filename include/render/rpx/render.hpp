// Turning results into output: text for people, JSON/JSONL/CSV for
// scripts, iCalendar for phones. Renderers compute nothing new.
#pragma once

#include <rpx/assess.hpp>
#include <rpx/layout.hpp>
#include <rpx/messages.hpp>
#include <rpx/rules.hpp>
#include <rpx/schedule.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// Why a day is or is not a workday, e.g. "a day off of National Day",
/// "a Sunday declared a working day for National Day", "a Saturday".
std::string describe_day(const DayFacts& day);

/// "rpx: warning: WARNING\n": a warning on stderr, beside a result.
std::string render_warning_line(std::string_view warning);

/// `rpx workdays is`: "2026-10-01 is not a workday: a day off for National
/// Day", and when the answer is not official a warning line.
std::string render_is_workday(const DayFacts& day, bool workday,
                              const CalendarNote& note);

/// One warning about the steps in words, e.g. "submitted without step 2
/// (photo) ticked" or "step 4 (submit) is dated Thursday 2026-10-01, a day
/// off for National Day, when the Exit-Entry office is closed: check the
/// date".
std::string step_warning_text(const StepWarning& warning);

/// `rpx deadline` as text: expiry, filing deadline, the reason it moved,
/// last office day, and any warnings.
std::string render_deadline_text(const Deadline& deadline, const Rules& rules);

/// `rpx deadline --format json`: one object, keys as in the student object.
std::string render_deadline_json(const Deadline& deadline, const Rules& rules);

/// Why an answer is not official, as one sentence about `subject` ("the
/// last office day"); empty when the note's basis is official. E.g. "the
/// last office day is provisional: the 2027 schedule is not published yet;
/// National Day assumed 2027-10-01 to 2027-10-07, worked 2027-09-26 and
/// 2027-10-09".
enum class Number : std::uint8_t { singular, plural };
std::string calendar_warning(const CalendarNote& note, std::string_view subject,
                             Number number = Number::singular);

/// Why the calendar's answer is missing a year, e.g. "the 2027 schedule is
/// not published yet".
std::string missing_reason(const CalendarNote& note);

/// The warnings of `rpx deadline`: the calendar's, if any.
std::vector<std::string> deadline_warnings(const Deadline& deadline);

/// Every warning of an assessment in words: the calendar's first (deadline,
/// ready estimate), then those about the steps.
std::vector<std::string> assessment_warnings(const Assessment& assessment);

/// "in 5 days", "today", "tomorrow", "yesterday", "5 days ago".
std::string relative_days(int days);

/// How text output looks.
struct TextStyle {
  bool color = false;  // ANSI colours (only on a terminal; docs/cli.md)
  /// The columns a line may take (docs/cli.md, "Width"): the text is
  /// wrapped (`wrap_text`) and the `check` table fitted to it.
  std::size_t width = k_no_width_limit;
};

/// The student's screen (`rpx status`): checklist with ✓/✗ and dates, the
/// phase, the dates with the reason the deadline moved, the next action
/// with its office and address, and warnings; wrapped to `style.width`.
std::string render_status_text(const StudentState& state,
                               const Assessment& assessment, const Rules& rules,
                               Date today, TextStyle style);

/// A dated plan (`rpx plan`): deadline, last office day, the ready estimate
/// if filed on the last office day (or the next workday, once it has
/// passed), and the steps left.
std::string render_plan_text(const StudentState& state,
                             const Assessment& assessment, const Rules& rules,
                             Date today);

/// The student object of docs/cli.md ("JSON"). `indent` < 0 gives one line
/// (JSONL); `file` is the state file's path as given. With a `margin`,
/// every line but the first starts with that many more spaces and the text
/// has no final newline: an element of a larger document.
std::string render_student_json(const std::string& file,
                                const StudentState& state,
                                const Assessment& assessment, Date today,
                                int indent, std::size_t margin = 0);

/// `rpx history`: the permits before the current one, oldest first, each
/// with its expiry, the steps' dates and the permit that replaced it; then
/// the current permit's expiry.
std::string render_history_text(const StudentState& state, TextStyle style);

/// `rpx history --format json`: `{"file", "name", "student_id", "expiry",
/// "history"}`, `history` as in the student object.
std::string render_history_json(const std::string& file,
                                const StudentState& state);

/// The two lines after a change to the permit's dates (`init`, `set
/// expiry`, a step done): the last office day and the expiry, then each
/// warning.
std::string render_deadline_summary(const Assessment& a);

}  // namespace rpx
