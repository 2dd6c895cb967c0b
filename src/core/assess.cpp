#include <rpx/assess.hpp>
#include <rpx/calendar.hpp>

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

void add_closed_day_warnings(const Assessment& a, const Rules& rules,
                             const WorkCalendar& calendar,
                             std::vector<StepWarning>& warnings) {
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    if (!a.steps[i].done) {
      continue;
    }
    if (auto w =
            closed_day_warning(step_at(i), *a.steps[i].done, rules, calendar)) {
      warnings.push_back(std::move(*w));
    }
  }
}

StepWarning order_warning(StepWarning::Code code, StepId step, Date date = {},
                          Date other = {}) {
  StepWarning w;
  w.code = code;
  w.step = step;
  w.date = date;
  w.other = other;
  return w;
}

void add_order_warnings(const Assessment& a,
                        std::vector<StepWarning>& warnings) {
  using Code = StepWarning::Code;
  const StepStatus& submit = a.step(StepId::submit);
  if (submit.done) {
    for (std::size_t i = 0; i < step_index(StepId::submit); ++i) {
      if (!a.steps[i].done) {
        warnings.push_back(order_warning(Code::not_ticked, step_at(i)));
      } else if (*a.steps[i].done > *submit.done) {
        warnings.push_back(order_warning(Code::after_submission, step_at(i),
                                         *a.steps[i].done, *submit.done));
      }
    }
    if (*submit.done > a.deadline.last_office_day) {
      warnings.push_back(order_warning(Code::late_submission, StepId::submit,
                                       *submit.done,
                                       a.deadline.last_office_day));
    }
  }
  const StepStatus& collect = a.step(StepId::collect);
  if (collect.done && submit.done && *collect.done < *submit.done) {
    warnings.push_back(order_warning(Code::collected_early, StepId::collect,
                                     *collect.done, *submit.done));
  }
}

/// Why the filing deadline moved, from what the calendar says of it.
MovedBy moved_by_of(const DayFacts& day) {
  if (day.kind == DayKind::holiday) {
    return MovedBy::holiday;
  }
  if (day.kind == DayKind::weekend ||
      (day.kind == DayKind::adjusted_workday && day.assumed)) {
    return MovedBy::weekend;
  }
  return MovedBy::none;
}

/// The steps as recorded; the progress note, handed out at submission,
/// dates step 4 too (a hand-edited file may carry only one of them).
void record_steps(Assessment& a, const Cycle& cycle) {
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    a.steps[i] =
        StepStatus{k_step_ids[i], step_number(step_at(i)), cycle.steps[i].done};
  }
  if (cycle.progress_note) {
    a.progress_note = cycle.progress_note->date;
    a.step(StepId::submit).done = a.progress_note;
  }
}

/// Submitted: the ready estimate, what decided it and its range.
void estimate_ready(Assessment& a, Date filed, const Rules& rules,
                    const WorkCalendar& calendar) {
  a.ready_estimate = calendar.add(filed, rules.processing_workdays);
  // The days after the progress note: the note's own day never counts.
  a.ready_note = calendar.note(filed + days{1}, *a.ready_estimate);
  a.calendar_basis = std::min(a.calendar_basis, a.ready_note.basis);
  ready_range(calendar, filed, *a.ready_estimate, rules.processing_workdays,
              a.ready_earliest, a.ready_latest);
}

/// Not submitted: the day to file and the ready estimate if filed then.
void plan_filing(Assessment& a, const Rules& rules,
                 const WorkCalendar& calendar, Date today) {
  const Date last = a.deadline.last_office_day;
  a.file_on = today <= last ? last
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

Phase phase_of(const Assessment& a, Date today, AssessOptions options) {
  if (a.step(StepId::collect).done) {
    return Phase::collected;
  }
  if (a.ready_estimate) {
    return today >= *a.ready_estimate ? Phase::ready : Phase::processing;
  }
  if (today > a.deadline.expiry) {
    return Phase::expired;
  }
  if (today > a.deadline.last_office_day) {
    return Phase::overdue;
  }
  return a.days_to_deadline <= options.within_days ? Phase::due
                                                   : Phase::upcoming;
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

std::optional<StepWarning> closed_day_warning(StepId step, Date done,
                                              const Rules& rules,
                                              const WorkCalendar& calendar) {
  const std::size_t i = step_index(step);
  if (i >= rules.steps.size() ||
      rules.steps[i].office != rules.steps[step_index(StepId::submit)].office ||
      calendar.is_workday(done)) {
    return std::nullopt;
  }
  StepWarning w;
  w.code = StepWarning::Code::closed_day;
  w.step = step;
  w.date = done;
  w.day = calendar.day_facts(done);
  if (const Office* office = rules.office(rules.steps[i].office)) {
    w.office = office->name;
  }
  return w;
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
  d.filing_day = calendar.day_facts(d.filing_deadline);
  d.last_office = calendar.day_facts(d.last_office_day);
  d.moved_by = moved_by_of(d.filing_day);
  if (d.moved_by == MovedBy::holiday) {
    d.holiday = d.filing_day.holiday;
  }
  for (Date day = d.last_office_day + days{1}; day < d.filing_deadline;
       day += days{1}) {
    d.closed_days.push_back(calendar.day_facts(day));
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
  record_steps(a, cycle);
  a.next_step = next_step_of(a);
  a.calendar_basis = a.deadline.note.basis;
  if (const std::optional<Date> filed = a.step(StepId::submit).done) {
    estimate_ready(a, *filed, rules, calendar);
  } else {
    plan_filing(a, rules, calendar, today);
  }
  a.calendar_covered = a.calendar_basis == Basis::official;
  add_order_warnings(a, a.warnings);
  add_closed_day_warnings(a, rules, calendar, a.warnings);
  a.phase = phase_of(a, today, options);
  a.next_action = a.phase == Phase::expired ? k_report_expired : a.next_step;
  if (a.phase == Phase::processing) {
    a.workdays_to_ready = calendar.count(today, *a.ready_estimate).value;
  }
  return a;
}

}  // namespace rpx
