// `check --format csv`: RFC 4180 rows in docs/cli.md's columns.
#include <fmt/format.h>

#include <optional>
#include <rpx/render_batch.hpp>

namespace rpx {

namespace {

std::string date_or_empty(const std::optional<Date>& d) {
  return d ? format_date(*d) : std::string();
}

}  // namespace

std::string csv_field(std::string_view text, CsvCells cells) {
  const bool formula =
      cells == CsvCells::guarded && !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return formula ? "'" + std::string(text) : std::string(text);
  }
  std::string out = formula ? "\"'" : "\"";
  for (char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

std::string render_csv_header() {
  return "file,student_id,name,phase,expiry,filing_deadline,last_office_day,"
         "days_to_deadline,next_step,progress_note,ready_estimate,"
         "calendar_covered,calendar_basis\r\n";
}

std::string render_csv_row(const std::string& file, const StudentState& s,
                           const Assessment& a, CsvCells cells) {
  const Deadline& dl = a.deadline;
  return fmt::format(
      "{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
      csv_field(valid_utf8(file), cells), csv_field(s.student_id, cells),
      csv_field(s.name, cells), phase_name(a.phase), format_date(dl.expiry),
      format_date(dl.filing_deadline), format_date(dl.last_office_day),
      a.days_to_deadline, a.next_step, date_or_empty(a.progress_note),
      date_or_empty(a.ready_estimate), a.calendar_covered ? "true" : "false",
      basis_name(a.calendar_basis));
}

}  // namespace rpx
