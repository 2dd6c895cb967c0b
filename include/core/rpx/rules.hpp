// The residence-permit process of one university and city, as data
// (data/rules/, schema in data/schema/rules.schema.json).
#pragma once

#include <array>
#include <rpx/calendar.hpp>
#include <rpx/text.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// The stable step ids, in order (docs/cli.md); numbers 1–5 name them too.
inline constexpr std::array<std::string_view, 5> k_step_ids = {
    "registration", "photo", "letter", "submit", "collect"};

/// The step id for `id_or_number` ("photo" or "2"), or "" if it names none.
std::string_view step_id(std::string_view id_or_number) noexcept;
/// 1-based number of a stable step id; 0 if unknown.
int step_number(std::string_view id) noexcept;

struct Office {
  std::string id;
  Text name;
  Text address;  // may be empty (no address published)
  Text hours;    // may be empty
  std::string phone;

  bool operator==(const Office&) const = default;
};

struct Step {
  std::string id;  // one of k_step_ids
  Text title;
  std::string office;  // an Office id
  std::vector<Text> bring;
  std::vector<Text> notes;

  bool operator==(const Step&) const = default;
};

struct Fee {
  std::string id;
  Text description;
  int amount = 0;
  std::string currency;  // ISO 4217, e.g. "CNY"
  Text payment;          // how it may be paid

  bool operator==(const Fee&) const = default;
};

struct Rules {
  std::string id;
  Text university;
  Text city;
  std::string source;     // where the process is published
  std::string time_zone;  // IANA name; "today" is the date there
  date::days advance_days{30};
  Workdays processing_workdays{15};
  std::vector<Office> offices;
  std::vector<Step> steps;  // exactly k_step_ids, in order
  std::vector<Fee> fees;

  /// The office with `id`; null if none.
  const Office* office(std::string_view id) const noexcept;
  /// The step with stable id `id`; null if none.
  const Step* step(std::string_view id) const noexcept;

  bool operator==(const Rules&) const = default;
};

/// Parses and validates a rules file; `name` is used in error messages.
/// Throws `DataError` naming `name:LINE:COL` or `name: /pointer: reason`.
Rules parse_rules(std::string_view text, const std::string& name);

}  // namespace rpx
