#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <rpx/atomic_file.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/import.hpp>
#include <rpx/uuid.hpp>
#include <string>
#include <vector>

namespace rpx {

namespace fs = std::filesystem;

namespace {

/// The staging directory of a running import, `DIR/.rpx-import.XXXXXX`:
/// the new files are written there, away from the names `store` cleans up,
/// and published from there. The import holds an flock on it while it runs,
/// so that a later import can tell an abandoned one (killed) from a live one.
constexpr std::string_view k_stage_prefix = ".rpx-import.";
constexpr std::string_view k_stage_suffix = "XXXXXX";

/// Removes what killed imports left in `dir_fd`: staging directories that
/// no process holds locked. Best effort.
void remove_abandoned_stages(int dir_fd) {
  DIR* d = ::fdopendir(::dup(dir_fd));
  if (d == nullptr) {
    return;
  }
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.starts_with(k_stage_prefix) &&
        name.size() == k_stage_prefix.size() + k_stage_suffix.size()) {
      names.emplace_back(name);
    }
  }
  ::closedir(d);
  for (const std::string& name : names) {
    const int fd = ::openat(dir_fd, name.c_str(),
                            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
      continue;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      if (DIR* stage = ::fdopendir(::dup(fd))) {
        while (const dirent* e = ::readdir(stage)) {
          ::unlinkat(fd, e->d_name, 0);  // fails harmlessly on . and ..
        }
        ::closedir(stage);
      }
      ::unlinkat(dir_fd, name.c_str(), AT_REMOVEDIR);
    }
    ::close(fd);
  }
}

