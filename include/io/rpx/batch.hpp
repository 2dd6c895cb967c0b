// Batch work for staff and cron (`check`, `remind`): finding the state
// files under some paths, reading and assessing each one, and putting the
// students in order of urgency. Read-only: nothing is locked or written, so
// a batch never blocks a student's own rpx.
#pragma once

#include <functional>
#include <memory>
#include <rpx/assess.hpp>
#include <rpx/calendar.hpp>
#include <rpx/cohort.hpp>
#include <rpx/rules.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// The state files under `paths`, and the paths that could not be walked.
struct FoundFiles {
  std::vector<std::string> files;
  std::vector<BatchError> errors;
};

/// Every state file under `paths`. A path naming a file is taken whatever
/// its name (the user chose it); a directory is walked recursively for
/// `*.json` regular files (or links to them), skipping rpx's own temporary
/// files (`.NAME.tmp.XXXXXX`) and lock files (`*.lock`), and not following
/// links to directories (a link loop must not hang a cron job). A path
/// reached twice is listed once. A path that does not exist or names neither
/// a regular file nor a directory (a FIFO would block), or a directory that
/// cannot be read, is an error, and the walk goes on.
FoundFiles find_state_files(const std::vector<std::string>& paths);

/// What every student of a batch is assessed against: one `today` for the
/// whole run, so that a batch crossing midnight stays consistent.
struct BatchContext {
  const Rules& rules;
  const WorkCalendar& calendar;
  Date today;
  AssessOptions options;
};

/// Called for every state file read, with its assessment.
using StudentVisitor =
    std::function<void(const std::string& file, const StudentState& state,
                       const Assessment& assessment)>;

/// Called on the worker threads for every student read: true to keep the
/// student for the output. Must be safe to call from several threads.
using StudentFilter =
    std::function<bool(const std::string& file, const StudentState& state,
                       const Assessment& assessment)>;

/// The students a batch kept, in `check`'s order (`more_urgent`), each
/// held packed (state_pack.hpp) with its sort key: about 150 bytes a
/// student rather than a parsed state or a rendered text, so that 10^5
/// students fit in a few megabytes. Read with `read_cohort`.
class Cohort {
 public:
  /// Called with each student, unpacked and assessed again.
  using Visit =
      std::function<void(const std::string& file, const StudentState& state,
                         const Assessment& assessment)>;
  /// Renders one student; called on the worker threads.
  using Render = std::function<std::string(const std::string& file,
                                           const StudentState& state,
                                           const Assessment& assessment)>;
  /// Like `Visit`, with the number (below `workers()`) of the thread
  /// calling it, so that each thread can add to its own total.
  using WorkerVisit = std::function<void(
      unsigned worker, const std::string& file, const StudentState& state,
      const Assessment& assessment)>;

  explicit Cohort(const BatchContext& context);
  Cohort(Cohort&&) noexcept;
  Cohort& operator=(Cohort&&) = delete;
  ~Cohort();

  /// The students kept.
  std::size_t size() const noexcept;
  /// The students kept, by phase.
  const PhaseCounts& counts() const noexcept;
  /// The inputs that could not be walked, read or parsed, sorted by file.
  const std::vector<BatchError>& errors() const noexcept;
  /// The threads the cohort works with.
  unsigned workers() const noexcept;

  /// Calls `render` for every student on the worker threads and passes the
  /// texts to `out` in order, a block at a time.
  void render_in_order(const Render& render,
                       const std::function<void(std::string_view)>& out) const;
  /// Calls `visit` for every student on the worker threads, in no order.
  void visit_unordered(const WorkerVisit& visit) const;

 private:
  friend Cohort read_cohort(const std::vector<std::string>&,
                            const BatchContext&, const StudentFilter&);
  struct Data;
  std::unique_ptr<Data> m;
};

/// Reads (without locking) and assesses every state file under `paths` on
/// all cores, keeping the students `keep` accepts. Each file is read once
/// (opened, `fstat`ed, read, closed); a file reached by two paths is kept
/// once, by the first in the walk's order, as `find_state_files` would.
Cohort read_cohort(const std::vector<std::string>& paths,
                   const BatchContext& context, const StudentFilter& keep);

/// Reads (without locking) and assesses every state file under `paths`,
/// calling `visit` for each one. Returns the inputs that could not be walked,
/// read or parsed, sorted by file; the others are still visited.
std::vector<BatchError> for_each_student(const std::vector<std::string>& paths,
                                         const BatchContext& context,
                                         const StudentVisitor& visit);

}  // namespace rpx
