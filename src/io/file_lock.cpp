#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <rpx/errors.hpp>
#include <rpx/file_lock.hpp>
#include <rpx/fsutil.hpp>
#include <thread>

namespace rpx {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

/// Lock polling: start short so an uncontended wait costs little, back off
/// so a long one does not spin.
constexpr auto k_first_pause = 10ms;
constexpr auto k_max_pause = 50ms;

int open_lock_file(const fs::path& file, const fs::path& lock) {
  // Read-write, since NFS emulates flock with fcntl locks, whose
  // exclusive kind needs a writable descriptor; read-only when that is
  // all we may have (a save will then report the real problem).
  // O_NOFOLLOW: a symlink planted at FILE.lock must not make rpx create
  // or lock a file elsewhere; O_NONBLOCK: a FIFO there must not hang it.
  constexpr int k_flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | k_flags, 0600);
  const int err = errno;
  if (fd < 0 && (err == EACCES || err == EROFS)) {
    fd = ::open(lock.c_str(), O_RDONLY | k_flags);
  }
  if (fd < 0 && err == ELOOP) {
    throw IoError(Message("error.lock_is_symlink",
                          {{"file", file.string()}, {"lock", lock.string()}}));
  }
  if (fd < 0) {
    // The first error: the fallback's ENOENT would hide why.
    throw IoError(
        Message("error.lock_cannot_open", {{"file", file.string()},
                                           {"lock", lock.string()},
                                           {"reason", errno_message(err)}}));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IoError(Message("error.lock_not_regular",
                          {{"file", file.string()}, {"lock", lock.string()}}));
  }
  return fd;
}

void acquire(int fd, const fs::path& file, std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  std::chrono::milliseconds pause = k_first_pause;
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      return;
    }
    if (errno == EINTR) {
      continue;
    }
    if (const int err = errno; err != EWOULDBLOCK) {
      throw IoError(
          Message("error.cannot_lock",
                  {{"file", file.string()}, {"reason", errno_message(err)}}));
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      throw LockTimeout(Message(
          "error.locked",
          {{"file", file.string()},
           {"seconds",
            fmt::format("{}", static_cast<double>(wait.count()) / 1000)}}));
    }
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
    pause = std::min(pause * 2, std::chrono::milliseconds(k_max_pause));
  }
}

}  // namespace

FileLock::FileLock(const fs::path& file, const fs::path& target,
                   std::chrono::milliseconds wait)
    : m_fd(open_lock_file(file, fs::path(target.string() + ".lock"))) {
  try {
    acquire(m_fd, file, wait);
  } catch (...) {
    ::close(m_fd);
    throw;
  }
}

FileLock::~FileLock() { ::close(m_fd); }

}  // namespace rpx
