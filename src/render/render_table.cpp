// `check --format table`: one row per student, columns aligned by display
// width, then the summary.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/render_batch.hpp>
#include <tuple>

#include "palette.hpp"
#include "render_detail.hpp"

namespace rpx {

namespace {

std::string or_dash(const std::string& s) {
  return s.empty() ? std::string("-") : printable(s);
}

/// Pads `cell` to `width` display columns, on the right or (numbers) the
/// left.
enum class Align { left, right };
std::string pad(const std::string& cell, std::size_t width, Align align) {
  const std::string fill(width - std::min(width, display_width(cell)), ' ');
  return align == Align::left ? cell + fill : fill + cell;
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
  const render_detail::Paint paint{style.color};
  std::string out;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const bool last = c + 1 == widths.size();
    const Align align = c == k_days_column ? Align::right : Align::left;
    std::string cell =
        last ? row.cells[c] : pad(row.cells[c], widths[c], align);
    // Colour after padding: escape sequences take no columns.
    if (kind == Cells::header) {
      cell = paint(render_detail::k_bold, cell);
    } else if (c == 0) {
      cell = paint(render_detail::phase_colour(row.phase), cell);
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

}  // namespace

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

}  // namespace rpx
