// The residence-permit process of one university and city, as data
// (data/rules/, schema in data/schema/rules.schema.json).
#pragma once

#include <rpx/dates.hpp>
#include <rpx/steps.hpp>
#include <rpx/text.hpp>
#include <rpx/workdays.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

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
  /// The university's office, which a student reports to (seed page): the
  /// office of step 3, the application letter (parse_rules checks it).
  const Office& report_office() const noexcept;

  bool operator==(const Rules&) const = default;
};

/// Parses and validates a rules file; `name` is used in error messages.
/// Throws `DataError` naming `name:LINE:COL` or `name: /pointer: reason`.
Rules parse_rules(std::string_view text, const std::string& name);

}  // namespace rpx
