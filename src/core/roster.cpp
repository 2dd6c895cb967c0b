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

/// `s` with control characters and bytes that are not UTF-8 escaped
/// (`Controls::escape`, `BadBytes::escape`), so that a message is one
/// readable line; the message quotes it in its language's way.
std::string quotable(std::string_view s) {
  return sanitize(s, Controls::escape, BadBytes::escape);
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
std::optional<Message> column_problem(std::size_t i, std::string_view name,
                                      const std::string& key,
                                      const std::vector<std::string>& seen) {
  if (key.empty()) {
    return Message("error.roster.column_unnamed", {{"n", i + 1}});
  }
  if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
    return Message("error.roster.column_twice", {{"name", quotable(name)}});
  }
  if (std::find(k_reserved.begin(), k_reserved.end(), key) !=
      k_reserved.end()) {
    return Message("error.roster.column_reserved", {{"name", quotable(name)}});
  }
  return std::nullopt;
}

std::optional<Message> header_problem(const std::vector<std::string>& names,
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
      return Message("error.roster.column_missing",
                     {{"column", k_required[k]}, {"header", k_roster_header}});
    }
  }
  cols.id = *found[0];
  cols.name = *found[1];
  cols.expiry = *found[2];
  return std::nullopt;
}

/// The first field of `r` that is not UTF-8 or holds a NUL byte; fields are
/// named after `names` (the header's), or numbered when it is empty.
std::optional<Message> encoding_problem(const CsvRecord& r,
                                        const std::vector<std::string>& names) {
  const auto what = [&](std::size_t i) {
    return i < names.size()
               ? Message("error.roster.field_named",
                         {{"name", quotable(names[i])}})
               : Message("error.roster.field_of_header", {{"n", i + 1}});
  };
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    if (r.fields[i].find('\0') != std::string::npos) {
      return Message("error.roster.field_nul", {{"field", what(i)}});
    }
    if (!is_valid_utf8(r.fields[i])) {
      return Message("error.roster.field_not_utf8", {{"field", what(i)}});
    }
  }
  return std::nullopt;
}

bool all_empty(const CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return trim(f).empty(); });
}

/// Checks one data record; a row, or the reason it is refused.
std::optional<Message> read_row(
    const CsvRecord& r, const Columns& cols, RosterRow& row,
    std::unordered_map<std::string, std::size_t>& ids) {
  if (r.error) {
    return r.error;
  }
  if (r.fields.size() != cols.names.size()) {
    return Message(
        "error.roster.field_count",
        {{"fields", r.fields.size()}, {"columns", cols.names.size()}});
  }
  if (auto problem = encoding_problem(r, cols.names)) {
    return problem;
  }
  row.line = r.line;
  row.student_id = trim(r.fields[cols.id]);
  row.name = trim(r.fields[cols.name]);
  if (auto problem = student_id_problem(row.student_id)) {
    return problem;
  }
  if (row.name.size() > k_max_name_bytes) {
    return Message("error.roster.name_too_long",
                   {{"size", row.name.size()}, {"max", k_max_name_bytes}});
  }
  const auto [it, fresh] = ids.try_emplace(row.student_id, r.line);
  if (!fresh) {
    return Message("error.roster.duplicate_id",
                   {{"id", quotable(row.student_id)}, {"line", it->second}});
  }
  const std::string_view expiry = trim(r.fields[cols.expiry]);
  if (expiry.empty()) {
    return Message("error.roster.expiry_empty");
  }
  const std::optional<Date> d = parse_date(expiry);
  if (!d) {
    return Message("error.roster.expiry_invalid", {{"value", quotable(expiry)},
                                                   {"min", k_min_year},
                                                   {"max", k_max_year}});
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
  while (have && !r.error && all_empty(r)) {
    have = reader.next(r);
  }
  if (!have) {
    roster.errors.push_back(
        {1, Message("error.roster.empty", {{"header", k_roster_header}})});
    return false;
  }
  std::optional<Message> problem = r.error ? r.error : encoding_problem(r, {});
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

std::optional<Message> student_id_problem(std::string_view id) {
  const auto why = [&](Message reason) {
    return Message("error.student_id.unusable",
                   {{"id", quotable(id)}, {"why", std::move(reason)}});
  };
  if (id.empty()) {
    return Message("error.student_id.empty");
  }
  if (id.size() > k_max_student_id_bytes) {
    return Message("error.student_id.too_long",
                   {{"size", id.size()}, {"max", k_max_student_id_bytes}});
  }
  if (id.find_first_of("/\\") != std::string_view::npos) {
    return why(Message("error.student_id.slash"));
  }
  if (id.find('\0') != std::string_view::npos) {
    return why(Message("error.student_id.nul"));
  }
  if (id.front() == '.') {
    return why(Message("error.student_id.dot"));
  }
  for (std::size_t i = 0; i < id.size();) {
    if (const std::optional<char32_t> c = next_code_point(id, i);
        c && is_control(*c)) {
      return why(Message("error.student_id.control"));
    }
  }
  if (!is_valid_utf8(id)) {
    return why(Message("error.student_id.not_utf8"));
  }
  return std::nullopt;
}

Roster parse_roster(std::string_view text) {
  Roster roster;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    roster.errors.push_back({1, Message("error.roster.utf16")});
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
    if (!r.error && all_empty(r)) {
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
