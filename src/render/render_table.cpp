// `check --format table`: one row per student, columns aligned by display
// width, then the summary.
//
// A table wider than the line gives up columns, least useful first, and never
// splits a row: the file path is shortened from its start (down to 16
// columns, keeping the file name), then dropped; then the expiry (the last
// office day is the date to act on, and the phase says when a permit has
// expired); the name is shortened (down to 12 columns); then the next step,
// the days left (the last office day says the same) and the name go. The
// phase, the student id and the last office day always stay: a row must say
// who and by when. A row still wider than the line is printed whole.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/layout.hpp>
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
constexpr std::size_t k_name_column = 2;
constexpr std::size_t k_last_office_day_column = 3;
constexpr std::size_t k_days_column = 4;
constexpr std::size_t k_expiry_column = 5;
constexpr std::size_t k_next_step_column = 6;
constexpr std::size_t k_file_column = 7;
constexpr std::string_view k_gap = "  ";  // between columns

/// One step of fitting the table: a column shortened to `min_width`, or
/// dropped when that is 0.
struct Give {
  std::size_t column;
  std::size_t min_width;
};

/// The order of the header comment.
constexpr Give k_fit_order[] = {
    {k_file_column, 16}, {k_file_column, 0},      {k_expiry_column, 0},
    {k_name_column, 12}, {k_next_step_column, 0}, {k_days_column, 0},
    {k_name_column, 0},
};

/// The width of a line with columns `widths`; a column of width 0 is
/// dropped.
std::size_t line_width(const Widths& widths) {
  std::size_t total = 0;
  std::size_t shown = 0;
  for (std::size_t w : widths) {
    total += w;
    shown += w > 0 ? 1 : 0;
  }
  return total + (shown > 0 ? (shown - 1) * k_gap.size() : 0);
}

/// `widths` given up, in `k_fit_order`, until a line fits in `width`.
Widths fit(Widths widths, std::size_t width) {
  for (const Give& give : k_fit_order) {
    const std::size_t total = line_width(widths);
    if (total <= width) {
      break;
    }
    std::size_t& w = widths[give.column];
    if (give.min_width == 0) {
      w = 0;
    } else if (w > give.min_width) {
      w = std::max(give.min_width, w - std::min(w, total - width));
    }
  }
  return widths;
}

void widen(Widths& widths, const TableRow& row) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    widths[c] = std::max(widths[c], display_width(row.cells[c]));
  }
}

enum class Cells { header, body };

/// `cell` cut to the `width` of its column: a path keeps its end, from a
/// directory boundary ("…/expired.json", not "…udents/expired.json"), the
/// rest their start.
std::string shortened(const std::string& cell, std::size_t column,
                      std::size_t width) {
  if (column != k_file_column) {
    return elide(cell, width, Elide::end);
  }
  const std::string cut = elide(cell, width, Elide::start);
  const std::size_t slash = cut.find('/');
  if (cut == cell || slash == std::string::npos) {
    return cut;
  }
  return "…" + cut.substr(slash);
}

/// One line of the table, without the dropped columns (width 0); the last
/// column is not padded, so that no line ends in spaces.
std::string table_line(const TableRow& row, const Widths& widths, Cells kind,
                       TextStyle style) {
  const render_detail::Paint paint{style.color};
  std::string out;
  std::size_t last = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    last = widths[c] > 0 ? c : last;
  }
  for (std::size_t c = 0; c <= last; ++c) {
    if (widths[c] == 0) {
      continue;
    }
    const Align align = c == k_days_column ? Align::right : Align::left;
    std::string cell = shortened(row.cells[c], c, widths[c]);
    if (c != last) {
      cell = pad(cell, widths[c], align);
    }
    // Colour after padding: escape sequences take no columns.
    if (kind == Cells::header) {
      cell = paint(render_detail::k_bold, cell);
    } else if (c == 0) {
      cell = paint(render_detail::phase_colour(row.phase), cell);
    }
    out += cell;
    out += c == last ? std::string_view("\n") : k_gap;
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
  widths = fit(widths, style.width);
  std::string out;
  if (!rows.empty()) {
    out += table_line(header, widths, Cells::header, style);
    for (const TableRow& row : rows) {
      out += table_line(row, widths, Cells::body, style);
    }
  }
  const std::size_t notes = out.size();
  out += summary_line(counts, shown, unreadable);
  if (provisional) {
    out += tr("check.footnote.provisional") + "\n";
  }
  if (weekdays) {
    out += tr("check.footnote.weekdays") + "\n";
  }
  // The rows fit; the notes wrap, two columns in (under the text after "~ "
  // and "* ").
  return out.substr(0, notes) +
         wrap_text(std::string_view(out).substr(notes), style.width, 2);
}

}  // namespace rpx
