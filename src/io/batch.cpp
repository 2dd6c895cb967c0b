#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <rpx/atomic_file.hpp>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/json_util.hpp>
#include <rpx/messages.hpp>
#include <rpx/state_pack.hpp>
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

/// When a walk learns which file a path names (its device and inode).
enum class Identity {
  /// Now: every file is `stat`ed, and a file reached twice is listed once.
  now,
  /// Later, from the reader's `fstat`: a regular file the directory
  /// listing vouches for is not `stat`ed, and duplicates are the reader's
  /// to drop (`read_cohort`).
  later
};

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

FileKey key_of(const struct stat& st) {
  // st_ino 0: fstat failed and left it untouched.
  return FileKey{st.st_dev, st.st_ino};
}

/// Reads `file` (open, fstat, read, close: nothing more) and assesses it.
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

/// Calls `job(i)` for every i in [0, n) on `threads` threads; rethrows the
/// first exception a job let through (a bug, or out of memory).
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

}  // namespace

namespace {

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

}  // namespace

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

// read_cohort and Cohort.

namespace {

/// Where packed students live: chunks that never move, so that a record
/// can point into them.
class Arena {
 public:
  std::string_view add(std::string_view bytes) {
    if (m_chunks.empty() || m_used + bytes.size() > m_size) {
      m_size = std::max(k_chunk, bytes.size());
      m_chunks.push_back(std::make_unique<char[]>(m_size));
      m_used = 0;
    }
    char* at = m_chunks.back().get() + m_used;
    std::copy(bytes.begin(), bytes.end(), at);
    m_used += bytes.size();
    return {at, bytes.size()};
  }

 private:
  static constexpr std::size_t k_chunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::size_t m_used = 0;
  std::size_t m_size = 0;
};

/// File names, one after another in one buffer: a `std::string` each would
/// take twice the room at 10^5 files.
class Paths {
 public:
  Paths() = default;
  explicit Paths(const std::vector<std::string>& files) {
    std::size_t total = 0;
    for (const std::string& f : files) {
      total += f.size();
    }
    m_text.reserve(total);
    m_ends.reserve(files.size());
    for (const std::string& f : files) {
      m_text += f;
      m_ends.push_back(m_text.size());
    }
  }

  std::size_t size() const noexcept { return m_ends.size(); }
  std::string_view operator[](std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
    return std::string_view(m_text).substr(begin, m_ends[i] - begin);
  }

 private:
  std::string m_text;
  std::vector<std::size_t> m_ends;
};

/// One kept student: 32 bytes and its packed state (none: not kept).
struct Kept {
  std::string_view packed;
  std::uint32_t file = 0;  // index into the paths
  /// `urgent_date` as days since 1970; k_no_date for none.
  std::int32_t when = 0;
  Phase phase = Phase::upcoming;
};

constexpr std::int32_t k_no_date = std::numeric_limits<std::int32_t>::min();

/// What one worker thread of read_cohort gathers.
struct WorkerOut {
  Arena arena;
  std::vector<std::pair<std::uint32_t, BatchError>> errors;
  std::string scratch;
};

/// Sorts `items` by `less`, in two halves on two threads when there are
/// two and the halves are worth it, then merged.
template <class T, class Less>
void sort_on(unsigned threads, std::vector<T>& items, const Less& less) {
  constexpr std::ptrdiff_t k_worth_a_thread = 4096;
  const auto first = items.begin();
  const auto last = items.end();
  if (threads < 2 || last - first < 2 * k_worth_a_thread) {
    std::sort(first, last, less);
    return;
  }
  const auto middle = first + (last - first) / 2;
  std::thread half([&] { std::sort(first, middle, less); });
  std::sort(middle, last, less);
  half.join();
  std::inplace_merge(first, middle, last, less);
}

/// Files taken by a worker at a time: few enough to share out evenly.
constexpr std::size_t k_grab = 16;
/// Students rendered between two writes.
constexpr std::size_t k_render_block = 1024;

}  // namespace

struct Cohort::Data {
  BatchContext context;
  unsigned workers = 1;
  Paths files;
  std::vector<std::unique_ptr<WorkerOut>> out;  // owns the arenas
  std::vector<Kept> kept;                       // in check's order
  PhaseCounts counts;
  std::vector<BatchError> errors;

  /// Calls `each(worker, i)` for every kept student index on the workers.
  void spread(std::size_t n,
              const std::function<void(unsigned, std::size_t)>& each) const {
    std::atomic<unsigned> next_worker{0};
    std::atomic<std::size_t> next{0};
    const unsigned threads = static_cast<unsigned>(
        std::min<std::size_t>(workers, std::max<std::size_t>(1, n / k_grab)));
    parallel_for(threads, threads, [&](std::size_t) {
      const unsigned worker = next_worker++;
      for (std::size_t first = next.fetch_add(k_grab); first < n;
           first = next.fetch_add(k_grab)) {
        for (std::size_t i = first; i < std::min(n, first + k_grab); ++i) {
          each(worker, i);
        }
      }
    });
  }

