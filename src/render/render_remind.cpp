// `remind`: one line per student who must act, and the line for a file
// that could not be read.
#include <fmt/format.h>

#include <rpx/render_batch.hpp>

namespace rpx {

namespace {

/// " (provisional: the 2027 schedule is not published yet)" for a date
/// that is not official; "" for one that is.
std::string uncovered_note(const CalendarNote& note) {
  switch (note.basis) {
    case Basis::official:
      return "";
    case Basis::provisional:
      return tr("remind.provisional", {{"reason", missing_reason(note)}});
    case Basis::weekdays:
      break;
  }
  return tr("remind.weekdays", {{"reason", missing_reason(note)}});
}

std::string who(const std::string& file, const StudentState& s) {
  if (s.student_id.empty() && s.name.empty()) {
    return printable(file);
  }
  if (s.student_id.empty() || s.name.empty()) {
    return printable(s.student_id + s.name);
  }
  return printable(s.student_id + " " + s.name);
}

/// READY: the ready estimate, and whom to call to check.
std::string ready_line(const std::string& file, const StudentState& s,
                       const Assessment& a, Date today) {
  const auto& pn = s.current.progress_note;
  const std::string phone = pn && !pn->phone.empty()
                                ? printable(pn->phone)
                                : tr("remind.progress_note_number");
  const Date ready = *a.ready_estimate;
  return tr("remind.ready",
            {{"who", who(file, s)},
             {"ready", show_date(ready)},
             {"relative", relative_days((ready - today).count())},
             {"phone", phone},
             {"note", uncovered_note(a.ready_note)}}) +
         "\n";
}

}  // namespace

std::string render_remind_line(const std::string& file, const StudentState& s,
                               const Assessment& a, const Rules& rules,
                               Date today) {
  const Deadline& dl = a.deadline;
  const std::string note = uncovered_note(dl.note);
  switch (a.phase) {
    case Phase::expired:
      return tr("remind.expired",
                {{"who", who(file, s)},
                 {"expiry", show_date(dl.expiry)},
                 {"relative", relative_days(a.days_to_expiry)},
                 {"office", local(rules.report_office().name)}}) +
             "\n";
    case Phase::overdue:
    case Phase::due:
      return tr(a.phase == Phase::due ? "remind.due" : "remind.overdue",
                {{"who", who(file, s)},
                 {"last", show_date(dl.last_office_day)},
                 {"relative", relative_days(a.days_to_deadline)},
                 {"expiry", show_date(dl.expiry)},
                 {"note", note}}) +
             "\n";
    case Phase::ready:
      return ready_line(file, s, a, today);
    case Phase::processing:
    case Phase::upcoming:
    case Phase::collected:
      break;
  }
  return "";
}

std::string render_error_line(const BatchError& error) {
  return fmt::format("rpx: {}\n", printable(error.error.in(output_lang())));
}

}  // namespace rpx
