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

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return out;
}

std::string day_count(int n) {
  return fmt::format("{} day{}", n, n == 1 || n == -1 ? "" : "s");
}

/// The one-line verdict under the name.
std::string headline(const Assessment& a, const StudentState& s) {
  const Deadline& dl = a.deadline;
  switch (a.phase) {
    case Phase::expired:
      return fmt::format(
          "the permit expired on {} ({}); go to the Exit-Entry "
          "office at once",
          format_weekday_date(dl.expiry), relative_days(a.days_to_expiry));
    case Phase::overdue:
      return fmt::format(
          "the last office day was {} ({}); the permit expires {} ({}): file "
          "now",
          format_weekday_date(dl.last_office_day),
          relative_days(a.days_to_deadline), format_weekday_date(dl.expiry),
          relative_days(a.days_to_expiry));
    case Phase::due:
      return fmt::format("file by {}: {} left",
                         format_weekday_date(dl.last_office_day),
                         day_count(a.days_to_deadline));
    case Phase::upcoming:
      return fmt::format("{} until the last office day, {}",
                         day_count(a.days_to_deadline),
                         format_weekday_date(dl.last_office_day));
    case Phase::processing:
      return fmt::format(
          "submitted {}; passport back around {} ({} workday{} from today)",
          format_date(*a.step(StepId::submit).done),
          format_weekday_date(*a.ready_estimate),
          a.workdays_to_ready.value_or(0),
          a.workdays_to_ready.value_or(0) == 1 ? "" : "s");
    case Phase::ready: {
      const auto& pn = s.current.progress_note;
      const std::string phone = pn && !pn->phone.empty()
                                    ? fmt::format(" ({})", pn->phone)
                                    : std::string();
      return fmt::format(
          "the permit should be ready since {}: call the number on the "
          "Progress Note{} to check, then collect it",
          format_weekday_date(*a.ready_estimate), phone);
    }
    case Phase::collected:
      return fmt::format(
          "passport collected on {}; record the new permit with: rpx collect "
          "--new-expiry DATE",
          format_date(*a.step(StepId::collect).done));
  }
  return "";
}

std::string office_block(const Rules& rules, const Step& step,
                         std::string_view indent) {
  std::string out;
  const Office* o = rules.office(step.office);
  if (o == nullptr) {
    return out;
  }
  out += fmt::format("{}{}\n", indent, o->name.en());
  if (o->name.has("zh")) {
    out += fmt::format("{}{}\n", indent, o->name.in("zh"));
  }
  if (!o->address.by_lang.empty()) {
    out += fmt::format("{}{}\n", indent, o->address.en());
    if (o->address.has("zh")) {
      out += fmt::format("{}{}\n", indent, o->address.in("zh"));
    }
  }
  if (!o->hours.by_lang.empty()) {
    out += fmt::format("{}{}\n", indent, o->hours.en());
  }
  if (!o->phone.empty()) {
    out += fmt::format("{}Phone {}\n", indent, o->phone);
  }
  return out;
}

/// "; between 2027-02-22 and 2027-02-26" when the estimate is a range.
std::string between(const std::optional<Date>& earliest,
                    const std::optional<Date>& latest) {
  return earliest ? fmt::format("; between {} and {}", format_date(*earliest),
                                format_date(*latest))
                  : std::string();
}

