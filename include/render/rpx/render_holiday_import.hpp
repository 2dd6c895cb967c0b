// `rpx holidays import`'s report: the years read, the files written, the
// days whose status changes and the students whose dates move, as text and
// JSON. The command computes these facts (two calendars, a batch); this
// only words them.
#pragma once

#include <optional>
#include <rpx/cohort.hpp>
#include <rpx/dates.hpp>
#include <rpx/holidays.hpp>
#include <string>
#include <vector>

namespace rpx {

/// A day whose status the import changes.
struct ChangedDay {
  Date date;
  bool work_before = false;
  bool work_after = false;
  /// The holiday it belongs to after the import (or before, when none).
  std::optional<Text> holiday;
};

/// A student whose dates move with the new schedule.
struct MovedStudent {
  std::string file;
  std::string student_id;
  std::string name;
  Date last_before;
  Date last_after;
  std::optional<Date> ready_before;
  std::optional<Date> ready_after;
};

struct ImportReport {
  std::vector<HolidayYear> years;
  /// The table written, in rpx's format (a JSON document).
  std::string table;
  std::vector<std::string> written;
  bool dry_run = false;
  std::vector<ChangedDay> changed;
  std::size_t checked = 0;  // students assessed under both calendars
  std::vector<MovedStudent> moved;
  std::vector<BatchError> errors;
};

std::string render_import_report_text(const ImportReport& r);
std::string render_import_report_json(const ImportReport& r);

}  // namespace rpx
