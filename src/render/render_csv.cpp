// `check --format csv`: RFC 4180 rows in docs/cli.md's columns.
#include <fmt/format.h>

#include <rpx/render_batch.hpp>

namespace rpx {

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

std::string render_csv_header(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& c : columns) {
    out += (out.empty() ? "" : ",") + csv_field(c.key, CsvCells::raw);
  }
  return out + "\r\n";
}

std::string render_csv_row(const std::vector<Column>& columns,
                           const std::string& file, const StudentState& s,
                           const Assessment& a, CsvCells cells) {
  std::string out;
  bool first = true;
  for (const Column& c : columns) {
    if (!first) {
      out += ',';
    }
    first = false;
    // Only text cells are guarded: "-4" days is a number, not a formula.
    const bool text = !c.field || c.field == Field::file ||
                      c.field == Field::student_id || c.field == Field::name;
    out += csv_field(column_value(c, file, s, a), text ? cells : CsvCells::raw);
  }
  return out + "\r\n";
}

}  // namespace rpx
