// `check --format table`: one row per student, columns aligned by display
// width, then the summary.
//
// A table wider than the line gives up columns, least useful first, and never
// splits a row: the file path is shortened from its start (down to 16
// columns, keeping the file name), then dropped; then extra fields are
// shortened (down to 12 columns) and, with the built-in fields the default
// table does not show, dropped, the rightmost first; then the expiry (the
// last office day is the date to act on, and the phase says when a permit
// has expired); the name is shortened (down to 12 columns); then the next
// step, the days left (the last office day says the same) and the name go.
// The phase, the student id and the last office day always stay: a row must
// say who and by when. A row still wider than the line is printed whole.
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

using Widths = std::vector<std::size_t>;
constexpr std::string_view k_gap = "  ";  // between columns

/// One step of fitting the table: a column shortened to `min_width`, or
/// dropped when that is 0.
struct Give {
  std::size_t column;
  std::size_t min_width;
};

bool is_field(const Column& c, Field f) { return c.field == f; }

/// The order of the header comment, for `columns`.
std::vector<Give> fit_order(const std::vector<Column>& columns) {
  std::vector<Give> out;
  const auto each = [&](auto&& pred, std::size_t min_width, bool reverse) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const std::size_t i = reverse ? columns.size() - 1 - k : k;
      if (pred(columns[i])) {
        out.push_back({i, min_width});
      }
    }
  };
  const auto field = [](Field f) {
    return [f](const Column& c) { return is_field(c, f); };
  };
  const auto extra = [](const Column& c) { return !c.field.has_value(); };
  const auto optional = [](const Column& c) {
    static const std::vector<Column> kept = default_table_columns();
    return std::find(kept.begin(), kept.end(), c) == kept.end();
  };
  each(field(Field::file), 16, false);
  each(field(Field::file), 0, false);
  each(extra, 12, true);
  each(optional, 0, true);
  each(field(Field::expiry), 0, false);
  each(field(Field::name), 12, false);
  each(field(Field::next_step), 0, false);
  each(field(Field::next_action), 0, false);
  each(field(Field::days_to_deadline), 0, false);
  each(field(Field::name), 0, false);
  return out;
}

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

/// `widths` given up, in `fit_order`, until a line fits in `width`.
Widths fit(Widths widths, const std::vector<Column>& columns,
           std::size_t width) {
  for (const Give& give : fit_order(columns)) {
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
std::string shortened(const std::string& cell, const Column& column,
                      std::size_t width) {
  if (!is_field(column, Field::file)) {
    return elide(cell, width, Elide::end);
  }
  const std::string cut = elide(cell, width, Elide::start);
  const std::size_t slash = cut.find('/');
  if (cut == cell || slash == std::string::npos) {
    return cut;
  }
  return "…" + cut.substr(slash);
}

bool is_number(const Column& c) {
  return is_field(c, Field::days_to_deadline) ||
         is_field(c, Field::days_to_expiry);
}

/// One line of the table, without the dropped columns (width 0); the last
/// column is not padded, so that no line ends in spaces.
std::string table_line(const std::vector<Column>& columns, const TableRow& row,
                       const Widths& widths, Cells kind, TextStyle style) {
  const render_detail::Paint paint{style.color};
  std::string out;
  std::size_t last = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    last = widths[c] > 0 ? c : last;
  }
  for (std::size_t c = 0; c <= last && c < widths.size(); ++c) {
    if (widths[c] == 0) {
      continue;
    }
    const Align align = is_number(columns[c]) ? Align::right : Align::left;
    std::string cell = shortened(row.cells[c], columns[c], widths[c]);
    if (c != last || align == Align::right) {  // no line ends in spaces
      cell = pad(cell, widths[c], align);
    }
    // Colour after padding: escape sequences take no columns.
    if (kind == Cells::header) {
      cell = paint(render_detail::k_bold, cell);
    } else if (is_field(columns[c], Field::phase)) {
      cell = paint(render_detail::phase_colour(row.phase), cell);
    }
    out += cell;
    out += c == last ? std::string_view("\n") : k_gap;
  }
  return out;
}

}  // namespace

std::string column_heading(const Column& c) {
  if (c.field) {
    return tr(fmt::format("check.column.{}", field_name(*c.field)));
  }
  std::string out = printable(c.key);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
    }
  }
  return out;
}

