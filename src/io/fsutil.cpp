#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>

namespace rpx {

namespace fs = std::filesystem;

namespace {

Message size_message(std::size_t bytes) {
  constexpr std::size_t k_mib = 1024 * 1024;
  return bytes % k_mib == 0 ? Message("error.size.mib", {{"n", bytes / k_mib}})
                            : Message("error.size.bytes", {{"n", bytes}});
}

/// The errors a user can meet and act on, each with its message; the rest
/// keep strerror's text.
struct ErrnoKey {
  int err;
  std::string_view key;
};
constexpr std::array<ErrnoKey, 18> k_errno_keys{{
    {EACCES, "error.errno.eacces"},
    {EBUSY, "error.errno.ebusy"},
    {EDQUOT, "error.errno.edquot"},
    {EEXIST, "error.errno.eexist"},
    {EIO, "error.errno.eio"},
    {EISDIR, "error.errno.eisdir"},
    {ELOOP, "error.errno.eloop"},
    {EMFILE, "error.errno.emfile"},
    {ENAMETOOLONG, "error.errno.enametoolong"},
    {ENFILE, "error.errno.enfile"},
    {ENOENT, "error.errno.enoent"},
    {ENOSPC, "error.errno.enospc"},
    {ENOTDIR, "error.errno.enotdir"},
    {ENOTEMPTY, "error.errno.enotempty"},
    {ENXIO, "error.errno.enxio"},
    {EPERM, "error.errno.eperm"},
    {EROFS, "error.errno.erofs"},
    {EXDEV, "error.errno.exdev"},
}};

/// The type of a file that is not a regular one, as a message ("a FIFO
/// (named pipe)"); nullopt for an unknown type.
std::optional<Message> file_type_message(mode_t type) {
  switch (type) {
    case S_IFIFO:
      return Message("error.file_type.fifo");
    case S_IFCHR:
      return Message("error.file_type.char_device");
    case S_IFBLK:
      return Message("error.file_type.block_device");
    case S_IFSOCK:
      return Message("error.file_type.socket");
    case S_IFLNK:
      return Message("error.file_type.symlink");
    default:
      return std::nullopt;
  }
}

}  // namespace

fs::path dir_of(const fs::path& file) {
  fs::path dir = file.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

Message errno_message(int err) {
  for (const ErrnoKey& k : k_errno_keys) {
    if (k.err == err) {
      return Message(std::string(k.key));
    }
  }
  return Message("error.errno.other", {{"text", std::strerror(err)}});
}

Message errno_message(const std::error_code& ec) {
  if (ec.category() == std::system_category() ||
      ec.category() == std::generic_category()) {
    return errno_message(ec.value());
  }
  return Message("error.errno.other", {{"text", ec.message()}});
}

void require_regular(const fs::path& file, unsigned mode) {
  const mode_t type = mode & S_IFMT;
  if (type == S_IFREG) {
    return;
  }
  if (type == S_IFDIR) {
    throw DataError(Message("error.is_directory", {{"file", file.string()}}));
  }
  if (std::optional<Message> what = file_type_message(type)) {
    throw DataError(Message("error.not_regular",
                            {{"file", file.string()}, {"type", *what}}));
  }
  throw DataError(Message("error.not_regular_file", {{"file", file.string()}}));
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

std::string read_file(const fs::path& path, std::size_t limit,
                      struct stat* info) {
  // O_NONBLOCK: opening a FIFO would wait for a writer forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    throw IoError(
        Message("error.cannot_read",
                {{"file", path.string()}, {"reason", errno_message(err)}}));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  std::size_t expected = 0;
  if (::fstat(fd, &st) == 0) {
    require_regular(path, st.st_mode);
    expected = static_cast<std::size_t>(st.st_size);
    if (info != nullptr) {
      *info = st;
    }
  }
  // Room for the size `fstat` gave and one byte more, so that the read
  // that finds the end needs no copy; more if the file grows meanwhile.
  std::string text(std::min(expected, limit) + 1, '\0');
  std::size_t length = 0;
  for (;;) {
    if (length == text.size()) {
      text.resize(text.size() * 2);
    }
    const ssize_t n = ::read(fd, text.data() + length, text.size() - length);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int err = errno;
      throw IoError(
          Message("error.cannot_read",
                  {{"file", path.string()}, {"reason", errno_message(err)}}));
    }
    if (n == 0) {
      break;
    }
    length += static_cast<std::size_t>(n);
    if (length > limit) {
      throw DataError(
          Message("error.file_too_large",
                  {{"file", path.string()}, {"size", size_message(limit)}}));
    }
  }
  text.resize(length);
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
      Message("error.cannot_write",
              {{"file", file.string()}, {"reason", errno_message(err)}}));
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
      const int err = errno;
      throw IoError(
          Message("error.cannot_create_dir",
                  {{"dir", p.string()}, {"reason", errno_message(err)}}));
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
