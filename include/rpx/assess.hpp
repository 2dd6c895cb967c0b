// The pure core: where a student stands today. No I/O, no clock — `today`
// is a parameter, so every test can pin it.
#pragma once

#include <rpx/calendar.hpp>
#include <rpx/rules.hpp>
#include <rpx/state.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// CLI.md, "Phases". Declared most urgent first (the order of `check`).
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
    Phase::expired, Phase::overdue,  Phase::due,      Phase::ready,
    Phase::processing, Phase::upcoming, Phase::collected};

/// "expired", "overdue", ... as in CLI.md; never translated.
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
  /// True when every day from last office day to filing deadline is covered.
  bool covered = false;

  bool operator==(const Deadline&) const = default;
};

Deadline deadline_for(Date expiry, const Rules& rules,
                      const WorkCalendar& calendar);

/// The warnings a deadline carries: one when a day it depends on is not
/// covered by any holiday table, else none.
std::vector<std::string> deadline_warnings(const Deadline& deadline,
                                           const WorkCalendar& calendar);

struct StepStatus {
  std::string_view id;  // one of k_step_ids
  int n = 0;            // 1–5
  std::optional<Date> done;

  bool operator==(const StepStatus&) const = default;
};

struct AssessOptions {
  /// A student is `due` when the last office day is at most this many days
  /// away (CLI.md: default 30, `--within N`).
  int within_days = 30;
};

struct Assessment {
  Phase phase = Phase::upcoming;
  Deadline deadline;
  int days_to_deadline = 0;  // last office day − today; may be negative
  int days_to_expiry = 0;    // expiry − today; may be negative
  std::array<StepStatus, 5> steps;
  /// The step to do next: the first of 1–3 not done, then submit, then
  /// collect; empty once collected.
  std::string_view next_step;
  std::optional<Date> progress_note;
  /// progress note + processing workdays.
  std::optional<Date> ready_estimate;
  /// Not yet submitted: the day to file — the last office day, or once it
  /// has passed the first workday from today — and the ready estimate if
  /// filed then, with whether every day in between is covered.
  std::optional<Date> file_on;
  std::optional<Date> ready_if_filed;
  bool ready_if_filed_covered = false;
  /// Workdays from today to the ready estimate (processing only).
  std::optional<int> workdays_to_ready;
  /// False when any date above depends on a day no holiday table covers.
  bool calendar_covered = false;
  std::vector<std::string> warnings;

  bool operator==(const Assessment&) const = default;
};

/// Where `state` stands on `today`, under `rules` and `calendar`.
Assessment assess(const StudentState& state, const Rules& rules,
                  const WorkCalendar& calendar, Date today,
                  AssessOptions options = {});

}  // namespace rpx
