#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>

namespace rpx {

namespace fs = std::filesystem;

namespace {

std::string size_text(std::size_t bytes) {
  constexpr std::size_t k_mib = 1024 * 1024;
  return bytes % k_mib == 0 ? fmt::format("{} MiB", bytes / k_mib)
                            : fmt::format("{} bytes", bytes);
}

}  // namespace

void require_regular(const fs::path& file, unsigned mode) {
  const mode_t type = mode & S_IFMT;
  if (type == S_IFREG) {
    return;
  }
  if (type == S_IFDIR) {
    throw DataError(
        fmt::format("{}: is a directory, not a file", file.string()));
  }
  const char* what = type == S_IFIFO    ? "a FIFO (named pipe)"
                     : type == S_IFCHR  ? "a character device"
                     : type == S_IFBLK  ? "a block device"
                     : type == S_IFSOCK ? "a socket"
                     : type == S_IFLNK  ? "a symbolic link"
                                        : "not a regular file";
  throw DataError(
      fmt::format("{}: is {}, not a regular file", file.string(), what));
}

fs::path resolve_symlinks(const fs::path& file) {
  constexpr int k_max_symlinks = 40;  // as the kernel's limit before ELOOP
  fs::path p = file;
  for (int i = 0; i < k_max_symlinks; ++i) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      return p;
    }
    std::error_code ec;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) {
      fail_write(file, ec.value());
    }
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  fail_write(file, ELOOP);
}

std::string read_file(const fs::path& path, std::size_t limit) {
  // O_NONBLOCK: opening a FIFO would wait for a writer forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    throw IoError(
        fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    require_regular(path, st.st_mode);
  }
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw IoError(fmt::format("cannot read {}: {}", path.string(),
                                std::strerror(errno)));
    }
    if (n == 0) {
      break;
    }
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > limit) {
      throw DataError(fmt::format("{}: file is larger than {}", path.string(),
                                  size_text(limit)));
    }
  }
  return text;
}

std::vector<fs::path> json_files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void fail_write(const fs::path& file, int err) {
  throw IoError(
      fmt::format("cannot write {}: {}", file.string(), std::strerror(err)));
}

void sync_directory(const fs::path& dir, const fs::path& named) {
  const fs::path d = dir.empty() ? fs::path(".") : dir;
  const int fd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return;
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0 && err != EINVAL) {
    fail_write(named.empty() ? d : named, err);
  }
}

std::vector<fs::path> make_dirs(const fs::path& dir, mode_t mode) {
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 || errno != ENOENT) {
      break;
    }
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) {
      break;
    }
  }
  for (const fs::path& p : missing) {
    if (::mkdir(p.c_str(), mode) == 0) {
      ::chmod(p.c_str(), mode);
    } else if (errno != EEXIST) {
      throw IoError(fmt::format("cannot create directory {}: {}", p.string(),
                                std::strerror(errno)));
    }
  }
  return missing;
}

mode_t umask_mode(mode_t mode) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mode & ~mask;
}

}  // namespace rpx
