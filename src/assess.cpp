#include <fmt/format.h>

#include <rpx/assess.hpp>

namespace rpx {

namespace {

using date::days;

constexpr std::size_t k_submit = 3;   // index of "submit" in k_step_ids
constexpr std::size_t k_collect = 4;  // index of "collect"

/// The first day in [a, b] that no table covers; `b` + 1 day when none.
Date first_uncovered(const WorkCalendar& calendar, Date a, Date b) {
  for (Date d = a; d <= b; d += days{1}) {
    if (!calendar.covered(d)) {
      return d;
    }
  }
  return b + days{1};
}

std::string uncovered_warning(const WorkCalendar& calendar, Date a, Date b,
                              std::string_view what) {
  const Date d = first_uncovered(calendar, a, b);
  const int missing = calendar.missing_notice(d);
  return fmt::format(
      "{} depends on {}, which no official holiday table covers yet "
      "(the {} schedule is not published): Monday–Friday assumed",
      what, format_date(d), missing);
}

/// Collected: nothing. Submitted: collect (whatever was left unticked, the
/// student is past it). Otherwise the first of steps 1–3 not done (any order
/// is fine, seed page), then submit.
std::string_view next_step_of(const std::array<StepStatus, 5>& steps) {
  if (steps[k_collect].done) {
    return {};
  }
  if (steps[k_submit].done) {
    return steps[k_collect].id;
  }
  for (std::size_t i = 0; i < k_submit; ++i) {
    if (!steps[i].done) {
      return steps[i].id;
    }
  }
  return steps[k_submit].id;
}

void add_order_warnings(const std::array<StepStatus, 5>& steps,
                        const Deadline& deadline,
                        std::vector<std::string>& warnings) {
  const auto& submit = steps[k_submit];
  if (submit.done) {
    for (std::size_t i = 0; i < k_submit; ++i) {
      if (!steps[i].done) {
        warnings.push_back(fmt::format("submitted without step {} ({}) ticked",
                                       steps[i].n, steps[i].id));
      } else if (*steps[i].done > *submit.done) {
        warnings.push_back(
            fmt::format("step {} ({}) is dated {}, after the submission on {}",
                        steps[i].n, steps[i].id, format_date(*steps[i].done),
                        format_date(*submit.done)));
      }
    }
    if (*submit.done > deadline.last_office_day) {
      warnings.push_back(fmt::format(
          "submitted on {}, after the last office day {}",
          format_date(*submit.done), format_date(deadline.last_office_day)));
    }
  }
  const auto& collect = steps[k_collect];
  if (collect.done && submit.done && *collect.done < *submit.done) {
    warnings.push_back(
        fmt::format("collected on {}, before the submission on {}",
                    format_date(*collect.done), format_date(*submit.done)));
  }
}

}  // namespace

std::string_view phase_name(Phase p) noexcept {
  switch (p) {
    case Phase::expired:
      return "expired";
    case Phase::overdue:
      return "overdue";
    case Phase::due:
      return "due";
    case Phase::ready:
      return "ready";
    case Phase::processing:
      return "processing";
    case Phase::upcoming:
      return "upcoming";
    case Phase::collected:
      return "collected";
  }
  return "upcoming";
}

std::optional<Phase> parse_phase(std::string_view name) noexcept {
  for (Phase p : k_phases) {
    if (phase_name(p) == name) {
      return p;
    }
  }
  return std::nullopt;
}

std::string_view moved_by_name(MovedBy m) noexcept {
  switch (m) {
    case MovedBy::weekend:
      return "weekend";
    case MovedBy::holiday:
      return "holiday";
    case MovedBy::none:
      break;
  }
  return "";
}

Deadline deadline_for(Date expiry, const Rules& rules,
                      const WorkCalendar& calendar) {
  Deadline d;
  d.expiry = expiry;
  d.filing_deadline = expiry - rules.advance_days;
  d.last_office_day = calendar.prev_workday_on_or_before(d.filing_deadline);
  const DayInfo day = calendar.day(d.filing_deadline);
  if (day.kind == DayKind::holiday) {
    d.moved_by = MovedBy::holiday;
    d.holiday = day.holiday->name;
  } else if (day.kind == DayKind::weekend) {
    d.moved_by = MovedBy::weekend;
  }
  d.covered = calendar.covered(d.last_office_day, d.filing_deadline);
  return d;
}

std::vector<std::string> deadline_warnings(const Deadline& deadline,
                                           const WorkCalendar& calendar) {
  if (deadline.covered) {
    return {};
  }
  return {uncovered_warning(calendar, deadline.last_office_day,
                            deadline.filing_deadline, "the last office day")};
}

Assessment assess(const StudentState& state, const Rules& rules,
                  const WorkCalendar& calendar, Date today,
                  AssessOptions options) {
  const Cycle& cycle = state.current;
  Assessment a;
  a.deadline = deadline_for(cycle.expiry, rules, calendar);
  a.days_to_deadline = (a.deadline.last_office_day - today).count();
  a.days_to_expiry = (cycle.expiry - today).count();
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    a.steps[i] =
        StepStatus{k_step_ids[i], static_cast<int>(i) + 1, cycle.steps[i].done};
  }
  if (cycle.progress_note) {
    a.progress_note = cycle.progress_note->date;
  }
  // The progress note is handed out at submission: either dates step 4 (a
  // hand-edited file may carry only one of them).
  const std::optional<Date> filed =
      a.progress_note ? a.progress_note : a.steps[k_submit].done;
  if (filed) {
    a.steps[k_submit].done = filed;
    a.ready_estimate = calendar.add(*filed, rules.processing_workdays);
  }
  a.next_step = next_step_of(a.steps);

  a.calendar_covered = a.deadline.covered;
  a.warnings = deadline_warnings(a.deadline, calendar);
  if (a.ready_estimate) {
    if (!calendar.covered(*filed, *a.ready_estimate)) {
      a.calendar_covered = false;
      a.warnings.push_back(uncovered_warning(
          calendar, *filed, *a.ready_estimate, "the ready estimate"));
    }
  }
  add_order_warnings(a.steps, a.deadline, a.warnings);

  if (!filed) {
    a.file_on = today <= a.deadline.last_office_day
                    ? a.deadline.last_office_day
                    : calendar.prev_workday_on_or_before(today) == today
                          ? today
                          : calendar.add(today, Workdays{1});
    a.ready_if_filed = calendar.add(*a.file_on, rules.processing_workdays);
    a.ready_if_filed_covered = calendar.covered(*a.file_on, *a.ready_if_filed);
  }

  if (a.steps[k_collect].done) {
    a.phase = Phase::collected;
  } else if (a.ready_estimate) {
    a.phase = today >= *a.ready_estimate ? Phase::ready : Phase::processing;
    if (a.phase == Phase::processing) {
      a.workdays_to_ready = calendar.count(today, *a.ready_estimate).value;
    }
  } else if (today > cycle.expiry) {
    a.phase = Phase::expired;
  } else if (today > a.deadline.last_office_day) {
    a.phase = Phase::overdue;
  } else if (a.days_to_deadline <= options.within_days) {
    a.phase = Phase::due;
  } else {
    a.phase = Phase::upcoming;
  }
  return a;
}

}  // namespace rpx