/// "If filed on ... / Passport back around ..." for a student who has not
/// submitted yet.
std::string if_filed_lines(const Assessment& a, const Rules& rules) {
  if (!a.file_on) {
    return "";
  }
  const bool on_deadline = *a.file_on == a.deadline.last_office_day;
  std::string out = fmt::format(
      "  If filed on        {}{}\n", format_weekday_date(*a.file_on),
      on_deadline ? " (the last office day)"
                  : " (the first workday from today; the deadline has passed)");
  out += fmt::format(
      "  Passport back      around {} ({} workdays later{})\n",
      format_weekday_date(*a.ready_if_filed), rules.processing_workdays.value,
      between(a.ready_if_filed_earliest, a.ready_if_filed_latest));
  if (!a.ready_if_filed_covered) {
    out += fmt::format(
        "  ({})\n", calendar_warning(a.ready_if_filed_note, "that estimate"));
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
                          Date today, const Paint& paint) {
  std::string who = s.name.empty() ? std::string("Student") : s.name;
  if (!s.student_id.empty()) {
    who += fmt::format(" ({})", s.student_id);
  }
  return fmt::format("{}, as of {}\n", paint(k_bold, who),
                     format_weekday_date(today)) +
         fmt::format("{}: {}\n\n",
                     paint(render_detail::phase_colour(a.phase),
                           upper(phase_name(a.phase))),
                     headline(a, s));
}

/// The five steps, ✓ with the date and note or ✗, the next one in bold.
std::string checklist_lines(const StudentState& s, const Assessment& a,
                            const Rules& rules, const Paint& paint) {
  std::string out;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const StepStatus& st = a.steps[i];
    const std::string title =
        fmt::format("{}. {}", st.n, rules.steps[i].title.en());
    const std::string& note = s.current.steps[i].note;
    if (st.done) {
      out +=
          fmt::format("  {} {:<56} {}{}\n", paint(k_green, "✓"), title,
                      format_date(*st.done), note.empty() ? "" : "  " + note);
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
  constexpr std::string_view k_indent = "                     ";
  std::string out;
  out += fmt::format("  Permit expires     {} ({})\n",
                     format_weekday_date(dl.expiry),
                     relative_days(a.days_to_expiry));
  out += fmt::format("  Filing deadline    {} ({} days before expiry)\n",
                     format_weekday_date(dl.filing_deadline),
                     rules.advance_days.count());
  out += render_detail::moved_explanation(dl, k_indent);
  out += fmt::format("  Last office day    {}{} ({})\n",
                     format_weekday_date(dl.last_office_day),
                     render_detail::last_office_day_qualifier(dl),
                     relative_days(a.days_to_deadline));
  if (!a.ready_estimate) {
    return out + if_filed_lines(a, rules);
  }
  out += fmt::format(
      "  Passport back      around {} ({} workdays after the "
      "Progress Note of {}{})\n",
      format_weekday_date(*a.ready_estimate), rules.processing_workdays.value,
      format_date(*a.step(StepId::submit).done),
      between(a.ready_earliest, a.ready_latest));
  const auto& pn = s.current.progress_note;
  if (pn && !pn->phone.empty()) {
    out += fmt::format("  Progress phone     {}\n", pn->phone);
  }
  return out;
}

/// "Next:", the step's office, what to bring, and the command to record it.
std::string next_step_lines(const Assessment& a, const Rules& rules) {
  if (a.next_step.empty() || a.phase == Phase::collected) {
    return "";
  }
  const int n = step_number(a.next_step);
  const Step& step = rules.steps[static_cast<std::size_t>(n - 1)];
  std::string out = fmt::format("\nNext: {}. {}\n", n, step.title.en());
  out += office_block(rules, step, "  ");
  for (const Text& b : step.bring) {
    out += fmt::format("  Bring: {}\n", b.en());
  }
  for (const Text& note : step.notes) {
    out += fmt::format("  Note:  {}\n", note.en());
  }
  if (a.next_step == step_id(StepId::submit)) {
    out += "  Then: rpx submit --phone NUMBER-ON-THE-PROGRESS-NOTE\n";
  } else if (a.next_step == step_id(StepId::collect)) {
    out += "  Then: rpx collect --new-expiry DATE-ON-THE-NEW-PERMIT\n";
  } else {
    out += fmt::format("  Then: rpx done {}\n", a.next_step);
  }
  return out;
}

std::string warning_lines(const Assessment& a, const Paint& paint) {
  const auto warnings = assessment_warnings(a);
  if (warnings.empty()) {
    return "";
  }
  std::string out = "\n";
  for (const std::string& w : warnings) {
    out += fmt::format("{} {}\n", paint(k_yellow, "warning:"), w);
  }
  return out;
}

}  // namespace

std::string render_status_text(const StudentState& state, const Assessment& a,
                               const Rules& rules, Date today,
                               TextStyle style) {
  const StudentState s = shown(state);
  const Paint paint{style.color};
  return wrap_text(verdict_lines(s, a, today, paint) +
                       checklist_lines(s, a, rules, paint) + "\n" +
                       date_lines(s, a, rules) + next_step_lines(a, rules) +
                       warning_lines(a, paint),
                   style.width);
}

std::string render_plan_text(const StudentState& state, const Assessment& a,
                             const Rules& rules, Date today) {
  const StudentState s = shown(state);
  const Deadline& dl = a.deadline;
  std::string out;
  out += fmt::format("Plan for {}, as of {}\n\n",
                     s.name.empty() ? std::string("the student") : s.name,
                     format_weekday_date(today));
  std::vector<std::string> left;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    if (!a.steps[i].done) {
      left.push_back(
          fmt::format("{}. {}", a.steps[i].n, rules.steps[i].title.en()));
    }
  }
  if (a.phase == Phase::processing || a.phase == Phase::ready ||
      a.phase == Phase::collected) {
    out += fmt::format("  Submitted          {}\n",
                       format_weekday_date(*a.step(StepId::submit).done));
    out += fmt::format("  Passport back      around {}{}\n",
                       format_weekday_date(*a.ready_estimate),
                       a.ready_earliest
                           ? fmt::format(" (between {} and {})",
                                         format_date(*a.ready_earliest),
                                         format_date(*a.ready_latest))
                           : std::string());
  } else {
    out += fmt::format("  Last office day    {}{} ({})\n",
                       format_weekday_date(dl.last_office_day),
                       render_detail::last_office_day_qualifier(dl),
                       relative_days(a.days_to_deadline));
    out += fmt::format("  Filing deadline    {} ({} days before expiry)\n",
                       format_weekday_date(dl.filing_deadline),
                       rules.advance_days.count());
    out += if_filed_lines(a, rules);
  }
  out += fmt::format("  Permit expires     {} ({})\n",
                     format_weekday_date(dl.expiry),
                     relative_days(a.days_to_expiry));
  out += "\n";
  if (left.empty()) {
    out += "Steps left: none\n";
  } else {
    out += "Steps left:\n";
    for (const std::string& l : left) {
      out += fmt::format("  {}\n", l);
    }
  }
  for (const std::string& w : assessment_warnings(a)) {
    out += fmt::format("warning: {}\n", w);
  }
  return out;
}

}  // namespace rpx
