#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <rpx/roster.hpp>
#include <rpx/state.hpp>
#include <rpx/utf8.hpp>
#include <unordered_map>

#include "csv.hpp"

namespace rpx {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_blanks = " \t";

/// The state file's own members: a column with one of these names would
/// collide with them (docs/state-file.md). The three roster columns are
/// mapped to theirs, so only the others are listed.
constexpr std::array<std::string_view, 7> k_reserved = {
    "schema", "rules", "uuid", "revision", "steps", "progress_note", "history"};

std::string_view trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(k_blanks);
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(k_blanks) - first + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

/// `s` in double quotes, with control characters and bytes that are not
/// UTF-8 escaped (`Controls::escape`, `BadBytes::escape`), so that a
/// message is one readable line.
std::string quoted_text(std::string_view s) {
  return "\"" + sanitize(s, Controls::escape, BadBytes::escape) + "\"";
}

/// Where the three required columns are; the rest are extras.
struct Columns {
  std::size_t id = 0, name = 0, expiry = 0;
  std::vector<std::size_t> extra;
  std::vector<std::string> names;  // as in the header, blanks trimmed
};

constexpr std::array<std::string_view, 3> k_required = {"student_id", "name",
                                                        "expiry"};

/// Why header column `i`, whose lower-cased name is `key`, is refused.
std::optional<std::string> column_problem(
    std::size_t i, std::string_view name, const std::string& key,
    const std::vector<std::string>& seen) {
  if (key.empty()) {
    return fmt::format("column {} of the header has no name", i + 1);
  }
  if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
    return fmt::format("column {} appears twice in the header",
                       quoted_text(name));
  }
  if (std::find(k_reserved.begin(), k_reserved.end(), key) !=
      k_reserved.end()) {
    return fmt::format(
        "column {} is a member of every state file; rename the column",
        quoted_text(name));
  }
  return std::nullopt;
}

std::optional<std::string> header_problem(const std::vector<std::string>& names,
                                          Columns& cols) {
  std::array<std::optional<std::size_t>, 3> found;
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = trim(names[i]);
    std::string key = lower(name);
    if (auto problem = column_problem(i, name, key, seen)) {
      return problem;
    }
    const auto it = std::find(k_required.begin(), k_required.end(), key);
    if (it != k_required.end()) {
      found[static_cast<std::size_t>(it - k_required.begin())] = i;
    } else {
      cols.extra.push_back(i);
    }
    seen.push_back(std::move(key));
    cols.names.emplace_back(name);
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!found[k]) {
      return fmt::format(
          "the header has no column \"{}\" (expected {}, in any order, more "
          "columns allowed)",
          k_required[k], k_roster_header);
    }
  }
  cols.id = *found[0];
  cols.name = *found[1];
  cols.expiry = *found[2];
  return std::nullopt;
}

/// The first field of `r` that is not UTF-8 or holds a NUL byte; fields are
/// named after `names` (the header's), or numbered when it is empty.
std::optional<std::string> encoding_problem(
    const CsvRecord& r, const std::vector<std::string>& names) {
  const auto what = [&](std::size_t i) {
    return i < names.size() ? fmt::format("the {} field", quoted_text(names[i]))
                            : fmt::format("column {} of the header", i + 1);
  };
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    if (r.fields[i].find('\0') != std::string::npos) {
      return what(i) + " contains a NUL byte";
    }
    if (!is_valid_utf8(r.fields[i])) {
      return what(i) + " is not valid UTF-8 (save the roster as CSV UTF-8)";
    }
  }
  return std::nullopt;
}

