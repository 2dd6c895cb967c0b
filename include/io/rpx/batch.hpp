// Batch work for staff and cron (`check`, `remind`): finding the state
// files under some paths, reading and assessing each one, and putting the
// students in order of urgency. Read-only: nothing is locked or written, so
// a batch never blocks a student's own rpx.
#pragma once

#include <functional>
#include <rpx/assess.hpp>
#include <rpx/calendar.hpp>
#include <rpx/cohort.hpp>
#include <rpx/rules.hpp>
#include <rpx/state.hpp>
#include <string>
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

/// Reads (without locking) and assesses every state file under `paths`,
/// calling `visit` for each one. Returns the inputs that could not be walked,
/// read or parsed, sorted by file; the others are still visited.
std::vector<BatchError> for_each_student(const std::vector<std::string>& paths,
                                         const BatchContext& context,
                                         const StudentVisitor& visit);

}  // namespace rpx
