// What batch.cpp (the walk, the reading of one file, the worker threads)
// shares with read_cohort.cpp. Internal to src/io.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <rpx/batch.hpp>
#include <string>
#include <vector>

namespace rpx::batch_detail {

/// When a walk learns which file a path names (its device and inode).
enum class Identity {
  /// Now: every file is `stat`ed, and a file reached twice is listed once.
  now,
  /// Later, from the reader's `fstat`: a regular file the directory
  /// listing vouches for is not `stat`ed, and duplicates are the reader's
  /// to drop (`read_cohort`).
  later
};

/// The state files under `paths` (find_state_files), with the files'
/// identities learnt as `identity` says.
FoundFiles find_files(const std::vector<std::string>& paths, Identity identity);

/// One file, read and assessed, or why it could not be.
struct Loaded {
  std::optional<StudentState> state;
  Assessment assessment;
  std::optional<BatchError> error;
};

/// Which file a path named when it was read: its device and inode; inode
/// 0 when it could not even be `stat`ed.
struct FileKey {
  std::uint64_t dev = 0;
  std::uint64_t ino = 0;

  bool known() const noexcept { return ino != 0; }
  auto operator<=>(const FileKey&) const = default;
};

/// Reads `file` (open, fstat, read, close: nothing more) and assesses it;
/// `key` is the file's identity, when it could be learnt.
Loaded load(const std::string& file, const BatchContext& context, FileKey& key);

/// The worker threads a batch uses: the cores, at most 8.
unsigned thread_count();

/// Calls `job(i)` for every i in [0, n) on `threads` threads, each writing
/// in the caller's output language; rethrows the first exception a job let
/// through (a bug, or out of memory).
void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t)>& job);

}  // namespace rpx::batch_detail
