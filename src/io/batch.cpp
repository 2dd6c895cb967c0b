#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <numeric>
#include <optional>
#include <rpx/atomic_file.hpp>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/json_util.hpp>
#include <rpx/messages.hpp>
#include <thread>
#include <unordered_set>

#include "batch_detail.hpp"

namespace rpx {

namespace fs = std::filesystem;
using namespace batch_detail;

namespace {

/// rpx's own files beside a state file: never students, even when named on
/// the command line (`rpx check dir/*` names the lock files too).
bool is_rpx_debris(std::string_view name) {
  // A temporary file is at best a copy of a student who is also there.
  return name.ends_with(".lock") || AtomicFile::is_temp_name(name);
}

bool is_state_file_name(std::string_view name) {
  return name.ends_with(".json") && !is_rpx_debris(name);
}

Message cannot_read(const std::string& path, int err) {
  return Message("error.cannot_read",
                 {{"file", path}, {"reason", errno_message(err)}});
}

/// A FIFO or a device would block the read, and cron with it.
Message not_regular(const std::string& path) {
  return Message("error.not_regular_file", {{"file", path}});
}

/// Collects files once each, whatever path they were reached by: two
/// paths, a symlink beside its target, or a hard link are the same file when
/// they have the same device and inode.
class Collector {
 public:
  Collector(FoundFiles& out, Identity identity)
      : m_out(out), m_identity(identity) {}

  Identity identity() const noexcept { return m_identity; }

  void add_file(const fs::path& file, const struct stat& st) {
    if (m_identity == Identity::later ||
        m_seen.insert(fmt::format("{}:{}", st.st_dev, st.st_ino)).second) {
      m_out.files.push_back(file.string());
    }
  }
  /// A regular file by its directory entry, not `stat`ed.
  void add_listed(const fs::path& file) {
    m_out.files.push_back(file.string());
  }
  void add_error(const std::string& file, Message error) {
    m_out.errors.push_back(BatchError{file, std::move(error)});
  }

  /// A state file's name met in a walk: a regular file (after links) is a
  /// student; a dangling link, a loop, a FIFO or a device is a bad file,
  /// reported like one named on the command line (exit 3), never skipped.
  void add_found(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) {
      add_error(file.string(), cannot_read(file.string(), errno));
    } else if (S_ISREG(st.st_mode)) {
      add_file(file, st);
    } else if (!S_ISDIR(st.st_mode)) {  // a link to a directory is not walked
      add_error(file.string(), not_regular(file.string()));
    }
  }

 private:
  FoundFiles& m_out;
  Identity m_identity;
  std::unordered_set<std::string> m_seen;
};

/// `dir` / `name`, as `std::filesystem::path` joins them.
std::string join(const std::string& dir, std::string_view name) {
  std::string out;
  out.reserve(dir.size() + 1 + name.size());
  out += dir;
  if (!out.empty() && out.back() != '/') {
    out += '/';
  }
  out += name;
  return out;
}

/// A directory's entries but `.` and `..`, sorted by name, with their
/// types as the listing gives them (DT_UNKNOWN where the file system does
/// not say); the errno that ended the listing early, or 0.
int list_directory(const std::string& dir,
                   std::vector<std::pair<std::string, unsigned char>>& out) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    return errno;
  }
  int err = 0;
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(d);
    if (e == nullptr) {
      err = errno;
      break;
    }
    const std::string_view name = e->d_name;
    if (name != "." && name != "..") {
      out.emplace_back(name, e->d_type);
    }
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return err;
}

/// Depth-first with an explicit stack: a deep tree cannot overflow ours.
/// readdir's types tell directories and regular files apart without a
/// `stat` per entry.
void walk(const std::string& root, Collector& found) {
  std::vector<std::string> pending{root};
  std::vector<std::pair<std::string, unsigned char>> entries;
  while (!pending.empty()) {
    const std::string dir = std::move(pending.back());
    pending.pop_back();
    entries.clear();
    const int err = list_directory(dir, entries);
    // By name, so that of two paths to one file the same one is kept.
    for (const auto& [name, listed] : entries) {
      const std::string path = join(dir, name);
      unsigned char type = listed;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        type = ::lstat(path.c_str(), &st) != 0 ? DT_UNKNOWN
               : S_ISDIR(st.st_mode)           ? DT_DIR
               : S_ISLNK(st.st_mode)           ? DT_LNK
               : S_ISREG(st.st_mode)           ? DT_REG
                                               : DT_UNKNOWN;
      }
      // Links are not followed into directories.
      if (type == DT_DIR) {
        pending.push_back(path);
      } else if (!is_state_file_name(name)) {
        continue;
      } else if (found.identity() == Identity::later && type == DT_REG) {
        found.add_listed(path);
      } else {
        found.add_found(path);
      }
    }
    if (err != 0) {
      found.add_error(dir, cannot_read(dir, err));
    }
  }
}

