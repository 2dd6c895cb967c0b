// The columns of `check`'s table and CSV (`--columns`) and the fields that
// `--where` filters on: the built-in fields of docs/cli.md's CSV, and the
// extra fields a state file stores (a roster's own columns, `rpx set extra`).
#pragma once

#include <cstdint>
#include <optional>
#include <rpx/assess.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// The built-in fields, named as in CSV's header and JSON's keys.
enum class Field : std::uint8_t {
  file,
  student_id,
  name,
  phase,
  expiry,
  filing_deadline,
  last_office_day,
  days_to_deadline,
  days_to_expiry,
  next_step,
  next_action,
  progress_note,
  ready_estimate,
  calendar_covered,
  calendar_basis,
};

/// "file", "student_id", ...; never translated.
std::string_view field_name(Field f) noexcept;

/// The field named `name` (exactly, as `field_name` writes it), if any.
std::optional<Field> parse_field(std::string_view name) noexcept;

/// Every built-in field name, in the order of `Field`.
std::vector<std::string_view> field_names();

/// A column: a built-in field, or an extra field by its key.
struct Column {
  std::optional<Field> field;  // nullopt: the extra field `key`
  std::string key;             // the field's name, or the extra's key

  static Column of(Field f) { return Column{f, std::string(field_name(f))}; }
  static Column extra(std::string key) {
    return Column{std::nullopt, std::move(key)};
  }

  bool operator==(const Column&) const = default;
};

/// CSV's columns when `--columns` is not given (docs/cli.md, "JSON").
std::vector<Column> default_csv_columns();

/// The table's columns when `--columns` is not given: phase, student id,
/// name, last office day, days left, expiry, next step, file.
std::vector<Column> default_table_columns();

/// A student's value in `column` as CSV and `--where` see it: dates in ISO
/// form, numbers in decimal, `true`/`false`, "" for null; an extra string
/// as it is, another extra value as its JSON text, "" when the file has
/// none. Not yet guarded or quoted (`csv_field` does that).
std::string column_value(const Column& column, const std::string& file,
                         const StudentState& state,
                         const Assessment& assessment);

/// `--where KEY=VALUE`: the students whose `column` has one of `values`.
struct Where {
  Column column;
  std::vector<std::string> values;
};

/// True when the student passes every filter: for each, its value is one
/// of the filter's (exactly: case and spaces count).
bool matches(const std::vector<Where>& filters, const std::string& file,
             const StudentState& state, const Assessment& assessment);

}  // namespace rpx
