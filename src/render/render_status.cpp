// The student's screens: `rpx status` and `rpx plan`.
#include <fmt/format.h>

#include <rpx/layout.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>

#include "palette.hpp"
#include "render_detail.hpp"

namespace rpx {

namespace {

using date::days;

using render_detail::k_bold;
using render_detail::k_green;
using render_detail::k_red;
using render_detail::k_yellow;
using render_detail::Paint;

using render_detail::field;
using render_detail::local;

constexpr std::size_t k_status_label =
    19;  // "  Permit expires     " in English

/// The one-line verdict under the name.
std::string headline(const Assessment& a, const StudentState& s,
                     const Rules& rules) {
  const Deadline& dl = a.deadline;
  switch (a.phase) {
    case Phase::expired:
      return tr("status.headline.expired",
                {{"expiry", show_weekday_date(dl.expiry)},
                 {"relative", relative_days(a.days_to_expiry)},
                 {"office", local(rules.report_office().name)}});
    case Phase::overdue:
      return tr("status.headline.overdue",
                {{"last", show_weekday_date(dl.last_office_day)},
                 {"relative", relative_days(a.days_to_deadline)},
                 {"expiry", show_weekday_date(dl.expiry)},
                 {"expiry_relative", relative_days(a.days_to_expiry)}});
    case Phase::due:
      return tr("status.headline.due",
                {{"last", show_weekday_date(dl.last_office_day)},
                 {"days", tr_n("unit.days", a.days_to_deadline)}});
    case Phase::upcoming:
      return tr("status.headline.upcoming",
                {{"last", show_weekday_date(dl.last_office_day)},
                 {"days", tr_n("unit.days", a.days_to_deadline)}});
    case Phase::processing:
      return tr("status.headline.processing",
                {{"submitted", show_date(*a.step(StepId::submit).done)},
                 {"ready", show_weekday_date(*a.ready_estimate)},
                 {"workdays",
                  tr_n("unit.workdays", a.workdays_to_ready.value_or(0))}});
    case Phase::ready: {
      const auto& pn = s.current.progress_note;
      const std::string ready = show_weekday_date(*a.ready_estimate);
      return pn && !pn->phone.empty()
                 ? tr("status.headline.ready_phone",
                      {{"ready", ready}, {"phone", pn->phone}})
                 : tr("status.headline.ready", {{"ready", ready}});
    }
    case Phase::collected:
      return tr("status.headline.collected",
                {{"collected", show_date(*a.step(StepId::collect).done)}});
  }
  return "";
}

/// An office: its name and address in the output language and, for a taxi
/// driver, in Chinese; its hours and phone.
std::string office_block(const Office& office, std::string_view indent) {
  std::string out;
  const Office* o = &office;
  const bool zh = output_lang() == Lang::zh;
  const auto both = [&](const Text& t) {
    out += fmt::format("{}{}\n", indent, local(t));
    if (!zh && t.has("zh")) {
      out += fmt::format("{}{}\n", indent, t.in("zh"));
    }
  };
  both(o->name);
  if (!o->address.by_lang.empty()) {
    both(o->address);
  }
  if (!o->hours.by_lang.empty()) {
    out += fmt::format("{}{}\n", indent, local(o->hours));
  }
  if (!o->phone.empty()) {
    out += fmt::format("{}{}\n", indent,
                       tr("status.office_phone", {{"phone", o->phone}}));
  }
  return out;
}

/// "; between 2027-02-22 and 2027-02-26" when the estimate is a range.
std::string between(const std::optional<Date>& earliest,
                    const std::optional<Date>& latest) {
  return earliest ? tr("status.between", {{"earliest", show_date(*earliest)},
                                          {"latest", show_date(*latest)}})
                  : std::string();
}

/// "If filed on ... / Passport back around ..." for a student who has not
/// submitted yet.
std::string if_filed_lines(const Assessment& a, const Rules& rules) {
  if (!a.file_on) {
    return "";
  }
  const bool on_deadline = *a.file_on == a.deadline.last_office_day;
  std::string out =
      field("  ", "label.if_filed_on", k_status_label,
            show_weekday_date(*a.file_on) +
                tr(on_deadline ? "status.if_filed.last_office_day"
                               : "status.if_filed.first_workday"));
  out += field("  ", "label.passport_back", k_status_label,
               tr("status.passport_back_if_filed",
                  {{"ready", show_weekday_date(*a.ready_if_filed)},
                   {"n", rules.processing_workdays.value},
                   {"between", between(a.ready_if_filed_earliest,
                                       a.ready_if_filed_latest)}}));
  if (!a.ready_if_filed_covered) {
    out += "  " +
           tr("status.parenthesis",
              {{"text", calendar_warning(a.ready_if_filed_note,
                                         tr("subject.that_estimate"))}}) +
           "\n";
  }
  return out;
}

/// `cycle` with its user-entered texts (notes, phone) made `printable`.
void make_printable(Cycle& cycle) {
  for (StepRecord& step : cycle.steps) {
    step.note = printable(step.note);
  }
  if (cycle.progress_note) {
    cycle.progress_note->phone = printable(cycle.progress_note->phone);
  }
}

/// `state` as it may be shown on a terminal: control characters (C0, DEL,
/// C1) in its names, notes and phones replaced by `?`, so that an ESC in a
/// state file cannot retitle or clear the user's terminal.
StudentState shown(const StudentState& state) {
  StudentState s = state;
  s.name = printable(s.name);
  s.student_id = printable(s.student_id);
  make_printable(s.current);
  for (Cycle& c : s.history) {
    make_printable(c);
  }
  return s;
}

/// The name, today and the phase with its verdict.
std::string verdict_lines(const StudentState& s, const Assessment& a,
                          const Rules& rules, Date today, const Paint& paint) {
  const std::string name = s.name.empty() ? tr("status.student") : s.name;
  const std::string who =
      s.student_id.empty()
          ? name
          : tr("status.name_and_id", {{"name", name}, {"id", s.student_id}});
  return tr("status.as_of", {{"who", paint(k_bold, who)},
                             {"today", show_weekday_date(today)}}) +
         "\n" +
         tr("status.phase_line",
            {{"phase", paint(render_detail::phase_colour(a.phase),
                             render_detail::phase_title(a.phase))},
             {"headline", headline(a, s, rules)}}) +
         "\n\n";
}

/// The five steps, ✓ with the date and note or ✗, the next one in bold.
std::string checklist_lines(const StudentState& s, const Assessment& a,
                            const Rules& rules, const Paint& paint) {
  std::string out;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const StepStatus& st = a.steps[i];
    const std::string title =
        fmt::format("{}. {}", st.n, local(rules.steps[i].title));
    const std::string& note = s.current.steps[i].note;
    if (st.done) {
      out += fmt::format("  {} {} {}{}\n", paint(k_green, "✓"),
                         render_detail::pad_right(title, 56),
                         show_date(*st.done), note.empty() ? "" : "  " + note);
    } else {
      out += fmt::format("  {} {}\n", paint(k_red, "✗"),
                         st.id == a.next_step ? paint(k_bold, title) : title);
    }
  }
  return out;
}

/// Expiry, filing deadline and why it moved, last office day, and the
/// passport's return (estimated, or if filed on the last office day).
std::string date_lines(const StudentState& s, const Assessment& a,
                       const Rules& rules) {
  const Deadline& dl = a.deadline;
  const std::string indent(2 + k_status_label, ' ');
  std::string out;
  out += field("  ", "label.permit_expires", k_status_label,
               tr("status.date_relative",
                  {{"date", show_weekday_date(dl.expiry)},
                   {"relative", relative_days(a.days_to_expiry)}}));
  out += field("  ", "label.filing_deadline", k_status_label,
               tr("status.days_before_expiry",
                  {{"date", show_weekday_date(dl.filing_deadline)},
                   {"n", rules.advance_days.count()}}));
  out += render_detail::moved_explanation(dl, indent);
  out += field("  ", "label.last_office_day", k_status_label,
               tr("status.date_qualified_relative",
                  {{"date", show_weekday_date(dl.last_office_day)},
                   {"qualifier", render_detail::last_office_day_qualifier(dl)},
                   {"relative", relative_days(a.days_to_deadline)}}));
  if (!a.ready_estimate) {
    return out + if_filed_lines(a, rules);
  }
  out += field("  ", "label.passport_back", k_status_label,
               tr("status.passport_back",
                  {{"ready", show_weekday_date(*a.ready_estimate)},
                   {"n", rules.processing_workdays.value},
                   {"submitted", show_date(*a.step(StepId::submit).done)},
                   {"between", between(a.ready_earliest, a.ready_latest)}}));
  const auto& pn = s.current.progress_note;
  if (pn && !pn->phone.empty()) {
    out += field("  ", "label.progress_phone", k_status_label, pn->phone);
  }
  return out;
}

/// Once expired, one thing to do: report to the university's office today.
std::string report_expired_lines(const Rules& rules) {
  const Office& office = rules.report_office();
  std::string out = "\n" + tr("status.next_expired") + "\n";
  out += office_block(office, "  ");
  return out + "  " + tr("status.note", {{"text", tr("status.expired_note")}}) +
         "\n";
}

/// "Next:", the step's office, what to bring, and the command to record it.
std::string next_step_lines(const Assessment& a, const Rules& rules) {
  if (a.next_action == k_report_expired) {
    return report_expired_lines(rules);
  }
  if (a.next_step.empty() || a.phase == Phase::collected) {
    return "";
  }
  const int n = step_number(a.next_step);
  const Step& step = rules.steps[static_cast<std::size_t>(n - 1)];
  std::string out =
      "\n" + tr("status.next", {{"n", n}, {"title", local(step.title)}}) + "\n";
  if (const Office* o = rules.office(step.office)) {
    out += office_block(*o, "  ");
  }
  for (const Text& b : step.bring) {
    out += "  " + tr("status.bring", {{"text", local(b)}}) + "\n";
  }
  for (const Text& note : step.notes) {
    out += "  " + tr("status.note", {{"text", local(note)}}) + "\n";
  }
  std::string command;
  if (a.next_step == step_id(StepId::submit)) {
    command = tr("status.command.submit");
  } else if (a.next_step == step_id(StepId::collect)) {
    command = tr("status.command.collect");
  } else {
    command = "rpx done " + std::string(a.next_step);
  }
  return out + "  " + tr("status.then", {{"command", command}}) + "\n";
}

std::string warning_lines(const Assessment& a, const Paint& paint) {
  const auto warnings = assessment_warnings(a);
  if (warnings.empty()) {
    return "";
  }
  std::string out = "\n";
  for (const std::string& w : warnings) {
    out += paint(k_yellow, render_detail::warning_label()) + " " + w + "\n";
  }
  return out;
}

}  // namespace

