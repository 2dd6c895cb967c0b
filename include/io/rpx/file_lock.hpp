// The lock that serializes the writers of one file: an flock on `FILE.lock`
// beside it.
#pragma once

#include <chrono>
#include <filesystem>

namespace rpx {

/// An exclusive flock on `TARGET.lock`, held for the object's lifetime. The
/// lock file is never deleted: unlinking it would let a waiter lock a file
/// that a newcomer can no longer see.
class FileLock {
 public:
  /// Opens (making it, 0600, when missing) and locks the lock file of
  /// `target`, waiting up to `wait` for another holder; `file` is the name
  /// the user gave, for messages. Throws `LockTimeout` after the wait,
  /// `IoError` when the lock file cannot be opened or locked (a symlink or
  /// anything but a regular file there is refused).
  FileLock(const std::filesystem::path& file,
           const std::filesystem::path& target, std::chrono::milliseconds wait);
  ~FileLock();  // closing releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int m_fd;
};

}  // namespace rpx
