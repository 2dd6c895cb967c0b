#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <rpx/render_holiday_import.hpp>

#include "json_detail.hpp"
#include "render_detail.hpp"

namespace rpx {

namespace {

using Json = nlohmann::ordered_json;
using render_detail::date_or_null;

std::string status_word(bool work) {
  return tr(work ? "import_report.workday" : "import_report.day_off");
}

std::string optional_date(const std::optional<Date>& d) {
  return d ? show_date(*d) : tr("import_report.none");
}

std::string changed_days_text(const ImportReport& r) {
  std::string out = "\n";
  if (r.changed.empty()) {
    out += tr("import_report.no_changed_days") + "\n";
  } else {
    out += tr_n("import_report.changed_days",
                static_cast<long long>(r.changed.size())) +
           "\n";
  }
  for (const ChangedDay& c : r.changed) {
    out += fmt::format(
        "  {} {}  {} → {}{}\n",
        render_detail::pad_right(show_weekday(c.date), 9), show_date(c.date),
        status_word(c.work_before), status_word(c.work_after),
        c.holiday ? tr("status.parenthesis_after",
                       {{"text", render_detail::local(*c.holiday)}})
                  : "");
  }
  return out;
}

std::string moved_students_text(const ImportReport& r) {
  std::string out;
  if (!r.moved.empty()) {
    out += "\n" +
           tr("import_report.moved",
              {{"n", r.moved.size()}, {"checked", r.checked}}) +
           "\n";
  } else if (r.checked != 0) {
    out += "\n" +
           tr_n("import_report.none_moved", static_cast<long long>(r.checked)) +
           "\n";
  }
  constexpr std::size_t k_label = 17;  // "last office day  " in English
  for (const MovedStudent& m : r.moved) {
    out += fmt::format("  {} ({}{}{})\n", m.file, m.student_id,
                       m.name.empty() ? "" : " ", m.name);
    if (m.last_before != m.last_after) {
      out +=
          render_detail::field("    ", "import_report.last_office_day", k_label,
                               fmt::format("{} → {}", show_date(m.last_before),
                                           show_date(m.last_after)));
    }
    if (m.ready_before != m.ready_after) {
      out += render_detail::field(
          "    ", "import_report.ready_estimate", k_label,
          fmt::format("{} → {}", optional_date(m.ready_before),
                      optional_date(m.ready_after)));
    }
  }
  for (const BatchError& e : r.errors) {
    out += "  " +
           tr("import_report.cannot_assess",
              {{"file", e.file}, {"error", e.error.in(output_lang())}}) +
           "\n";
  }
  return out;
}

}  // namespace

std::string render_import_report_text(const ImportReport& r) {
  std::string out;
  for (const HolidayYear& y : r.years) {
    out +=
        tr("import_report.read",
           {{"year", y.year}, {"notice", y.notice}, {"n", y.holidays.size()}}) +
        "\n";
  }
  for (const std::string& w : r.written) {
    out += tr(r.dry_run ? "import_report.would_write" : "import_report.wrote",
              {{"file", w}}) +
           "\n";
  }
  if (r.written.empty()) {
    out += tr("import_report.nothing_written") + "\n";
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
