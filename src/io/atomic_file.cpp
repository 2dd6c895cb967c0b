#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <rpx/atomic_file.hpp>
#include <rpx/fsutil.hpp>
#include <utility>

namespace rpx {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_temp_infix = ".tmp.";
/// mkstemp replaces these six characters with [A-Za-z0-9].
constexpr std::string_view k_temp_suffix = "XXXXXX";

std::string temp_prefix_of(const fs::path& target) {
  return "." + target.filename().string() + std::string(k_temp_infix);
}

bool is_random(std::string_view s) noexcept {
  return s.size() == k_temp_suffix.size() &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9');
         });
}

void crash_if(CrashPoint chosen, CrashPoint here) {
  if (chosen == here) {
    ::_exit(99);
  }
}

/// True when `name` in `dir_fd` is a regular file that no process holds an
/// flock on: a live writer holds one on its temporary file, so a file of
/// the pattern that can be locked is provably abandoned.
bool abandoned(int dir_fd, const std::string& name) {
  const int fd = ::openat(dir_fd, name.c_str(),
                          O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  struct stat st {};
  const bool free = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                    ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

}  // namespace

AtomicFile::AtomicFile(fs::path target, fs::path name, const fs::path& temp_dir,
                       TempLock lock)
    : m_target(std::move(target)),
      m_name(std::move(name)),
      m_temp(((temp_dir.empty() ? dir_of(m_target) : temp_dir) /
              temp_prefix_of(m_target))
                 .string() +
             std::string(k_temp_suffix)) {
  // mkostemp opens with O_CREAT | O_EXCL: never an existing file, never
  // through a symlink. A state save's flock tells a clean-up that it is
  // live.
  m_fd = ::mkostemp(m_temp.data(), O_CLOEXEC);
  if (m_fd < 0) {
    fail_write(m_name, errno);
  }
  if (lock == TempLock::held && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(m_fd);
    ::unlink(m_temp.c_str());
    fail_write(m_name, err);
  }
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_renamed) {
    ::unlink(m_temp.c_str());
  }
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_name(std::move(other.m_name)),
      m_temp(std::move(other.m_temp)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_renamed(std::exchange(other.m_renamed, true)) {}

void AtomicFile::set_mode(mode_t mode) {
  if (::fchmod(m_fd, mode) != 0) {
    fail_write(m_name, errno);
  }
}

void AtomicFile::keep_owner_and_mode() {
  mode_t mode = 0600;
  struct stat old {};
  if (::stat(m_target.c_str(), &old) == 0) {
    mode = old.st_mode & 07777;
    struct stat now {};
    if (::fstat(m_fd, &now) == 0 &&
        (now.st_uid != old.st_uid || now.st_gid != old.st_gid)) {
      // Owner only as root; the group whenever we belong to it. A failure
      // leaves ours, which is still readable by us: not worth failing for.
      if (::fchown(m_fd, old.st_uid, old.st_gid) != 0) {
        [[maybe_unused]] const int ignored =
            ::fchown(m_fd, static_cast<uid_t>(-1), old.st_gid);
      }
    }
  }
  // After fchown, which may clear set-id bits.
  set_mode(mode);
}

bool AtomicFile::set_group(gid_t group) noexcept {
  struct stat st {};
  return ::fchown(m_fd, static_cast<uid_t>(-1), group) == 0 ||
         (::fstat(m_fd, &st) == 0 && st.st_gid == group);
}

void AtomicFile::write(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(m_fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail_write(m_name, errno);
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::close() {
  // NFS reports write errors here.
  const int rc = ::close(m_fd);
  m_fd = -1;
  if (rc != 0) {
    fail_write(m_name, errno);
  }
}

void AtomicFile::commit(CrashPoint crash) {
  crash_if(crash, CrashPoint::after_temp_write);
  if (::fsync(m_fd) != 0) {
    fail_write(m_name, errno);
  }
  close();
  crash_if(crash, CrashPoint::after_fsync);
  if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
    fail_write(m_name, errno);
  }
  m_renamed = true;
  crash_if(crash, CrashPoint::after_rename);
  sync_directory(dir_of(m_target), m_name);
}

bool AtomicFile::publish_new() {
  int rc = ::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_target.c_str(),
                       RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
    // No RENAME_NOREPLACE on this file system: a hard link fails just the
    // same when the name exists.
    rc = ::link(m_temp.c_str(), m_target.c_str());
    if (rc == 0) {
      ::unlink(m_temp.c_str());
    }
  }
  if (rc != 0 && errno == EEXIST) {
    return false;
  }
  if (rc != 0) {
    fail_write(m_name, errno);
  }
  m_renamed = true;
  return true;
}

bool AtomicFile::is_temp_name(std::string_view name) noexcept {
  if (!name.starts_with('.') ||
      name.size() < 1 + 1 + k_temp_infix.size() + k_temp_suffix.size()) {
    return false;
  }
  const std::size_t infix_at =
      name.size() - k_temp_suffix.size() - k_temp_infix.size();
  return name.substr(infix_at, k_temp_infix.size()) == k_temp_infix &&
         is_random(name.substr(infix_at + k_temp_infix.size()));
}

void AtomicFile::remove_abandoned(const fs::path& target) {
  const std::string prefix = temp_prefix_of(target);
  const int dir_fd =
      ::open(dir_of(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) {
    return;
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_of(target), ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.starts_with(prefix) &&
                      is_random(std::string_view(name).substr(prefix.size()));
    if (ours && abandoned(dir_fd, name)) {
      ::unlinkat(dir_fd, name.c_str(), 0);
    }
  }
  ::close(dir_fd);
}

}  // namespace rpx
