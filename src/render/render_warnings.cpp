// Warnings in words: the calendar's notes and the facts assess found about
// the steps.
#include <fmt/format.h>

#include <rpx/render.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace {

using render_detail::local;

/// "step 2 (photo)".
std::string step_name(StepId s) {
  return tr("warning.step_name", {{"n", step_number(s)}, {"id", step_id(s)}});
}

/// "a day off for National Day" or "a Saturday": why the office is closed.
std::string closed_why(const DayFacts& day) {
  if (day.kind == DayKind::holiday) {
    return tr(day.provisional_year != 0 ? "warning.closed.holiday_provisional"
                                        : "warning.closed.holiday",
              {{"holiday", local(*day.holiday)}});
  }
  return tr("warning.closed.weekend", {{"weekday", show_weekday(day.date)}});
}

}  // namespace

std::string step_warning_text(const StepWarning& w) {
  switch (w.code) {
    case StepWarning::Code::not_ticked:
      return tr("warning.not_ticked", {{"step", step_name(w.step)}});
    case StepWarning::Code::after_submission:
      return tr("warning.after_submission",
                {{"step", step_name(w.step)},
                 {"date", show_date(w.date)},
                 {"submitted", show_date(w.other)}});
    case StepWarning::Code::late_submission:
      return tr("warning.late_submission",
                {{"date", show_date(w.date)}, {"last", show_date(w.other)}});
    case StepWarning::Code::collected_early:
      return tr("warning.collected_early", {{"date", show_date(w.date)},
                                            {"submitted", show_date(w.other)}});
    case StepWarning::Code::closed_day:
      break;
  }
  return tr("warning.closed_day",
            {{"step", step_name(w.step)},
             {"date", show_weekday_date(w.date)},
             {"why", closed_why(w.day)},
             {"office", w.office ? local(*w.office) : tr("warning.office")}});
}

std::string render_warning_line(std::string_view warning) {
  return "rpx: " + tr("warning.line", {{"text", warning}}) + "\n";
}

std::vector<std::string> deadline_warnings(const Deadline& deadline) {
  std::vector<std::string> out;
  if (deadline.note.basis != Basis::official) {
    out.push_back(
        calendar_warning(deadline.note, tr("subject.last_office_day")));
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
    out.push_back(calendar_warning(dl, tr("subject.last_office_day_and_ready"),
                                   Number::plural));
  } else {
    out = deadline_warnings(a.deadline);
    if (ready) {
      out.push_back(
          calendar_warning(a.ready_note, tr("subject.ready_estimate")));
    }
  }
  for (const StepWarning& w : a.warnings) {
    out.push_back(step_warning_text(w));
  }
  return out;
}

}  // namespace rpx