bool all_empty(const CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

/// Checks one data record; a row, or the reason it is refused.
std::optional<std::string> read_row(
    const CsvRecord& r, const Columns& cols, RosterRow& row,
    std::unordered_map<std::string, std::size_t>& ids) {
  if (!r.error.empty()) {
    return r.error;
  }
  if (r.fields.size() != cols.names.size()) {
    return fmt::format("{} fields, but the header has {} columns",
                       r.fields.size(), cols.names.size());
  }
  if (auto problem = encoding_problem(r, cols.names)) {
    return problem;
  }
  row.line = r.line;
  row.student_id = trim(r.fields[cols.id]);
  row.name = trim(r.fields[cols.name]);
  if (std::string problem = student_id_problem(row.student_id);
      !problem.empty()) {
    return problem;
  }
  if (row.name.size() > k_max_name_bytes) {
    return fmt::format("the name is {} bytes long (at most {})",
                       row.name.size(), k_max_name_bytes);
  }
  const auto [it, fresh] = ids.try_emplace(row.student_id, r.line);
  if (!fresh) {
    return fmt::format("duplicate student id {} (first on line {})",
                       quoted_text(row.student_id), it->second);
  }
  const std::string_view expiry = trim(r.fields[cols.expiry]);
  if (expiry.empty()) {
    return std::string("the expiry is empty (expected YYYY-MM-DD)");
  }
  const std::optional<Date> d = parse_date(expiry);
  if (!d) {
    return fmt::format(
        "invalid expiry {}: expected YYYY-MM-DD, a real day in {}–{}",
        quoted_text(expiry), k_min_year, k_max_year);
  }
  row.expiry = *d;
  row.extra.clear();
  for (std::size_t i : cols.extra) {
    row.extra.push_back(r.fields[i]);
  }
  return std::nullopt;
}

/// Reads the header, the first record that is not blank, into `cols` and
/// `roster.extra_columns`; false, with the error in `roster`, when there is
/// none or it is refused.
bool read_header(CsvReader& reader, Columns& cols, Roster& roster) {
  CsvRecord r;
  bool have = reader.next(r);
  while (have && r.error.empty() && all_empty(r)) {
    have = reader.next(r);
  }
  if (!have) {
    roster.errors.push_back(
        {1, fmt::format("the roster is empty: expected a header row {}",
                        k_roster_header)});
    return false;
  }
  std::optional<std::string> problem =
      r.error.empty() ? encoding_problem(r, {})
                      : std::optional<std::string>(r.error);
  if (!problem) {
    problem = header_problem(r.fields, cols);
  }
  if (problem) {
    roster.errors.push_back({r.line, *problem});
    return false;
  }
  for (std::size_t i : cols.extra) {
    roster.extra_columns.push_back(cols.names[i]);
  }
  return true;
}

}  // namespace

std::string student_id_problem(std::string_view id) {
  const auto why = [&](std::string_view reason) {
    return fmt::format("student id {} cannot name a state file: it {}",
                       quoted_text(id), reason);
  };
  if (id.empty()) {
    return "the student id is empty";
  }
  if (id.size() > k_max_student_id_bytes) {
    return fmt::format("the student id is {} bytes long (at most {})",
                       id.size(), k_max_student_id_bytes);
  }
  if (id.find_first_of("/\\") != std::string_view::npos) {
    return why("contains / or \\ (rpx writes DIR/ID.json)");
  }
  if (id.find('\0') != std::string_view::npos) {
    return why("contains a NUL byte");
  }
  if (id.front() == '.') {
    return why("starts with a dot (hidden files, . and ..)");
  }
  for (std::size_t i = 0; i < id.size();) {
    if (const std::optional<char32_t> c = next_code_point(id, i);
        c && is_control(*c)) {
      return why("contains a control character");
    }
  }
  if (!is_valid_utf8(id)) {
    return why("is not valid UTF-8");
  }
  return "";
}

Roster parse_roster(std::string_view text) {
  Roster roster;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    roster.errors.push_back(
        {1, "the roster is UTF-16; save it as CSV UTF-8 (comma-separated)"});
    return roster;
  }
  if (text.starts_with(k_bom)) {
    text.remove_prefix(k_bom.size());
  }
  CsvReader reader(text);
  Columns cols;
  if (!read_header(reader, cols, roster)) {
    return roster;
  }
  std::unordered_map<std::string, std::size_t> ids;
  CsvRecord r;
  RosterRow row;
  while (reader.next(r)) {
    if (r.error.empty() && all_empty(r)) {
      continue;
    }
    if (auto bad = read_row(r, cols, row, ids)) {
      roster.errors.push_back({r.line, std::move(*bad)});
    } else {
      roster.rows.push_back(std::move(row));
      row = RosterRow{};
    }
  }
  return roster;
}

}  // namespace rpx