FileKey key_of(const struct stat& st) {
  // st_ino 0: fstat failed and left it untouched.
  return FileKey{st.st_dev, st.st_ino};
}

}  // namespace

namespace batch_detail {

Loaded load(const std::string& file, const BatchContext& context,
            FileKey& key) {
  Loaded out;
  struct stat st {};
  try {
    const std::string text = read_file(file, json_util::k_max_file_bytes, &st);
    key = key_of(st);
    out.state = parse_state(text, file);
    out.assessment = assess(*out.state, context.rules, context.calendar,
                            context.today, context.options);
  } catch (const Error& e) {
    // IoError (gone since the walk, unreadable) and DataError name the
    // file and the place; any other error of one file must not end the
    // batch either.
    out.error = BatchError{file, e.message()};
    if (!key.known() && ::stat(file.c_str(), &st) == 0) {
      key = key_of(st);
    }
  }
  return out;
}

Loaded load(const std::string& file, const BatchContext& context) {
  FileKey key;
  return load(file, context, key);
}

/// Files read and parsed together, in parallel; then visited in order. A
/// block bounds the states held at once, so memory does not grow with the
/// cohort.
constexpr std::size_t k_block = 256;
/// More threads than this only queue on the disk.
constexpr unsigned k_max_threads = 8;

unsigned thread_count() {
  return std::clamp(std::thread::hardware_concurrency(), 1U, k_max_threads);
}

void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  // The output language is per thread: the workers write in the caller's.
  const Lang lang = output_lang();
  const auto work = [&] {
    const OutputLangScope language(lang);
    try {
      for (std::size_t i = next++; i < n; i = next++) {
        job(i);
      }
    } catch (...) {
      const std::lock_guard lock(failed_mutex);
      failed = failed ? failed : std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (std::thread& t : pool) {
    t.join();
  }
  if (failed) {
    std::rethrow_exception(failed);
  }
}

FoundFiles find_files(const std::vector<std::string>& paths,
                      Identity identity) {
  FoundFiles out;
  Collector found(out, identity);
  for (const std::string& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      found.add_error(path, cannot_read(path, errno));
    } else if (S_ISDIR(st.st_mode)) {
      walk(path, found);
    } else if (!S_ISREG(st.st_mode)) {
      found.add_error(path, not_regular(path));
    } else if (!is_rpx_debris(fs::path(path).filename().native())) {
      found.add_file(path, st);
    }
  }
  return out;
}

}  // namespace batch_detail

FoundFiles find_state_files(const std::vector<std::string>& paths) {
  return find_files(paths, Identity::now);
}

std::vector<BatchError> for_each_student(const std::vector<std::string>& paths,
                                         const BatchContext& context,
                                         const StudentVisitor& visit) {
  FoundFiles found = find_state_files(paths);
  const unsigned threads = thread_count();
  std::vector<Loaded> block;
  for (std::size_t first = 0; first < found.files.size(); first += k_block) {
    const std::size_t n = std::min(k_block, found.files.size() - first);
    block.assign(n, Loaded{});
    parallel_for(n, threads, [&](std::size_t i) {
      block[i] = load(found.files[first + i], context);
    });
    for (std::size_t i = 0; i < n; ++i) {
      if (block[i].error) {
        found.errors.push_back(std::move(*block[i].error));
      } else {
        visit(found.files[first + i], *block[i].state, block[i].assessment);
      }
    }
  }
  std::stable_sort(
      found.errors.begin(), found.errors.end(),
      [](const BatchError& a, const BatchError& b) { return a.file < b.file; });
  return found.errors;
}

}  // namespace rpx
