#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <rpx/columns.hpp>
#include <rpx/utf8.hpp>

namespace rpx {

namespace {

constexpr std::array<std::string_view, 15> k_field_names = {"file",
                                                            "student_id",
                                                            "name",
                                                            "phase",
                                                            "expiry",
                                                            "filing_deadline",
                                                            "last_office_day",
                                                            "days_to_deadline",
                                                            "days_to_expiry",
                                                            "next_step",
                                                            "next_action",
                                                            "progress_note",
                                                            "ready_estimate",
                                                            "calendar_covered",
                                                            "calendar_basis"};

std::string date_or_empty(const std::optional<Date>& d) {
  return d ? format_date(*d) : std::string();
}

/// An extra member's raw JSON text as a cell: a string's own text, any
/// other value as written.
std::string extra_text(const std::string& raw) {
  if (raw.empty() || raw.front() != '"') {
    return raw;
  }
  try {
    return nlohmann::json::parse(raw).get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return raw;  // not reached: the reader kept it as valid JSON
  }
}

std::string field_value(Field f, const std::string& file, const StudentState& s,
                        const Assessment& a) {
  const Deadline& dl = a.deadline;
  switch (f) {
    case Field::file:
      return valid_utf8(file);
    case Field::student_id:
      return s.student_id;
    case Field::name:
      return s.name;
    case Field::phase:
      return std::string(phase_name(a.phase));
    case Field::expiry:
      return format_date(dl.expiry);
    case Field::filing_deadline:
      return format_date(dl.filing_deadline);
    case Field::last_office_day:
      return format_date(dl.last_office_day);
    case Field::days_to_deadline:
      return std::to_string(a.days_to_deadline);
    case Field::days_to_expiry:
      return std::to_string(a.days_to_expiry);
    case Field::next_step:
      return std::string(a.next_step);
    case Field::next_action:
      return std::string(a.next_action);
    case Field::progress_note:
      return date_or_empty(a.progress_note);
    case Field::ready_estimate:
      return date_or_empty(a.ready_estimate);
    case Field::calendar_covered:
      return a.calendar_covered ? "true" : "false";
    case Field::calendar_basis:
      return std::string(basis_name(a.calendar_basis));
  }
  return {};
}

}  // namespace

std::string_view field_name(Field f) noexcept {
  return k_field_names[static_cast<std::size_t>(f)];
}

std::optional<Field> parse_field(std::string_view name) noexcept {
  const auto it = std::find(k_field_names.begin(), k_field_names.end(), name);
  if (it == k_field_names.end()) {
    return std::nullopt;
  }
  return static_cast<Field>(it - k_field_names.begin());
}

std::vector<std::string_view> field_names() {
  return {k_field_names.begin(), k_field_names.end()};
}

std::vector<Column> default_csv_columns() {
  std::vector<Column> out;
  for (Field f :
       {Field::file, Field::student_id, Field::name, Field::phase,
        Field::expiry, Field::filing_deadline, Field::last_office_day,
        Field::days_to_deadline, Field::next_step, Field::progress_note,
        Field::ready_estimate, Field::calendar_covered, Field::calendar_basis,
        Field::next_action}) {
    out.push_back(Column::of(f));
  }
  return out;
}

std::vector<Column> default_table_columns() {
  std::vector<Column> out;
  for (Field f : {Field::phase, Field::student_id, Field::name,
                  Field::last_office_day, Field::days_to_deadline,
                  Field::expiry, Field::next_step, Field::file}) {
    out.push_back(Column::of(f));
  }
  return out;
}

std::string column_value(const Column& column, const std::string& file,
                         const StudentState& state,
                         const Assessment& assessment) {
  if (column.field) {
    return field_value(*column.field, file, state, assessment);
  }
  const std::string* raw = find_extra(state, column.key);
  return raw == nullptr ? std::string() : extra_text(*raw);
}

bool matches(const std::vector<Where>& filters, const std::string& file,
             const StudentState& state, const Assessment& assessment) {
  return std::all_of(filters.begin(), filters.end(), [&](const Where& w) {
    const std::string v = column_value(w.column, file, state, assessment);
    return std::find(w.values.begin(), w.values.end(), v) != w.values.end();
  });
}

}  // namespace rpx
