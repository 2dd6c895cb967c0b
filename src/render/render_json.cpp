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
  // A path need not be UTF-8; replace bad bytes rather than fail.
  return j.dump(indent < 0 ? -1 : indent, ' ', false,
                Json::error_handler_t::replace) +
         "\n";
}

}  // namespace rpx
