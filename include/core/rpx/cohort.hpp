// A cohort's values, shared by batch work and its renderers: what could not
// be read, how many students are in each phase, which phases are shown, and
// the order of urgency.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <rpx/assess.hpp>
#include <rpx/messages.hpp>
#include <rpx/state.hpp>
#include <string>
#include <vector>

namespace rpx {

/// An input that could not be read or parsed. `error` is the message of the
/// `IoError`/`DataError`, which already names the file and the place
/// (`FILE:LINE:COL: ...` or `FILE: /pointer: ...`): worded in the output
/// language on screens, in English in machine formats.
struct BatchError {
  std::string file;
  Message error;

  bool operator==(const BatchError&) const = default;
};

/// The number of students in each phase.
struct PhaseCounts {
  std::array<std::size_t, k_phases.size()> by_phase{};

  void add(Phase p) noexcept { ++by_phase[static_cast<std::size_t>(p)]; }
  std::size_t operator[](Phase p) const noexcept {
    return by_phase[static_cast<std::size_t>(p)];
  }
  std::size_t total() const noexcept;

  bool operator==(const PhaseCounts&) const = default;
};

/// A set of phases (`--phase due,overdue`); all of them by default.
class PhaseSet {
 public:
  /// Every phase.
  PhaseSet() { m_in.fill(true); }
  /// Only the phases in `phases`.
  explicit PhaseSet(const std::vector<Phase>& phases);

  bool contains(Phase p) const noexcept {
    return m_in[static_cast<std::size_t>(p)];
  }
  bool all() const noexcept;

 private:
  std::array<bool, k_phases.size()> m_in{};
};

/// Where a student sorts: by phase, most urgent first (the order of
/// `Phase`); inside a phase by the date that matters for it, earliest
/// first (`urgent_date`); then by student id, then by file, so that the
/// order never depends on the file system's.
struct Urgency {
  Phase phase = Phase::upcoming;
  /// `urgent_date`; none for `collected`.
  std::optional<Date> when;
  std::string student_id;
  std::string file;
};

/// The date that orders a phase, earliest first: the expiry for `expired`
/// (the longest expired first); the last office day for `overdue`, `due`
/// and `upcoming`; the ready estimate for `ready` and `processing`; none
/// for `collected`, which sort by student id alone.
std::optional<Date> urgent_date(const Assessment& assessment) noexcept;

/// True when `a` comes before `b` in `check`'s order.
bool more_urgent(const Urgency& a, const Urgency& b) noexcept;

/// The sort key of one assessed student.
Urgency urgency_of(const std::string& file, const StudentState& state,
                   const Assessment& assessment);

/// Anything rendered for a student, with the key it sorts by.
template <class T>
struct Ranked {
  Urgency key;
  T item;
};

/// Puts `items` in `check`'s order.
template <class T>
void sort_by_urgency(std::vector<Ranked<T>>& items) {
  std::sort(items.begin(), items.end(),
            [](const Ranked<T>& a, const Ranked<T>& b) {
              return more_urgent(a.key, b.key);
            });
}

}  // namespace rpx
