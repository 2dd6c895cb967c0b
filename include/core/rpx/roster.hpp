// Staff rosters: the CSV file `rpx import` reads, one student per row
// (format in docs/import.md). Parsing never throws for bad content: every
// bad row is collected, so that staff fix them all in one go.
#pragma once

#include <cstddef>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/messages.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// The columns a roster must have, in any order.
inline constexpr std::string_view k_roster_header = "student_id,name,expiry";

/// The longest student id: `.ID.json.tmp.XXXXXX`, the temporary name of
/// its state file, must fit in the 255 bytes a file name may have.
inline constexpr std::size_t k_max_student_id_bytes = 200;

/// One student of a roster.
struct RosterRow {
  std::size_t line = 0;  // physical line where the record starts, from 1
  std::string student_id;
  std::string name;
  Date expiry;
  /// The values of `Roster::extra_columns`, in the same order.
  std::vector<std::string> extra;

  bool operator==(const RosterRow&) const = default;
};

/// Why a row (or the header) is refused.
struct RosterError {
  std::size_t line = 0;  // physical line where the record starts, from 1
  Message reason;

  bool operator==(const RosterError&) const = default;
};

struct Roster {
  /// Header names of the columns other than the three required ones, in
  /// the file's order.
  std::vector<std::string> extra_columns;
  std::vector<RosterRow> rows;  // in file order
  /// Every problem found, in file order; the roster may be used only when
  /// this is empty.
  std::vector<RosterError> errors;
};

/// Parses an RFC 4180 roster: a header naming `student_id`, `name` and
/// `expiry` in any order (more columns allowed; names matched ignoring
/// ASCII case and surrounding blanks), then one record per student. A UTF-8
/// BOM is skipped; CRLF, LF and lone CR end records; quoted fields may hold
/// commas, doubled quotes and line breaks. Blank lines, and rows whose
/// fields are all empty, are skipped. Checks every row: field count,
/// UTF-8, NUL bytes, the student id (see `student_id_problem`), duplicate
/// ids and the expiry date.
Roster parse_roster(std::string_view text);

/// Why `id` cannot name a state file `ID.json` inside a directory (it
/// could escape it, hide it, or is not a valid name), or nullopt when it
/// can.
std::optional<Message> student_id_problem(std::string_view id);

}  // namespace rpx