namespace {

std::string date_or_dash(const std::optional<Date>& d) {
  return d ? show_date(*d) : std::string("-");
}

/// The next step, or once expired the report to the university.
std::string next_cell(const Assessment& a) {
  if (a.next_action == k_report_expired) {
    return tr("check.next.report_expired");
  }
  return a.next_step.empty() ? "-" : std::string(a.next_step);
}

/// One cell of the table: dates in the output language's form, "-" for
/// none.
std::string table_cell(const Column& c, const std::string& file,
                       const StudentState& s, const Assessment& a) {
  if (!c.field) {
    const std::string v = column_value(c, file, s, a);
    return v.empty() ? std::string("-") : printable(v);
  }
  const Deadline& dl = a.deadline;
  switch (*c.field) {
    case Field::file:
      return printable(file);
    case Field::student_id:
      return or_dash(s.student_id);
    case Field::name:
      return or_dash(s.name);
    case Field::phase:
      return render_detail::phase_label(a.phase);
    case Field::expiry:
      return show_date(dl.expiry);
    case Field::filing_deadline:
      return show_date(dl.filing_deadline);
    case Field::last_office_day:
      return show_date(dl.last_office_day) +
             std::string(basis_mark(dl.note.basis));
    case Field::days_to_deadline:
      return a.step(StepId::submit).done ? std::string("-")
                                         : std::to_string(a.days_to_deadline);
    case Field::days_to_expiry:
      return std::to_string(a.days_to_expiry);
    case Field::next_step:
    case Field::next_action:
      return next_cell(a);
    case Field::progress_note:
      return date_or_dash(a.progress_note);
    case Field::ready_estimate:
      return date_or_dash(a.ready_estimate);
    case Field::calendar_covered:
      return tr(a.calendar_covered ? "check.value.yes" : "check.value.no");
    case Field::calendar_basis:
      return render_detail::basis_label(a.calendar_basis);
  }
  return "-";
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

TableRow make_table_row(const std::vector<Column>& columns,
                        const std::string& file, const StudentState& s,
                        const Assessment& a) {
  TableRow row{a.phase, {}};
  row.cells.reserve(columns.size());
  for (const Column& c : columns) {
    row.cells.push_back(table_cell(c, file, s, a));
  }
  return row;
}

TableLayout::TableLayout(const std::vector<Column>& columns)
    : m_columns(&columns), m_widths(columns.size(), 0) {
  TableRow header{Phase::upcoming, {}};
  for (const Column& c : columns) {
    header.cells.push_back(column_heading(c));
  }
  widen(m_widths, header);
}

void TableLayout::measure(const TableRow& row) {
  widen(m_widths, row);
  const auto lod = std::find(m_columns->begin(), m_columns->end(),
                             Column::of(Field::last_office_day));
  if (lod != m_columns->end()) {
    const std::string& cell =
        row.cells[static_cast<std::size_t>(lod - m_columns->begin())];
    m_weekdays = m_weekdays || cell.ends_with(basis_mark(Basis::weekdays));
    m_provisional =
        m_provisional || cell.ends_with(basis_mark(Basis::provisional));
  }
}

void TableLayout::merge(const TableLayout& other) {
  for (std::size_t c = 0; c < m_widths.size(); ++c) {
    m_widths[c] = std::max(m_widths[c], other.m_widths[c]);
  }
  m_weekdays = m_weekdays || other.m_weekdays;
  m_provisional = m_provisional || other.m_provisional;
}

void TableLayout::fit(std::size_t width) {
  m_widths = rpx::fit(m_widths, *m_columns, width);
}

std::string TableLayout::header(TextStyle style) const {
  TableRow header{Phase::upcoming, {}};
  for (const Column& c : *m_columns) {
    header.cells.push_back(column_heading(c));
  }
  return table_line(*m_columns, header, m_widths, Cells::header, style);
}

std::string TableLayout::line(const TableRow& row, TextStyle style) const {
  return table_line(*m_columns, row, m_widths, Cells::body, style);
}

std::string TableLayout::footer(const PhaseCounts& counts,
                                const PhaseSet& shown, std::size_t unreadable,
                                TextStyle style) const {
  std::string out = summary_line(counts, shown, unreadable);
  if (m_provisional) {
    out += tr("check.footnote.provisional") + "\n";
  }
  if (m_weekdays) {
    out += tr("check.footnote.weekdays") + "\n";
  }
  // The notes wrap two columns in (under the text after "~ " and "* ").
  return wrap_text(out, style.width, 2);
}

std::string render_check_table(const std::vector<Column>& columns,
                               const std::vector<TableRow>& rows,
                               const PhaseCounts& counts, const PhaseSet& shown,
                               std::size_t unreadable, TextStyle style) {
  TableLayout layout(columns);
  for (const TableRow& row : rows) {
    layout.measure(row);
  }
  layout.fit(style.width);
  std::string out;
  if (!rows.empty()) {
    out += layout.header(style);
    for (const TableRow& row : rows) {
      out += layout.line(row, style);
    }
  }
  return out + layout.footer(counts, shown, unreadable, style);
}

}  // namespace rpx
