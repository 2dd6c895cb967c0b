// `check --format json`: the students of a batch in one document.
#include <nlohmann/json.hpp>
#include <rpx/render_batch.hpp>

namespace rpx {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

std::string render_check_json_student(const std::string& file,
                                      const StudentState& state,
                                      const Assessment& assessment,
                                      Date today) {
  return render_student_json(valid_utf8(file), state, assessment, today, 2, 4);
}

void render_check_json(Date as_of, const Items& students,
                       const PhaseCounts& counts,
                       const std::vector<BatchError>& errors, const Sink& out) {
  // The students are JSON texts already (`render_check_json_student`), too
  // many to hold again as trees: the document goes in with a marker in
  // their place, and they are written where `dump` put it, as `dump(2)`
  // nests an array.
  const std::string marker = "\x01students";
  Json summary = Json::object();
  for (Phase p : k_phases) {
    summary[std::string(phase_name(p))] = counts[p];
  }
  Json errs = Json::array();
  for (const BatchError& e : errors) {
    errs.push_back(Json{{"file", valid_utf8(e.file)},
                        {"error", valid_utf8(e.error.in(Lang::en))}});
  }
  const Json doc = {{"as_of", format_date(as_of)},
                    {"students", marker},
                    {"summary", std::move(summary)},
                    {"errors", std::move(errs)}};
  const std::string text = doc.dump(2) + "\n";
  // The first match is the marker: only "as_of", a date, comes before it.
  const std::string dumped_marker = Json(marker).dump();
  const std::size_t at = text.find(dumped_marker);
  out(std::string_view(text).substr(0, at));
  out("[");
  bool first = true;
  students([&](std::string_view student) {
    out(first ? "\n    " : ",\n    ");
    out(student);
    first = false;
  });
  out(first ? "]" : "\n  ]");
  out(std::string_view(text).substr(at + dumped_marker.size()));
}

}  // namespace rpx
