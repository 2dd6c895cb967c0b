// The outputs of `check` and `remind`: a terminal table, the JSON document,
// CSV rows and reminder lines. Like render.hpp, they compute nothing new:
// every date and phase comes from an `Assessment`.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <rpx/assess.hpp>
#include <rpx/cohort.hpp>
#include <rpx/columns.hpp>
#include <rpx/render.hpp>
#include <rpx/rules.hpp>
#include <rpx/schedule.hpp>
#include <rpx/state.hpp>
#include <rpx/utf8.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// Whether CSV text cells are guarded against spreadsheet formulas.
enum class CsvCells { guarded, raw };

/// One RFC 4180 field: quoted when it holds a comma, a double quote, CR or
/// LF, with the quotes inside doubled; otherwise as is. `guarded`, a cell
/// that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or CR: OWASP's rule) gets a leading `'`.
std::string csv_field(std::string_view text,
                      CsvCells cells = CsvCells::guarded);

/// The header row of `columns` (docs/cli.md's CSV columns when `--columns`
/// is not given), ending in CRLF (RFC 4180).
std::string render_csv_header(const std::vector<Column>& columns);

/// One student as a CSV row in `columns`, null as an empty field, ending in
/// CRLF; a file name that is not UTF-8 is made so (`valid_utf8`). Text cells
/// (file, student id, name, extra fields) are `csv_field`s with `cells`.
std::string render_csv_row(const std::vector<Column>& columns,
                           const std::string& file, const StudentState& state,
                           const Assessment& assessment,
                           CsvCells cells = CsvCells::guarded);

/// One student's row of the `check` table, as text cells.
struct TableRow {
  Phase phase = Phase::upcoming;
  /// One cell per column, already `printable`.
  std::vector<std::string> cells;
};

/// The mark after a date that is not official: "~" provisional, "*"
/// Monday–Friday, "" official (explained under the `check` table).
std::string_view basis_mark(Basis basis) noexcept;

/// The table row of one student in `columns`. The last office day carries
/// a `*` or `~` when it depends on a day no official table covers
/// (`basis_mark`); days left is `-` once submitted, since the deadline no
/// longer matters then; the next step is the report to the university once
/// the permit has expired.
TableRow make_table_row(const std::vector<Column>& columns,
                        const std::string& file, const StudentState& state,
                        const Assessment& assessment);

/// Where a long output goes, piece by piece (stdout in rpx, a string in
/// tests), so that it is never held whole in memory.
using Sink = std::function<void(std::string_view)>;

/// Writes a long list's items, in order, to the sink it is given: a
/// batch's students, rendered as they are written.
using Items = std::function<void(const Sink&)>;

/// The `check` table a row at a time, for a cohort too large to hold as
/// rows: `measure` every row (on any thread, one layout each, then
/// `merge`), `fit`, then `header`, each `line` in order, and `footer`.
/// `render_check_table` is the same in one call.
class TableLayout {
 public:
  explicit TableLayout(const std::vector<Column>& columns);

  /// Widens the columns to `row`'s cells and notes its marks.
  void measure(const TableRow& row);
  /// Adds what `other` measured.
  void merge(const TableLayout& other);
  /// Shortens and drops columns until a line fits `width`.
  void fit(std::size_t width);

  std::string header(TextStyle style) const;
  std::string line(const TableRow& row, TextStyle style) const;
  /// The summary line and the notes on `*` and `~`, wrapped to the width.
  std::string footer(const PhaseCounts& counts, const PhaseSet& shown,
                     std::size_t unreadable, TextStyle style) const;

 private:
  const std::vector<Column>* m_columns;
  std::vector<std::size_t> m_widths;
  bool m_weekdays = false;
  bool m_provisional = false;
};

/// `check --format table`: a header and the rows (in the order given) with
/// columns aligned by display width, then the summary line ("3 students: 1
/// overdue, 2 due"; the phases in `shown`, or all seven) and, when a row
/// has a `*`, a line explaining it. `unreadable` files are counted in the
/// summary; their errors go to stderr separately. The table fits
/// `style.width` by shortening and dropping columns, never splitting a row
/// (render_table.cpp says in which order); the lines under it wrap.
std::string render_check_table(const std::vector<Column>& columns,
                               const std::vector<TableRow>& rows,
                               const PhaseCounts& counts, const PhaseSet& shown,
                               std::size_t unreadable, TextStyle style);

