#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <rpx/render_batch.hpp>
#include <tuple>

#include "render_detail.hpp"

namespace rpx {

namespace {

using date::days;
using Json = nlohmann::ordered_json;

std::string or_dash(const std::string& s) {
  return s.empty() ? std::string("-") : printable(s);
}

std::string date_or_empty(const std::optional<Date>& d) {
  return d ? format_date(*d) : std::string();
}

/// Pads `cell` to `width` display columns, on the right or (numbers) the
/// left.
enum class Align { left, right };
std::string pad(const std::string& cell, std::size_t width, Align align) {
  const std::string fill(width - std::min(width, display_width(cell)), ' ');
  return align == Align::left ? cell + fill : fill + cell;
}

std::string paint(bool on, std::string_view code, const std::string& s) {
  return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
}

using Widths =
    std::array<std::size_t, std::tuple_size_v<decltype(TableRow::cells)>>;
constexpr std::size_t k_last_office_day_column = 3;
constexpr std::size_t k_days_column = 4;

void widen(Widths& widths, const TableRow& row) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    widths[c] = std::max(widths[c], display_width(row.cells[c]));
  }
}

enum class Cells { header, body };

/// One line of the table; the last column is not padded, so that no line
/// ends in spaces.
std::string table_line(const TableRow& row, const Widths& widths, Cells kind,
                       TextStyle style) {
  std::string out;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const bool last = c + 1 == widths.size();
    const Align align = c == k_days_column ? Align::right : Align::left;
    std::string cell =
        last ? row.cells[c] : pad(row.cells[c], widths[c], align);
    // Colour after padding: escape sequences take no columns.
    if (kind == Cells::header) {
      cell = paint(style.color, "1", cell);
    } else if (c == 0) {
      cell = paint(style.color, render_detail::phase_colour(row.phase), cell);
    }
    out += cell + (last ? "\n" : "  ");
  }
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string summary_line(const PhaseCounts& counts, const PhaseSet& shown,
                         std::size_t unreadable) {
  std::string out = plural(counts.total(), "student", "students") + ":";
  std::string_view sep = " ";
  for (Phase p : k_phases) {
    if (shown.contains(p)) {
      out += fmt::format("{}{} {}", sep, counts[p], phase_name(p));
      sep = ", ";
    }
  }
  if (unreadable > 0) {
    out += fmt::format("; {} could not be read",
                       plural(unreadable, "file", "files"));
  }
  return out + "\n";
}

/// Indents every line of `text` but the first by `indent` spaces.
std::string indent_rest(std::string_view text, std::size_t indent) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') {
      out.append(indent, ' ');
    }
  }
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
  }
  return std::string(text);
}

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

std::string_view basis_mark(Basis b) noexcept {
  switch (b) {
    case Basis::provisional:
      return "~";
    case Basis::weekdays:
      return "*";
    case Basis::official:
      break;
  }
  return "";
}

TableRow make_table_row(const std::string& file, const StudentState& s,
                        const Assessment& a) {
  const bool submitted = a.step(StepId::submit).done.has_value();
  return TableRow{
      a.phase,
      {std::string(phase_name(a.phase)), or_dash(s.student_id), or_dash(s.name),
       format_date(a.deadline.last_office_day) +
           std::string(basis_mark(a.deadline.note.basis)),
       submitted ? "-" : std::to_string(a.days_to_deadline),
       format_date(a.deadline.expiry),
       a.next_step.empty() ? "-" : std::string(a.next_step), printable(file)}};
}

std::string render_check_table(const std::vector<TableRow>& rows,
                               const PhaseCounts& counts, const PhaseSet& shown,
                               std::size_t unreadable, TextStyle style) {
  const TableRow header{Phase::upcoming,
                        {"PHASE", "STUDENT ID", "NAME", "LAST OFFICE DAY",
                         "DAYS LEFT", "EXPIRY", "NEXT STEP", "FILE"}};
  Widths widths{};
  widen(widths, header);
  bool weekdays = false;
  bool provisional = false;
  for (const TableRow& row : rows) {
    widen(widths, row);
    const std::string& lod = row.cells[k_last_office_day_column];
    weekdays = weekdays || lod.ends_with(basis_mark(Basis::weekdays));
    provisional = provisional || lod.ends_with(basis_mark(Basis::provisional));
  }
  std::string out;
  if (!rows.empty()) {
    out += table_line(header, widths, Cells::header, style);
    for (const TableRow& row : rows) {
      out += table_line(row, widths, Cells::body, style);
    }
  }
  out += summary_line(counts, shown, unreadable);
  if (provisional) {
    out +=
        "~ provisional: depends on a year with no official schedule; its "
        "holidays are rpx's estimate (rpx holidays YEAR)\n";
  }
  if (weekdays) {
    out +=
        "* depends on a year no holiday table or estimate covers: "
        "Monday–Friday assumed\n";
  }
  return out;
}

void render_check_json(Date as_of, const std::vector<std::string>& students,
                       const PhaseCounts& counts,
                       const std::vector<BatchError>& errors, const Sink& out) {
  Json summary = Json::object();
  for (Phase p : k_phases) {
    summary[std::string(phase_name(p))] = counts[p];
  }
  Json errs = Json::array();
  for (const BatchError& e : errors) {
    errs.push_back(
        Json{{"file", valid_utf8(e.file)}, {"error", valid_utf8(e.error)}});
  }
  out(fmt::format("{{\n  \"as_of\": \"{}\",\n  \"students\": [",
                  format_date(as_of)));
  for (std::size_t i = 0; i < students.size(); ++i) {
    out(i == 0 ? "\n    " : ",\n    ");
    out(indent_rest(trimmed(students[i]), 4));
  }
  out(students.empty() ? "],\n" : "\n  ],\n");
  out(fmt::format("  \"summary\": {},\n  \"errors\": {}\n}}\n",
                  indent_rest(summary.dump(2), 2),
                  indent_rest(errs.dump(2), 2)));
}

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
  return fmt::format("rpx: {}\n", printable(error.error));
}

}  // namespace rpx