/// A batch of new files in one directory that appear all together or not
/// at all (docs/import.md, "Durability"). Destroyed before `commit`, it
/// removes every file it wrote, and of those it had published only the
/// ones nobody has changed since.
class NewFiles {
 public:
  explicit NewFiles(const fs::path& dir)
      : m_dir(dir),
        m_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    struct stat st {};
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0) {
      const int err = errno;
      throw IoError(
          Message("error.cannot_open_dir",
                  {{"dir", dir.string()}, {"reason", errno_message(err)}}));
    }
    // An office share: let the directory's group read and write the files.
    if ((st.st_mode & S_IWGRP) != 0) {
      m_group = st.st_gid;
    }
    remove_abandoned_stages(m_fd);
  }
  ~NewFiles() {
    if (!m_committed) {
      roll_back();
    }
    if (m_stage_fd >= 0) {
      ::unlinkat(m_fd, m_stage.c_str(), AT_REMOVEDIR);
      ::close(m_stage_fd);
    }
    ::close(m_fd);
  }
  NewFiles(const NewFiles&) = delete;
  NewFiles& operator=(const NewFiles&) = delete;

  /// Writes `text` to the staging directory, for `commit` to publish as
  /// `name`.
  void write(const std::string& name, std::string text) {
    const fs::path file = m_dir / name;
    if (m_stage_fd < 0) {
      make_stage(file);
    }
    AtomicFile temp(file, file, m_dir / m_stage);
    // 0600, or 0660 when the file could be given the share's group (a file
    // in our own group is not widened: the group may be a large one).
    temp.set_mode(m_group && temp.set_group(*m_group) ? 0660 : 0600);
    temp.write(text);
    temp.close();
    struct stat st {};
    if (::stat(temp.temp_path().c_str(), &st) != 0) {
      fail_write(file, errno);
    }
    m_files.push_back(
        {std::move(temp), name, std::move(text), st.st_dev, st.st_ino});
  }

  /// Makes the files durable, then visible: one sync of the file system,
  /// renames that never replace a file, one sync of the directory. On a
  /// failure, rolls back and says what it kept.
  void commit() {
    try {
      sync_contents();
      for (; m_renamed < m_files.size(); ++m_renamed) {
        rename_into_place(m_files[m_renamed]);
      }
      sync_directory(m_dir, m_dir);
    } catch (const IoError& e) {
      const std::vector<std::string> kept = roll_back();
      if (kept.empty()) {
        throw;
      }
      throw IoError(
          Message("error.import.kept",
                  {{"error", e.message()},
                   {"files", fmt::format("{}", fmt::join(kept, ", "))}}));
    }
    m_committed = true;
  }

 private:
  struct File {
    AtomicFile temp;   // in the staging directory until published
    std::string name;  // final name in the directory
    std::string text;  // what was written
    dev_t dev;
    ino_t ino;
  };

  /// Makes and locks the staging directory; a failure names `file`, the
  /// first file that cannot be written.
  void make_stage(const fs::path& file) {
    std::string stage = (m_dir / std::string(k_stage_prefix)).string() +
                        std::string(k_stage_suffix);
    if (::mkdtemp(stage.data()) == nullptr) {
      fail_write(file, errno);
    }
    m_stage = fs::path(stage).filename().string();
    m_stage_fd = ::openat(m_fd, m_stage.c_str(),
                          O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_stage_fd < 0 || ::flock(m_stage_fd, LOCK_EX) != 0) {
      const int err = errno;
      ::unlinkat(m_fd, m_stage.c_str(), AT_REMOVEDIR);
      fail_write(file, err);
    }
  }

  /// Removes the staged files and the published ones that are still what
  /// this import wrote (same inode, same content), each under its lock
  /// file when one exists, so that a `done` saved meanwhile is never lost.
  /// Returns the published files kept.
  std::vector<std::string> roll_back() {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < m_renamed; ++i) {
      if (!remove_if_unchanged(m_files[i])) {
        kept.push_back((m_dir / m_files[i].name).string());
      }
    }
    m_files.clear();  // removes the staged ones
    m_renamed = 0;
    m_committed = true;
    return kept;
  }

  bool remove_if_unchanged(const File& f) const {
    const std::string lock_name = f.name + ".lock";
    const int lock = ::openat(m_fd, lock_name.c_str(),
                              O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct Unlock {
      int fd;
      ~Unlock() {
        if (fd >= 0) {
          ::close(fd);
        }
      }
    } unlock{lock};
    if (lock >= 0 && ::flock(lock, LOCK_EX | LOCK_NB) != 0) {
      return false;  // an rpx is changing it right now
    }
    const int fd = ::openat(m_fd, f.name.c_str(),
                            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      return errno == ENOENT;
    }
    struct stat st {};
    bool same = ::fstat(fd, &st) == 0 && st.st_dev == f.dev &&
                st.st_ino == f.ino &&
                static_cast<std::size_t>(st.st_size) == f.text.size();
    if (same) {
      std::string text(f.text.size(), '\0');
      same = ::pread(fd, text.data(), text.size(), 0) ==
                 static_cast<ssize_t>(text.size()) &&
             text == f.text;
    }
    ::close(fd);
    return same && ::unlinkat(m_fd, f.name.c_str(), 0) == 0;
  }

  /// Every staged file's data and inode on disk: one `syncfs` instead
  /// of an `fsync` per file, which is what makes 10^5 files take seconds.
  void sync_contents() const {
    if (::syncfs(m_fd) == 0) {
      return;
    }
    if (errno != ENOSYS) {
      fail_write(m_dir, errno);
    }
    for (const File& f : m_files) {  // no syncfs: one fsync per file
      const int fd = ::open(f.temp.temp_path().c_str(), O_RDONLY | O_CLOEXEC);
      const int rc = fd < 0 ? -1 : ::fsync(fd);
      const int err = errno;
      if (fd >= 0) {
        ::close(fd);
      }
      if (rc != 0) {
        fail_write(m_dir / f.name, err);
      }
    }
  }

  void rename_into_place(File& f) const {
    if (!f.temp.publish_new()) {
      throw IoError(Message("error.import.appeared",
                            {{"file", (m_dir / f.name).string()}}));
    }
  }

  fs::path m_dir;
  int m_fd;
  std::string m_stage;  // name of the staging directory in m_dir
  int m_stage_fd = -1;
  std::optional<gid_t> m_group;
  std::vector<File> m_files;
  std::size_t m_renamed = 0;
  bool m_committed = false;
};

ImportItem plan_existing(const RosterRow& row, std::size_t index,
                         const fs::path& file, UpdateExisting update) {
  ImportItem item{index, file, ImportAction::unchanged, {}, {}};
  if (update == UpdateExisting::no) {
    return item;
  }
  const StudentState old = StateStore(file).load();
  if (old.schema > k_schema_version) {
    // The save would refuse it; refuse it now, before anything is written.
    throw DataError(
        Message("error.state.newer_schema", {{"file", file.string()},
                                             {"schema", old.schema},
                                             {"known", k_schema_version}}));
  }
  if (old.name != row.name || old.current.expiry != row.expiry) {
    item.action = ImportAction::update;
    item.old_name = old.name;
    item.old_expiry = old.current.expiry;
  }
  return item;
}

