#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <rpx/render_holiday_import.hpp>

#include "json_detail.hpp"

namespace rpx {

namespace {

using Json = nlohmann::ordered_json;
using render_detail::date_or_null;

std::string status_word(bool work) { return work ? "workday" : "day off"; }

std::string optional_date(const std::optional<Date>& d) {
  return d ? format_date(*d) : "none";
}

std::string changed_days_text(const ImportReport& r) {
  std::string out;
  if (r.changed.empty()) {
    out += "\nNo day changes from workday to day off or back.\n";
  } else {
    out += fmt::format("\n{} days change from what rpx used before:\n",
                       r.changed.size());
  }
  for (const ChangedDay& c : r.changed) {
    out += fmt::format("  {:<9} {}  {} → {}{}\n", weekday_name(c.date),
                       format_date(c.date), status_word(c.work_before),
                       status_word(c.work_after),
                       c.holiday ? fmt::format(" ({})", c.holiday->en()) : "");
  }
  return out;
}

std::string moved_students_text(const ImportReport& r) {
  std::string out;
  if (!r.moved.empty()) {
    out += fmt::format("\n{} of {} students' dates move:\n", r.moved.size(),
                       r.checked);
  } else if (r.checked != 0) {
    out += fmt::format("\nNo date moves for the {} students checked.\n",
                       r.checked);
  }
  for (const MovedStudent& m : r.moved) {
    out += fmt::format("  {} ({}{}{})\n", m.file, m.student_id,
                       m.name.empty() ? "" : " ", m.name);
    if (m.last_before != m.last_after) {
      out += fmt::format("    last office day  {} → {}\n",
                         format_date(m.last_before), format_date(m.last_after));
    }
    if (m.ready_before != m.ready_after) {
      out += fmt::format("    ready estimate   {} → {}\n",
                         optional_date(m.ready_before),
                         optional_date(m.ready_after));
    }
  }
  for (const BatchError& e : r.errors) {
    out += fmt::format("  cannot assess {}: {}\n", e.file,
                       e.error.in(output_lang()));
  }
  return out;
}

}  // namespace

std::string render_import_report_text(const ImportReport& r) {
  std::string out;
  for (const HolidayYear& y : r.years) {
    out += fmt::format("Read {}: {} ({} holidays)\n", y.year, y.notice,
                       y.holidays.size());
  }
  for (const std::string& w : r.written) {
    out += fmt::format("{} {}\n", r.dry_run ? "Would write" : "Wrote", w);
  }
  if (r.written.empty()) {
    out += "Nothing written (give -o FILE or --install)\n";
  }
  return out + changed_days_text(r) + moved_students_text(r);
}

std::string render_import_report_json(const ImportReport& r) {
  Json j;
  j["table"] = Json::parse(r.table);
  j["written"] = r.dry_run ? std::vector<std::string>() : r.written;
  j["dry_run"] = r.dry_run;
  auto changed = Json::array();
  for (const ChangedDay& c : r.changed) {
    changed.push_back(
        {{"date", format_date(c.date)},
         {"before", c.work_before ? "work" : "off"},
         {"after", c.work_after ? "work" : "off"},
         {"holiday", c.holiday ? Json(c.holiday->en()) : Json(nullptr)}});
  }
  j["changed"] = changed;
  auto students = Json::array();
  for (const MovedStudent& m : r.moved) {
    students.push_back({{"file", m.file},
                        {"student_id", m.student_id},
                        {"name", m.name},
                        {"last_office_day",
                         {{"before", format_date(m.last_before)},
                          {"after", format_date(m.last_after)}}},
                        {"ready_estimate",
                         {{"before", date_or_null(m.ready_before)},
                          {"after", date_or_null(m.ready_after)}}}});
  }
  j["students"] = students;
  auto errors = Json::array();
  for (const BatchError& e : r.errors) {
    errors.push_back({{"file", e.file}, {"error", e.error.in(Lang::en)}});
  }
  j["errors"] = errors;
  return j.dump(2) + "\n";
}

}  // namespace rpx
