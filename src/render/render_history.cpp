// `rpx history`: the permits a student has had extended with rpx.
#include <fmt/format.h>

#include <rpx/layout.hpp>
#include <rpx/render.hpp>
#include <rpx/utf8.hpp>

namespace rpx {

namespace {

/// "submitted 2024-12-10, collected 2025-01-02", from the steps recorded.
std::string steps_clause(const Cycle& c) {
  std::vector<std::string> parts;
  if (const auto& d = c.step(StepId::submit).done) {
    parts.push_back(tr("history.submitted", {{"date", show_date(*d)}}));
  }
  if (c.progress_note && c.progress_note->date != c.step(StepId::submit).done) {
    parts.push_back(tr("history.progress_note",
                       {{"date", show_date(c.progress_note->date)}}));
  }
  if (const auto& d = c.step(StepId::collect).done) {
    parts.push_back(tr("history.collected", {{"date", show_date(*d)}}));
  }
  if (parts.empty()) {
    return tr("history.no_steps");
  }
  return fmt::format("{}", fmt::join(parts, tr("history.separator")));
}

}  // namespace

std::string render_history_text(const StudentState& s, TextStyle style) {
  const std::string name = s.name.empty() ? tr("status.student") : s.name;
  const std::string who =
      s.student_id.empty()
          ? printable(name)
          : tr("status.name_and_id",
               {{"name", printable(name)}, {"id", printable(s.student_id)}});
  std::string out =
      tr_n("history.title", static_cast<long long>(s.history.size()),
           {{"who", who}}) +
      "\n";
  for (std::size_t i = 0; i < s.history.size(); ++i) {
    const Cycle& c = s.history[i];
    out += fmt::format(
        "  {}. {}\n", i + 1,
        tr(c.new_expiry ? "history.entry_renewed" : "history.entry",
           {{"expiry", show_date(c.expiry)},
            {"new_expiry", c.new_expiry ? show_date(*c.new_expiry) : ""},
            {"steps", steps_clause(c)}}));
  }
  if (s.history.empty()) {
    out += "  " + tr("history.none") + "\n";
  }
  out +=
      tr("history.current", {{"expiry", show_date(s.current.expiry)}}) + "\n";
  return wrap_text(out, style.width);
}

}  // namespace rpx
