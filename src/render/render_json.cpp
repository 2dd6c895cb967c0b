// Machine output: the student object of docs/cli.md. Keys are never translated.
#include <nlohmann/json.hpp>
#include <rpx/render.hpp>

#include "json_detail.hpp"

namespace rpx {

namespace {

using Json = nlohmann::ordered_json;
using render_detail::date_or_null;

Json string_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

/// The extra fields: the file's unknown top-level members, as they are.
Json extra_json(const StudentState& s) {
  Json out = Json::object();
  for (const auto& [key, raw] : s.unknown) {
    out[key] = Json::parse(raw, nullptr, false);
  }
  return out;
}

Json steps_json(const Cycle& c) {
  Json steps = Json::array();
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    steps.push_back({{"id", k_step_ids[i]},
                     {"n", i + 1},
                     {"done", date_or_null(c.steps[i].done)},
                     {"note", string_or_null(c.steps[i].note)}});
  }
  return steps;
}

/// The finished cycles, oldest first, as recorded.
Json history_json(const StudentState& s) {
  Json out = Json::array();
  for (const Cycle& c : s.history) {
    out.push_back(
        {{"expiry", format_date(c.expiry)},
         {"new_expiry", date_or_null(c.new_expiry)},
         {"steps", steps_json(c)},
         {"progress_note", c.progress_note ? date_or_null(c.progress_note->date)
                                           : Json(nullptr)}});
  }
  return out;
}

}  // namespace

std::string render_student_json(const std::string& file, const StudentState& s,
                                const Assessment& a, Date today, int indent) {
  const OutputLangScope english(Lang::en);  // machine output
  const Deadline& dl = a.deadline;
  Json j;
  j["file"] = file;
  j["name"] = string_or_null(s.name);
  j["student_id"] = string_or_null(s.student_id);
  j["uuid"] = s.uuid;
  j["as_of"] = format_date(today);
  j["phase"] = phase_name(a.phase);
  j["expiry"] = format_date(dl.expiry);
  j["filing_deadline"] = format_date(dl.filing_deadline);
  j["last_office_day"] = format_date(dl.last_office_day);
  j["days_to_deadline"] = a.days_to_deadline;
  j["days_to_expiry"] = a.days_to_expiry;
  j["deadline_moved_by"] = dl.moved_by == MovedBy::none
                               ? Json(nullptr)
                               : Json(moved_by_name(dl.moved_by));
  j["deadline_holiday"] = dl.holiday ? Json(dl.holiday->en()) : Json(nullptr);
  j["next_step"] = a.next_step.empty() ? Json(nullptr) : Json(a.next_step);
  j["next_action"] =
      a.next_action.empty() ? Json(nullptr) : Json(a.next_action);
  Json steps = Json::array();
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    Json step;
    step["id"] = a.steps[i].id;
    step["n"] = a.steps[i].n;
    step["done"] = date_or_null(a.steps[i].done);
    step["note"] = string_or_null(s.current.steps[i].note);
    steps.push_back(std::move(step));
  }
  j["steps"] = std::move(steps);
  j["progress_note"] = date_or_null(a.progress_note);
  j["phone"] = s.current.progress_note
                   ? string_or_null(s.current.progress_note->phone)
                   : Json(nullptr);
  j["ready_estimate"] = date_or_null(a.ready_estimate);
  j["ready_estimate_range"] =
      a.ready_earliest ? Json{{"from", format_date(*a.ready_earliest)},
                              {"to", format_date(*a.ready_latest)}}
                       : Json(nullptr);
  j["calendar_covered"] = a.calendar_covered;
  j["calendar_basis"] = basis_name(a.calendar_basis);
  j["warnings"] = assessment_warnings(a);
  j["extra"] = extra_json(s);
  j["history"] = history_json(s);
  // A path need not be UTF-8; replace bad bytes rather than fail.
  return j.dump(indent < 0 ? -1 : indent, ' ', false,
                Json::error_handler_t::replace) +
         "\n";
}

std::string render_history_json(const std::string& file,
                                const StudentState& s) {
  Json j;
  j["file"] = file;
  j["name"] = string_or_null(s.name);
  j["student_id"] = string_or_null(s.student_id);
  j["expiry"] = format_date(s.current.expiry);
  j["history"] = history_json(s);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace rpx