  void with_student(std::size_t i, const Visit& visit) const {
    const Kept& k = kept[i];
    const StudentState s = unpack_state(k.packed);
    visit(std::string(files[k.file]), s,
          assess(s, context.rules, context.calendar, context.today,
                 context.options));
  }
};

Cohort::Cohort(const BatchContext& context)
    : m(std::make_unique<Data>(
          Data{context, thread_count(), {}, {}, {}, {}, {}})) {}
Cohort::Cohort(Cohort&&) noexcept = default;
Cohort::~Cohort() = default;

std::size_t Cohort::size() const noexcept { return m->kept.size(); }
const PhaseCounts& Cohort::counts() const noexcept { return m->counts; }
const std::vector<BatchError>& Cohort::errors() const noexcept {
  return m->errors;
}
unsigned Cohort::workers() const noexcept { return m->workers; }

void Cohort::render_in_order(
    const Render& render,
    const std::function<void(std::string_view)>& out) const {
  std::vector<std::string> texts;
  for (std::size_t first = 0; first < m->kept.size(); first += k_render_block) {
    const std::size_t n = std::min(k_render_block, m->kept.size() - first);
    texts.assign(n, std::string());
    m->spread(n, [&](unsigned, std::size_t i) {
      m->with_student(
          first + i,
          [&](const std::string& file, const StudentState& s,
              const Assessment& a) { texts[i] = render(file, s, a); });
    });
    for (const std::string& t : texts) {
      out(t);
    }
  }
}

void Cohort::visit_unordered(const WorkerVisit& visit) const {
  m->spread(m->kept.size(), [&](unsigned worker, std::size_t i) {
    m->with_student(i, [&](const std::string& file, const StudentState& s,
                           const Assessment& a) { visit(worker, file, s, a); });
  });
}

Cohort read_cohort(const std::vector<std::string>& paths,
                   const BatchContext& context, const StudentFilter& keep) {
  Cohort cohort(context);
  Cohort::Data& d = *cohort.m;
  FoundFiles found = find_files(paths, Identity::later);
  const std::size_t n = found.files.size();
  d.files = Paths(found.files);
  std::vector<std::string>().swap(found.files);
  std::vector<FileKey> keys(n);
  d.kept.resize(n);  // by file for now; only the kept ones stay
  d.out.resize(d.workers);
  for (auto& w : d.out) {
    w = std::make_unique<WorkerOut>();
  }
  d.spread(n, [&](unsigned worker, std::size_t i) {
    WorkerOut& w = *d.out[worker];
    const std::string file(d.files[i]);
    Loaded l = load(file, context, keys[i]);
    const auto index = static_cast<std::uint32_t>(i);
    if (l.error) {
      w.errors.emplace_back(index, std::move(*l.error));
      return;
    }
    if (!keep(file, *l.state, l.assessment)) {
      return;
    }
    w.scratch.clear();
    pack_state(*l.state, w.scratch);
    const std::optional<Date> when = urgent_date(l.assessment);
    d.kept[i] =
        Kept{w.arena.add(w.scratch), index,
             when ? static_cast<std::int32_t>(when->time_since_epoch().count())
                  : k_no_date,
             l.assessment.phase};
  });

  // A file reached by two paths: the first in the walk's order stays.
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i].known()) {
      order.push_back(static_cast<std::uint32_t>(i));
    }
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(keys[a], a) < std::tie(keys[b], b);
  });
  std::vector<bool> again(n, false);
  for (std::size_t k = 1; k < order.size(); ++k) {
    again[order[k]] = keys[order[k]] == keys[order[k - 1]];
  }
  std::vector<std::uint32_t>().swap(order);
  std::vector<FileKey>().swap(keys);

  d.kept.erase(std::remove_if(d.kept.begin(), d.kept.end(),
                              [&](const Kept& k) {
                                return k.packed.data() == nullptr ||
                                       again[k.file];
                              }),
               d.kept.end());
  d.kept.shrink_to_fit();
  for (const Kept& k : d.kept) {
    d.counts.add(k.phase);
  }
  d.errors = std::move(found.errors);
  for (auto& w : d.out) {
    for (auto& [file, error] : w->errors) {
      if (!again[file]) {
        d.errors.push_back(std::move(error));
      }
    }
    w->errors.clear();
  }
  std::stable_sort(
      d.errors.begin(), d.errors.end(),
      [](const BatchError& a, const BatchError& b) { return a.file < b.file; });
  // more_urgent, on the packed records.
  sort_on(d.workers, d.kept, [&](const Kept& a, const Kept& b) {
    if (a.phase != b.phase) {
      return a.phase < b.phase;
    }
    if (a.when != b.when) {
      return a.when < b.when;
    }
    const std::string_view ida = packed_student_id(a.packed);
    const std::string_view idb = packed_student_id(b.packed);
    if (ida != idb) {
      return ida < idb;
    }
    return d.files[a.file] < d.files[b.file];
  });
  return cohort;
}

}  // namespace rpx
