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
      return fmt::format(" (provisional: {})", missing_reason(note));
    case Basis::weekdays:
      break;
  }
  return fmt::format(" ({}: Monday–Friday assumed)", missing_reason(note));
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
  const std::string phone =
      pn && !pn->phone.empty() ? printable(pn->phone)
                               : std::string("the number on the Progress Note");
  const Date ready = *a.ready_estimate;
  return fmt::format(
      "READY {}: passport should be ready since {} ({}); call {} to check{}\n",
      who(file, s), format_date(ready), relative_days((ready - today).count()),
      phone, uncovered_note(a.ready_note));
}

}  // namespace

std::string render_remind_line(const std::string& file, const StudentState& s,
                               const Assessment& a, Date today) {
  const Deadline& dl = a.deadline;
  const std::string note = uncovered_note(dl.note);
  switch (a.phase) {
    case Phase::expired:
      return fmt::format("EXPIRED {}: permit expired on {} ({})\n",
                         who(file, s), format_date(dl.expiry),
                         relative_days(a.days_to_expiry));
    case Phase::overdue:
      return fmt::format(
          "OVERDUE {}: last office day was {} ({}); permit expires {}{}\n",
          who(file, s), format_date(dl.last_office_day),
          relative_days(a.days_to_deadline), format_date(dl.expiry), note);
    case Phase::due:
      return fmt::format(
          "DUE {}: last office day {} ({}); permit expires {}{}\n",
          who(file, s), format_date(dl.last_office_day),
          relative_days(a.days_to_deadline), format_date(dl.expiry), note);
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
