// Warnings in words: the calendar's notes and the facts assess found about
// the steps.
#include <fmt/format.h>

#include <rpx/render.hpp>

namespace rpx {

namespace {

/// "step 2 (photo)".
std::string step_name(StepId s) {
  return fmt::format("step {} ({})", step_number(s), step_id(s));
}

/// "a day off for National Day" or "a Saturday": why the office is closed.
std::string closed_why(const DayFacts& day) {
  if (day.kind == DayKind::holiday) {
    return fmt::format(
        "a day off for {}{}", day.holiday->en(),
        day.provisional_year != 0 ? " in rpx's provisional schedule" : "");
  }
  return fmt::format("a {}", weekday_name(day.date));
}

}  // namespace

std::string step_warning_text(const StepWarning& w) {
  switch (w.code) {
    case StepWarning::Code::not_ticked:
      return fmt::format("submitted without {} ticked", step_name(w.step));
    case StepWarning::Code::after_submission:
      return fmt::format("{} is dated {}, after the submission on {}",
                         step_name(w.step), format_date(w.date),
                         format_date(w.other));
    case StepWarning::Code::late_submission:
      return fmt::format("submitted on {}, after the last office day {}",
                         format_date(w.date), format_date(w.other));
    case StepWarning::Code::collected_early:
      return fmt::format("collected on {}, before the submission on {}",
                         format_date(w.date), format_date(w.other));
    case StepWarning::Code::closed_day:
      break;
  }
  return fmt::format(
      "{} is dated {}, {}, when the {} is closed: check the date",
      step_name(w.step), format_weekday_date(w.date), closed_why(w.day),
      w.office ? w.office->en() : "office");
}

std::string render_warning_line(std::string_view warning) {
  return fmt::format("rpx: warning: {}\n", warning);
}

std::vector<std::string> deadline_warnings(const Deadline& deadline) {
  std::vector<std::string> out;
  if (deadline.note.basis != Basis::official) {
    out.push_back(calendar_warning(deadline.note, "the last office day"));
  }
  return out;
}

std::vector<std::string> assessment_warnings(const Assessment& a) {
  std::vector<std::string> out;
  const CalendarNote& dl = a.deadline.note;
  const bool ready = a.ready_estimate && a.ready_note.basis != Basis::official;
  if (ready && dl.basis == a.ready_note.basis &&
      dl.missing_year == a.ready_note.missing_year &&
      dl.assumed == a.ready_note.assumed && !dl.assumed.empty()) {
    // One sentence when both rest on the same assumed holidays.
    out.push_back(calendar_warning(
        dl, "the last office day and the ready estimate", Number::plural));
  } else {
    out = deadline_warnings(a.deadline);
    if (ready) {
      out.push_back(calendar_warning(a.ready_note, "the ready estimate"));
    }
  }
  for (const StepWarning& w : a.warnings) {
    out.push_back(step_warning_text(w));
  }
  return out;
}

}  // namespace rpx