void write_new_files(const ImportPlan& plan, const Roster& roster,
                     const StoreOptions& options) {
  if (plan.count(ImportAction::create) == 0) {
    return;  // syncfs would flush the whole file system for nothing
  }
  NewFiles batch(plan.dir);
  for (const ImportItem& item : plan.items) {
    if (item.action == ImportAction::create) {
      StudentState state =
          state_from_row(roster.rows[item.row], roster.extra_columns);
      state.rules = options.rules;  // as every save records them
      batch.write(item.file.filename().string(), serialize_state(state));
    }
  }
  batch.commit();
  if (options.on_saved) {
    options.on_saved(plan.dir);
  }
}

}  // namespace

std::size_t ImportPlan::count(ImportAction action) const noexcept {
  std::size_t n = 0;
  for (const ImportItem& item : items) {
    n += item.action == action ? 1 : 0;
  }
  return n;
}

fs::path state_file_for(const fs::path& dir, std::string_view student_id) {
  return dir / (std::string(student_id) + ".json");
}

StudentState state_from_row(const RosterRow& row,
                            const std::vector<std::string>& extra_columns) {
  StudentState s;
  s.uuid = make_uuid();
  s.revision = 1;
  s.name = row.name;
  s.student_id = row.student_id;
  s.current.expiry = row.expiry;
  for (std::size_t i = 0; i < extra_columns.size() && i < row.extra.size();
       ++i) {
    s.unknown.emplace_back(extra_columns[i],
                           nlohmann::json(row.extra[i]).dump());
  }
  return s;
}

ImportPlan plan_import(const Roster& roster, const fs::path& dir,
                       UpdateExisting update) {
  ImportPlan plan;
  plan.dir = dir;
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (const int err = errno; err != ENOENT) {
      throw IoError(
          Message("error.cannot_read_dir",
                  {{"dir", dir.string()}, {"reason", errno_message(err)}}));
    }
    plan.create_dir = true;
  } else if (!S_ISDIR(st.st_mode)) {
    throw IoError(
        Message("error.import.not_a_directory", {{"dir", dir.string()}}));
  }
  plan.items.reserve(roster.rows.size());
  for (std::size_t i = 0; i < roster.rows.size(); ++i) {
    const RosterRow& row = roster.rows[i];
    fs::path file = state_file_for(dir, row.student_id);
    struct stat fst {};
    if (plan.create_dir || ::lstat(file.c_str(), &fst) != 0) {
      if (const int err = errno; !plan.create_dir && err != ENOENT) {
        throw IoError(
            Message("error.cannot_read",
                    {{"file", file.string()}, {"reason", errno_message(err)}}));
      }
      plan.items.push_back({i, std::move(file), ImportAction::create, {}, {}});
    } else if (!S_ISREG(fst.st_mode)) {
      // A symlink could lead out of DIR, a dangling one is not "unchanged":
      // inside DIR, import touches regular files only.
      try {
        require_regular(file, fst.st_mode);
      } catch (const DataError& e) {
        throw DataError(
            Message("error.import.regular_only",
                    {{"error", e.message()}, {"dir", dir.string()}}));
      }
    } else {
      plan.items.push_back(plan_existing(row, i, file, update));
    }
  }
  return plan;
}

void execute_import(const ImportPlan& plan, const Roster& roster,
                    const StoreOptions& options) {
  // State files hold passport details: new directories are private.
  const std::vector<fs::path> made = make_dirs(plan.dir, 0700);
  try {
    write_new_files(plan, roster, options);
  } catch (...) {
    // All or nothing: the directories too (rmdir only removes empty ones).
    for (auto it = made.rbegin(); it != made.rend(); ++it) {
      ::rmdir(it->c_str());
    }
    throw;
  }
  // The new directories' own entries, so that the files can be found.
  for (const fs::path& d : made) {
    sync_directory(d.parent_path(), d.parent_path());
  }
  for (const ImportItem& item : plan.items) {
    if (item.action == ImportAction::update) {
      const RosterRow& row = roster.rows[item.row];
      StateStore(item.file, options).update([&](StudentState& s) {
        s.name = row.name;
        s.current.expiry = row.expiry;
      });
    }
  }
}

}  // namespace rpx