std::string render_status_text(const StudentState& state, const Assessment& a,
                               const Rules& rules, Date today,
                               TextStyle style) {
  const StudentState s = shown(state);
  const Paint paint{style.color};
  return wrap_text(verdict_lines(s, a, rules, today, paint) +
                       checklist_lines(s, a, rules, paint) + "\n" +
                       date_lines(s, a, rules) + next_step_lines(a, rules) +
                       warning_lines(a, paint),
                   style.width);
}

std::string render_plan_text(const StudentState& state, const Assessment& a,
                             const Rules& rules, Date today) {
  const StudentState s = shown(state);
  const Deadline& dl = a.deadline;
  std::string out =
      tr("plan.title",
         {{"who", s.name.empty() ? tr("plan.the_student") : s.name},
          {"today", show_weekday_date(today)}}) +
      "\n\n";
  // Once submitted, the steps before it are no longer to do: a step not
  // ticked then is a warning below, not a step left.
  const std::size_t first =
      a.step(StepId::submit).done ? step_index(StepId::submit) + 1 : 0;
  std::vector<std::string> left;
  for (std::size_t i = first; i < a.steps.size(); ++i) {
    if (!a.steps[i].done) {
      left.push_back(
          fmt::format("{}. {}", a.steps[i].n, local(rules.steps[i].title)));
    }
  }
  if (a.phase == Phase::processing || a.phase == Phase::ready ||
      a.phase == Phase::collected) {
    out += field("  ", "label.submitted", k_status_label,
                 show_weekday_date(*a.step(StepId::submit).done));
    const std::string ready = show_weekday_date(*a.ready_estimate);
    out +=
        field("  ", "label.passport_back", k_status_label,
              a.ready_earliest ? tr("plan.around_between",
                                    {{"ready", ready},
                                     {"earliest", show_date(*a.ready_earliest)},
                                     {"latest", show_date(*a.ready_latest)}})
                               : tr("plan.around", {{"ready", ready}}));
  } else {
    out +=
        field("  ", "label.last_office_day", k_status_label,
              tr("status.date_qualified_relative",
                 {{"date", show_weekday_date(dl.last_office_day)},
                  {"qualifier", render_detail::last_office_day_qualifier(dl)},
                  {"relative", relative_days(a.days_to_deadline)}}));
    out += field("  ", "label.filing_deadline", k_status_label,
                 tr("status.days_before_expiry",
                    {{"date", show_weekday_date(dl.filing_deadline)},
                     {"n", rules.advance_days.count()}}));
    out += if_filed_lines(a, rules);
  }
  out += field("  ", "label.permit_expires", k_status_label,
               tr("status.date_relative",
                  {{"date", show_weekday_date(dl.expiry)},
                   {"relative", relative_days(a.days_to_expiry)}}));
  out += "\n";
  if (left.empty()) {
    out += tr("plan.steps_left_none") + "\n";
  } else {
    out += tr("plan.steps_left") + "\n";
    for (const std::string& l : left) {
      out += fmt::format("  {}\n", l);
    }
  }
  for (const std::string& w : assessment_warnings(a)) {
    out += render_detail::warning_label() + " " + w + "\n";
  }
  return out;
}

}  // namespace rpx