/// `check --format json`: `{"as_of", "students", "summary", "errors"}` of
/// docs/cli.md, written to `out`. `students` writes the texts of
/// `render_check_json_student`, in order; `summary` lists all seven phases,
/// zeros included; file names in `errors` are made UTF-8 (`valid_utf8`).
void render_check_json(Date as_of, const Items& students,
                       const PhaseCounts& counts,
                       const std::vector<BatchError>& errors, const Sink& out);

/// One student as an element of `check --format json`'s `students`.
std::string render_check_json_student(const std::string& file,
                                      const StudentState& state,
                                      const Assessment& assessment, Date today);

/// A column's heading in the table and the HTML report: the built-in
/// fields' translated ("LAST OFFICE DAY"), an extra's key in capitals.
std::string column_heading(const Column& column);

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and
/// double-quoted attribute values.
std::string html_escape(std::string_view text);

/// The student's row of the report's table in `columns` (cells as in the
/// text table, escaped; text cells isolated in <bdi> for right-to-left
/// names), with `data-phase` and `data-search` (id and name) for the
/// filter.
std::string render_html_row(const std::vector<Column>& columns,
                            const std::string& file, const StudentState& state,
                            const Assessment& assessment);

/// What the report says besides the students.
struct HtmlReport {
  Date as_of;
  /// The notice-years with an official holiday table, ascending.
  std::vector<int> official_years;
  std::vector<Column> columns;
  PhaseCounts counts;
  PhaseSet shown;
  std::vector<BatchError> errors;
};

/// What the report's chart and notes need of the students, counted one
/// student at a time, in any order: on several threads, one each, then
/// `merge`. A few hundred bytes for any number of students.
class HtmlChart {
 public:
  /// Weeks in the chart, from the Monday of the as-of date's week.
  static constexpr int k_weeks = 12;
  /// Its phases, bottom to top: those whose last office day can still
  /// come (not yet submitted).
  static constexpr std::array<Phase, 3> k_phases = {Phase::overdue, Phase::due,
                                                    Phase::upcoming};
  using Bars = std::array<std::array<int, k_phases.size()>, k_weeks>;

  explicit HtmlChart(Date as_of);

  /// Counts `assessment`'s last office day (until submitted) and notes
  /// its basis.
  void add(const Assessment& assessment);
  void merge(const HtmlChart& other);

  /// The students of each phase by week of their last office day.
  const Bars& bars() const noexcept { return m_bars; }
  /// The Monday the first bar starts on.
  Date first_day() const noexcept { return m_first; }
  /// Whether a student's last office day has this basis.
  bool has(Basis basis) const noexcept {
    return m_bases[static_cast<std::size_t>(basis)];
  }

 private:
  Date m_first;
  Bars m_bars{};
  std::array<bool, 3> m_bases{};
};

/// `check --format html`: one self-contained page (docs/staff.md, "The
/// report"): the as-of date and the calendar basis, a count per phase, an
/// SVG chart of the last office days of the next 12 weeks stacked by phase
/// (`chart`), the students' rows in the order `rows` writes them, a phase
/// filter and a search box (inline script; without it, the plain table),
/// and the unreadable files. Nothing is loaded from anywhere.
void render_check_html(const HtmlReport& report, const HtmlChart& chart,
                       const Items& rows, const Sink& out);

/// `remind`'s line for one student ("OVERDUE 2021210001 Kim Minjun: last
/// office day was 2026-11-20 (5 days ago); permit expires 2026-12-20";
/// once expired, the office to report to, from `rules`),
/// ending in a newline; "" when the phase needs no action. A date that
/// depends on a year with no official table says so inside the line, since
/// cron mails stderr too.
std::string render_remind_line(const std::string& file,
                               const StudentState& state,
                               const Assessment& assessment, const Rules& rules,
                               Date today);

/// The stderr line for an unreadable input: "rpx: MESSAGE\n".
std::string render_error_line(const BatchError& error);

}  // namespace rpx
