#include <algorithm>
#include <numeric>
#include <rpx/cohort.hpp>

namespace rpx {

std::size_t PhaseCounts::total() const noexcept {
  return std::accumulate(by_phase.begin(), by_phase.end(), std::size_t{0});
}

PhaseSet::PhaseSet(const std::vector<Phase>& phases) {
  for (Phase p : phases) {
    m_in[static_cast<std::size_t>(p)] = true;
  }
}

bool PhaseSet::all() const noexcept {
  return std::all_of(m_in.begin(), m_in.end(), [](bool in) { return in; });
}

std::optional<Date> urgent_date(const Assessment& assessment) noexcept {
  switch (assessment.phase) {
    case Phase::expired:
      return assessment.deadline.expiry;
    case Phase::overdue:
    case Phase::due:
    case Phase::upcoming:
      return assessment.deadline.last_office_day;
    case Phase::ready:
    case Phase::processing:
      return assessment.ready_estimate;
    case Phase::collected:
      break;
  }
  return std::nullopt;
}

bool more_urgent(const Urgency& a, const Urgency& b) noexcept {
  if (a.phase != b.phase) {
    return a.phase < b.phase;
  }
  if (a.when != b.when) {
    // Both set or both not: a phase's date is always or never there.
    return a.when < b.when;
  }
  if (a.student_id != b.student_id) {
    return a.student_id < b.student_id;
  }
  return a.file < b.file;
}

Urgency urgency_of(const std::string& file, const StudentState& state,
                   const Assessment& assessment) {
  return Urgency{assessment.phase, urgent_date(assessment), state.student_id,
                 file};
}

}  // namespace rpx
