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

std::string summary_line(const PhaseCounts& counts, const PhaseSet& shown,
                         std::size_t unreadable) {
  std::vector<std::string> phases;
  for (Phase p : k_phases) {
    if (shown.contains(p)) {
      phases.push_back(
          tr("check.summary.phase",
             {{"n", counts[p]}, {"phase", render_detail::phase_label(p)}}));
    }
  }
  std::string out = tr_n(
      "check.summary.students", static_cast<long long>(counts.total()),
      {{"phases",
        fmt::format("{}", fmt::join(phases, tr("check.summary.separator")))}});
  if (unreadable > 0) {
    out += tr_n("check.summary.unreadable", static_cast<long long>(unreadable));
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
      {render_detail::phase_label(a.phase), or_dash(s.student_id),
       or_dash(s.name),
       show_date(a.deadline.last_office_day) +
           std::string(basis_mark(a.deadline.note.basis)),
       submitted ? "-" : std::to_string(a.days_to_deadline),
       show_date(a.deadline.expiry),
       a.next_step.empty() ? "-" : std::string(a.next_step), printable(file)}};
}

std::string render_check_table(const std::vector<TableRow>& rows,
                               const PhaseCounts& counts, const PhaseSet& shown,
                               std::size_t unreadable, TextStyle style) {
  const TableRow header{
      Phase::upcoming,
      {tr("check.column.phase"), tr("check.column.student_id"),
       tr("check.column.name"), tr("check.column.last_office_day"),
       tr("check.column.days_left"), tr("check.column.expiry"),
       tr("check.column.next_step"), tr("check.column.file")}};
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
    out += tr("check.footnote.provisional") + "\n";
  }
  if (weekdays) {
    out += tr("check.footnote.weekdays") + "\n";
  }
  return out;
}

}  // namespace rpx
