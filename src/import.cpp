#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/import.hpp>
#include <string>
#include <vector>

namespace rpx {

namespace fs = std::filesystem;

namespace {

/// mkstemp replaces these six characters; the pattern is store's, so that
/// the next save of the file removes a temporary file a crash left behind.
constexpr std::string_view k_temp_suffix = ".tmp.XXXXXX";

/// Makes `dir` and its missing parents with mode 0700, whatever the umask
/// (state files hold passport details). Returns the directories made,
/// outermost first.
std::vector<fs::path> make_directories(const fs::path& dir) {
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
    if (::mkdir(p.c_str(), 0700) == 0) {
      ::chmod(p.c_str(), 0700);
    } else if (errno != EEXIST) {
      throw IoError(fmt::format("cannot create directory {}: {}", p.string(),
                                std::strerror(errno)));
    }
  }
  return missing;
}

/// A batch of new files in one directory that appear all together or not
/// at all (docs/import.md, "Durability"). Destroyed before `commit`, it
/// removes every file it wrote.
class NewFiles {
 public:
  explicit NewFiles(const fs::path& dir)
      : m_dir(dir),
        m_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    struct stat st {};
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0) {
      throw IoError(fmt::format("cannot open directory {}: {}", dir.string(),
                                std::strerror(errno)));
    }
    // An office share: let the directory's group read and write the files.
    if ((st.st_mode & S_IWGRP) != 0) {
      m_group = st.st_gid;
    }
  }
  ~NewFiles() {
    if (!m_committed) {
      for (std::size_t i = 0; i < m_files.size(); ++i) {
        ::unlinkat(m_fd, m_files[i].temp.c_str(), 0);
        if (i < m_renamed) {
          ::unlinkat(m_fd, m_files[i].name.c_str(), 0);
        }
      }
    }
    ::close(m_fd);
  }
  NewFiles(const NewFiles&) = delete;
  NewFiles& operator=(const NewFiles&) = delete;

  /// Writes `text` to a temporary file that `commit` renames to `name`.
  void write(const std::string& name, std::string_view text) {
    const fs::path file = m_dir / name;
    std::string temp =
        (m_dir / ("." + name)).string() + std::string(k_temp_suffix);
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
      fail_write(file, errno);
    }
    m_files.push_back({name, fs::path(temp).filename().string()});
    struct Closer {
      int fd;
      ~Closer() {
        if (fd >= 0) {
          ::close(fd);
        }
      }
    } closer{fd};
    set_mode(fd, file);
    write_all(fd, text, file);
    closer.fd = -1;
    // NFS reports write errors on close.
    if (::close(fd) != 0) {
      fail_write(file, errno);
    }
  }

  /// Makes the files durable, then visible: one sync of the file system,
  /// renames that never replace a file, one sync of the directory.
  void commit() {
    sync_contents();
    for (; m_renamed < m_files.size(); ++m_renamed) {
      rename_into_place(m_files[m_renamed]);
    }
    sync_directory(m_dir, m_dir);
    m_committed = true;
  }

 private:
  struct File {
    std::string name;  // final name in the directory
    std::string temp;  // temporary name in the directory
  };

  /// 0600, or 0660 when the file could be given the share's group (a file
  /// in our own group is not widened: the group may be a large one).
  void set_mode(int fd, const fs::path& file) const {
    mode_t mode = 0600;
    if (m_group) {
      struct stat st {};
      if (::fchown(fd, static_cast<uid_t>(-1), *m_group) == 0 ||
          (::fstat(fd, &st) == 0 && st.st_gid == *m_group)) {
        mode = 0660;
      }
    }
    if (::fchmod(fd, mode) != 0) {
      fail_write(file, errno);
    }
  }

  /// Every temporary file's data and inode on disk: one `syncfs` instead
  /// of an `fsync` per file, which is what makes 10^5 files take seconds.
  void sync_contents() const {
    if (::syncfs(m_fd) == 0) {
      return;
    }
    if (errno != ENOSYS) {
      fail_write(m_dir, errno);
    }
    for (const File& f : m_files) {  // no syncfs: one fsync per file
      const int fd = ::openat(m_fd, f.temp.c_str(), O_RDONLY | O_CLOEXEC);
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

  void rename_into_place(const File& f) const {
    int rc = ::renameat2(m_fd, f.temp.c_str(), m_fd, f.name.c_str(),
                         RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
      // No RENAME_NOREPLACE on this file system: a hard link fails just
      // the same when the name exists.
      rc = ::linkat(m_fd, f.temp.c_str(), m_fd, f.name.c_str(), 0);
      if (rc == 0) {
        ::unlinkat(m_fd, f.temp.c_str(), 0);
      }
    }
    if (rc != 0 && errno == EEXIST) {
      throw IoError(fmt::format(
          "cannot create {}: it appeared while importing (another rpx?); "
          "nothing was imported: run the import again",
          (m_dir / f.name).string()));
    }
    if (rc != 0) {
      fail_write(m_dir / f.name, errno);
    }
  }

  fs::path m_dir;
  int m_fd;
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
    throw DataError(fmt::format(
        "{} was written by a newer rpx (schema {}); this rpx knows schema {} "
        "and will not overwrite it \u2014 upgrade rpx",
        file.string(), old.schema, k_schema_version));
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
    if (errno != ENOENT) {
      throw IoError(fmt::format("cannot read directory {}: {}", dir.string(),
                                std::strerror(errno)));
    }
    plan.create_dir = true;
  } else if (!S_ISDIR(st.st_mode)) {
    throw IoError(
        fmt::format("cannot import into {}: not a directory", dir.string()));
  }
  plan.items.reserve(roster.rows.size());
  for (std::size_t i = 0; i < roster.rows.size(); ++i) {
    const RosterRow& row = roster.rows[i];
    fs::path file = state_file_for(dir, row.student_id);
    struct stat fst {};
    if (plan.create_dir || ::lstat(file.c_str(), &fst) != 0) {
      if (!plan.create_dir && errno != ENOENT) {
        throw IoError(fmt::format("cannot read {}: {}", file.string(),
                                  std::strerror(errno)));
      }
      plan.items.push_back({i, std::move(file), ImportAction::create, {}, {}});
    } else {
      plan.items.push_back(plan_existing(row, i, file, update));
    }
  }
  return plan;
}

void execute_import(const ImportPlan& plan, const Roster& roster,
                    const StoreOptions& options) {
  const std::vector<fs::path> made = make_directories(plan.dir);
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
