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
#include <rpx/store.hpp>
#include <thread>
#include <unordered_set>

namespace rpx {

namespace fs = std::filesystem;

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
  explicit Collector(FoundFiles& out) : m_out(out) {}

  void add_file(const fs::path& file, const struct stat& st) {
    if (m_seen.insert(fmt::format("{}:{}", st.st_dev, st.st_ino)).second) {
      m_out.files.push_back(file.string());
    }
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
  std::unordered_set<std::string> m_seen;
};

/// Depth-first with an explicit stack: a deep tree cannot overflow ours.
void walk(const fs::path& root, Collector& found) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      entries.push_back(*it);
    }
    // By name, so that of two paths to one file the same one is kept.
    std::sort(entries.begin(), entries.end());
    for (const fs::directory_entry& entry : entries) {
      std::error_code type_ec;
      // The listing's type (no stat) tells directories to walk; links are
      // not followed into directories.
      if (!entry.is_symlink(type_ec) && entry.is_directory(type_ec)) {
        pending.push_back(entry.path());
      } else if (is_state_file_name(entry.path().filename().native())) {
        found.add_found(entry.path());
      }
    }
    if (ec) {
      found.add_error(dir.string(), cannot_read(dir.string(), ec.value()));
    }
  }
}

/// One file, read and assessed, or why it could not be.
struct Loaded {
  std::optional<StudentState> state;
  Assessment assessment;
  std::optional<BatchError> error;
};

Loaded load(const std::string& file, const BatchContext& context) {
  Loaded out;
  try {
    out.state = StateStore(file).load();
    out.assessment = assess(*out.state, context.rules, context.calendar,
                            context.today, context.options);
  } catch (const NoStateFile&) {
    // Gone since the walk: its message would tell staff to run init.
    out.error = BatchError{file, cannot_read(file, ENOENT)};
  } catch (const Error& e) {
    // DataError and IoError name the file and the place; any other error
    // of one file must not end the batch either.
    out.error = BatchError{file, e.message()};
  }
  return out;
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

/// Calls `job(i)` for every i in [0, n) on `threads` threads; rethrows the
/// first exception a job let through (a bug, or out of memory).
void parallel_for(std::size_t n, unsigned threads,
                  const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  const auto work = [&] {
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

}  // namespace

FoundFiles find_state_files(const std::vector<std::string>& paths) {
  FoundFiles out;
  Collector found(out);
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
