// The pure core: where a student stands today. No I/O, no clock — `today`
// is a parameter, so every test can pin it.
#pragma once

#include <array>
#include <optional>
#include <rpx/rules.hpp>
#include <rpx/schedule.hpp>
#include <rpx/state.hpp>
#include <rpx/steps.hpp>
#include <string_view>
#include <vector>

namespace rpx {

class WorkCalendar;

/// docs/cli.md, "Phases". Declared most urgent first (the order of `check`).
enum class Phase : std::uint8_t {
  expired,
  overdue,
  due,
  ready,
  processing,
  upcoming,
  collected,
};
inline constexpr std::array<Phase, 7> k_phases = {
    Phase::expired,    Phase::overdue,  Phase::due,      Phase::ready,
    Phase::processing, Phase::upcoming, Phase::collected};

/// `Assessment::next_action` once the permit has expired.
inline constexpr std::string_view k_report_expired = "international_office";

/// "expired", "overdue", ... as in docs/cli.md; never translated.
std::string_view phase_name(Phase p) noexcept;
/// The phase named `name`, if any.
std::optional<Phase> parse_phase(std::string_view name) noexcept;

/// Why the last office day is earlier than the filing deadline.
enum class MovedBy : std::uint8_t { none, weekend, holiday };
std::string_view moved_by_name(MovedBy m) noexcept;  // "", "weekend", "holiday"

/// The 30-day rule applied to one expiry (seed page: "present an application
/// 30 days in advance before the expiration").
struct Deadline {
  Date expiry;
  Date filing_deadline;  // expiry − advance days
  Date last_office_day;  // latest workday on or before the filing deadline
  MovedBy moved_by = MovedBy::none;
  /// The holiday the filing deadline falls in (moved_by == holiday).
  std::optional<Text> holiday;
  /// What the calendar says of the filing deadline: why the office is
  /// closed that day when moved_by is not none.
  DayFacts filing_day;
  /// The days after the last office day and before the filing deadline, in
  /// date order: every one of them closed, each with its reason.
  std::vector<DayFacts> closed_days;
  /// What the calendar says of the last office day (an adjusted workday,
  /// say).
  DayFacts last_office;
  /// True when every day from last office day to filing deadline is covered.
  bool covered = false;
  /// What decided the days from last office day to filing deadline.
  CalendarNote note;

  bool operator==(const Deadline&) const = default;
};

Deadline deadline_for(Date expiry, const Rules& rules,
                      const WorkCalendar& calendar);

struct StepStatus {
  std::string_view id;  // one of k_step_ids
  int n = 0;            // 1–5
  std::optional<Date> done;

  bool operator==(const StepStatus&) const = default;
};

/// A warning about the recorded steps, as facts; render words it. The
/// dates are kept as recorded: people do get papers on odd days.
struct StepWarning {
  enum class Code : std::uint8_t {
    not_ticked,        // submitted without `step` (1–3) ticked
    after_submission,  // `step` (1–3) dated `date`, after submission `other`
    late_submission,   // submitted on `date`, after the last office day `other`
    collected_early,   // collected on `date`, before submission `other`
    closed_day,        // `step` dated `date`, when `office` is closed (`day`)
  };
  Code code = Code::not_ticked;
  StepId step = StepId::submit;
  Date date;
  Date other;
  /// closed_day only: why the office is closed, and its name (none when the
  /// rules do not list the office).
  DayFacts day;
  std::optional<Text> office;

  bool operator==(const StepWarning&) const = default;
};

struct AssessOptions {
  /// A student is `due` when the last office day is at most this many days
  /// away (docs/cli.md: default 30, `--within N`).
  int within_days = 30;
};

struct Assessment {
  Phase phase = Phase::upcoming;
  Deadline deadline;
  int days_to_deadline = 0;  // last office day − today; may be negative
  int days_to_expiry = 0;    // expiry − today; may be negative
  std::array<StepStatus, k_step_count> steps;  // indexed by StepId
  /// The step to do next: the first of 1–3 not done, then submit, then
  /// collect; empty once collected.
  std::string_view next_step;
  /// What to do first: `next_step`, except once the permit has expired, when
  /// it is `k_report_expired`: report to the university's international
  /// students office today (the seed page makes reporting to the university
  /// the student's duty), which is also `next_step`'s office for step 3.
  std::string_view next_action;
  std::optional<Date> progress_note;
  /// progress note + processing workdays.
  std::optional<Date> ready_estimate;
  /// What decided the days from the progress note to the ready estimate.
  CalendarNote ready_note;
  /// When those days include a guess of the provisional model: the estimate
  /// two workdays earlier and later (docs/cli.md, "Provisional schedules").
  std::optional<Date> ready_earliest;
  std::optional<Date> ready_latest;
  /// Not yet submitted: the day to file — the last office day, or once it
  /// has passed the first workday from today — and the ready estimate if
  /// filed then, with whether every day in between is covered.
  std::optional<Date> file_on;
  std::optional<Date> ready_if_filed;
  bool ready_if_filed_covered = false;
  CalendarNote ready_if_filed_note;
  std::optional<Date> ready_if_filed_earliest;
  std::optional<Date> ready_if_filed_latest;
  /// Workdays from today to the ready estimate (processing only).
  std::optional<int> workdays_to_ready;
  /// False when any date above depends on a day no official table covers.
  bool calendar_covered = false;
  /// The weakest basis of the deadline and the ready estimate.
  Basis calendar_basis = Basis::weekdays;
  /// Warnings other than the calendar's (those are in the notes above), in
  /// order: about the order of the steps, then about closed days.
  std::vector<StepWarning> warnings;

  const StepStatus& step(StepId s) const noexcept {
    return steps[step_index(s)];
  }
  StepStatus& step(StepId s) noexcept { return steps[step_index(s)]; }

  bool operator==(const Assessment&) const = default;
};

/// A step done at the office the filing rule is about (the submit step's:
/// the Exit-Entry office, for submit and collect) on a day the calendar says
/// it is closed, e.g. submit dated Thursday 2026-10-01, a day off for
/// National Day: the closed_day warning; none otherwise.
std::optional<StepWarning> closed_day_warning(StepId step, Date done,
                                              const Rules& rules,
                                              const WorkCalendar& calendar);

/// Where `state` stands on `today`, under `rules` and `calendar`.
Assessment assess(const StudentState& state, const Rules& rules,
                  const WorkCalendar& calendar, Date today,
                  AssessOptions options = {});

}  // namespace rpx
