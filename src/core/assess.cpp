#include <fmt/format.h>

#include <rpx/assess.hpp>

namespace rpx {

namespace {

using date::days;

/// How far a guessed day can move the ready estimate either way.
constexpr Workdays k_ready_margin{2};

/// `ready_earliest`/`ready_latest` when the workdays from `filed` to `ready`
/// cross a day the provisional model guessed.
void ready_range(const WorkCalendar& calendar, Date filed, Date ready,
                 Workdays n, std::optional<Date>& earliest,
                 std::optional<Date>& latest) {
  if (calendar.assumed(filed + days{1}, ready)) {
    earliest = calendar.add(filed, Workdays{n.value - k_ready_margin.value});
    latest = calendar.add(filed, Workdays{n.value + k_ready_margin.value});
  }
}

/// Collected: nothing. Submitted: collect (whatever was left unticked, the
/// student is past it). Otherwise the first of steps 1–3 not done (any order
/// is fine, seed page), then submit.
std::string_view next_step_of(const Assessment& a) {
  if (a.step(StepId::collect).done) {
    return {};
  }
  if (a.step(StepId::submit).done) {
    return step_id(StepId::collect);
  }
  for (std::size_t i = 0; i < step_index(StepId::submit); ++i) {
    if (!a.steps[i].done) {
      return a.steps[i].id;
    }
  }
  return step_id(StepId::submit);
}

void add_closed_day_warnings(const std::array<StepStatus, k_step_count>& steps,
                             const Rules& rules, const WorkCalendar& calendar,
                             std::vector<std::string>& warnings) {
  for (const StepStatus& s : steps) {
    if (auto w = closed_day_warning(s, rules, calendar)) {
      warnings.push_back(std::move(*w));
    }
  }
}

void add_order_warnings(const std::array<StepStatus, k_step_count>& steps,
                        const Deadline& deadline,
                        std::vector<std::string>& warnings) {
  const auto& submit = steps[step_index(StepId::submit)];
  if (submit.done) {
    for (std::size_t i = 0; i < step_index(StepId::submit); ++i) {
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
  const auto& collect = steps[step_index(StepId::collect)];
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

std::optional<std::string> closed_day_warning(const StepStatus& step,
                                              const Rules& rules,
                                              const WorkCalendar& calendar) {
  const std::size_t i = static_cast<std::size_t>(step.n - 1);
  if (!step.done || i >= rules.steps.size() ||
      rules.steps[i].office != rules.steps[step_index(StepId::submit)].office ||
      calendar.is_workday(*step.done)) {
    return std::nullopt;
  }
  const DayInfo day = calendar.day(*step.done);
  const Office* office = rules.office(rules.steps[i].office);
  const bool provisional =
      day.notice != nullptr && day.notice->origin == Origin::provisional;
  const std::string why =
      day.kind == DayKind::holiday
          ? fmt::format("a day off for {}{}", day.holiday->name.en(),
                        provisional ? " in rpx's provisional schedule" : "")
          : fmt::format("a {}", weekday_name(*step.done));
  return fmt::format(
      "step {} ({}) is dated {}, {}, when the {} is closed: "
      "check the date",
      step.n, step.id, format_weekday_date(*step.done), why,
      office != nullptr ? office->name.en() : "office");
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
  // A weekend day the provisional schedule only guesses is worked may not
  // be: a deadline leans early, so it is never the last office day.
  while (calendar.day(d.last_office_day).assumed &&
         is_weekend(d.last_office_day)) {
    d.last_office_day = calendar.add(d.last_office_day, Workdays{-1});
  }
  const DayInfo day = calendar.day(d.filing_deadline);
  if (day.kind == DayKind::holiday) {
    d.moved_by = MovedBy::holiday;
    d.holiday = day.holiday->name;
  } else if (day.kind == DayKind::weekend ||
             (day.kind == DayKind::adjusted_workday && day.assumed)) {
    d.moved_by = MovedBy::weekend;
  }
  d.note = calendar.note(d.last_office_day, d.filing_deadline);
  d.covered = d.note.basis == Basis::official;
  return d;
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
      a.progress_note ? a.progress_note : a.step(StepId::submit).done;
  if (filed) {
    a.step(StepId::submit).done = filed;
    a.ready_estimate = calendar.add(*filed, rules.processing_workdays);
  }
  a.next_step = next_step_of(a);

  a.calendar_basis = a.deadline.note.basis;
  if (a.ready_estimate) {
    // The days after the progress note: the note's own day never counts.
    a.ready_note = calendar.note(*filed + days{1}, *a.ready_estimate);
    a.calendar_basis = std::min(a.calendar_basis, a.ready_note.basis);
    ready_range(calendar, *filed, *a.ready_estimate, rules.processing_workdays,
                a.ready_earliest, a.ready_latest);
  }
  a.calendar_covered = a.calendar_basis == Basis::official;
  add_order_warnings(a.steps, a.deadline, a.warnings);
  add_closed_day_warnings(a.steps, rules, calendar, a.warnings);

  if (!filed) {
    a.file_on = today <= a.deadline.last_office_day ? a.deadline.last_office_day
                : calendar.prev_workday_on_or_before(today) == today
                    ? today
                    : calendar.add(today, Workdays{1});
    a.ready_if_filed = calendar.add(*a.file_on, rules.processing_workdays);
    a.ready_if_filed_note =
        calendar.note(*a.file_on + days{1}, *a.ready_if_filed);
    a.ready_if_filed_covered = a.ready_if_filed_note.basis == Basis::official;
    ready_range(calendar, *a.file_on, *a.ready_if_filed,
                rules.processing_workdays, a.ready_if_filed_earliest,
                a.ready_if_filed_latest);
  }

  if (a.step(StepId::collect).done) {
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
