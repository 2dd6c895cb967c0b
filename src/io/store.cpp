#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <rpx/atomic_file.hpp>
#include <rpx/errors.hpp>
#include <rpx/file_lock.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/json_util.hpp>
#include <rpx/store.hpp>
#include <rpx/uuid.hpp>

namespace rpx {

namespace fs = std::filesystem;

namespace {

NoStateFile no_state_file(const fs::path& file) {
  return NoStateFile(Message("error.state.no_file", {{"file", file.string()}}));
}

/// Refuses a path that can only name a directory (`x.json/`, `.`, `..`),
/// before anything is made: `init` would create `x.json/` and
/// `x.json/.lock`, then refuse.
void check_name(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.empty() || name == "." || name == "..") {
    throw UsageError(
        Message("error.state.names_directory", {{"file", file.string()}}));
  }
}

/// What a change needs of a state file that exists.
enum class Need { nothing, write, read_write };

/// Refuses a target that is a directory or that the user may not read or
/// write, as `need` says; true when it exists. A read-only file means "do
/// not change": the rename of a save would replace it all the same, so it
/// must be refused here. Checked before locking, so that a refused path
/// gets no lock file; other errors are left to the lock and the read, which
/// name them.
bool check_target(const fs::path& file, const fs::path& target, Need need) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    return errno != ENOENT;
  }
  // A device, a FIFO or a socket is not ours to replace (as root, `init
  // --force` turned /dev/null into a regular file).
  require_regular(file, st.st_mode);
  const auto denied = [&](int mode) {
    return ::faccessat(AT_FDCWD, target.c_str(), mode, AT_EACCESS) != 0 &&
           (errno == EACCES || errno == EPERM || errno == EROFS);
  };
  if (need == Need::read_write && denied(R_OK)) {
    const int err = errno;
    throw IoError(
        Message("error.cannot_read",
                {{"file", file.string()}, {"reason", errno_message(err)}}));
  }
  if (need != Need::nothing && denied(W_OK)) {
    fail_write(file, errno);
  }
  return true;
}

enum class KeepMode { no, yes };

/// Replaces `target` by `text` so that it holds either the old or the new
/// content whatever happens (`AtomicFile`). `file` is the name the user
/// gave, for messages. Removes what earlier saves that crashed left behind
/// first, even for a new file: the crash may have been that of the very
/// first save.
void write_atomically(const fs::path& file, const fs::path& target,
                      std::string_view text, KeepMode keep, CrashPoint crash) {
  AtomicFile::remove_abandoned(target);
  AtomicFile out(target, file, {}, TempLock::held);
  if (keep == KeepMode::yes) {
    out.keep_owner_and_mode();
  } else {
    out.set_mode(0600);
  }
  out.write(text);
  out.commit(crash);
}

/// The text a save writes: indented, or compact when indented it would be
/// larger than the reader accepts. A text the reader would refuse (too
/// large even so, a date past 2100 from a wrong clock, a value out of its
/// range) is refused before anything is written: rpx never writes a file it
/// cannot read back.
std::string encode(const StudentState& state, const fs::path& file) {
  std::string text = serialize_state(state, Layout::indented);
  if (text.size() > json_util::k_max_file_bytes) {
    text = serialize_state(state, Layout::compact);
  }
  if (text.size() > json_util::k_max_file_bytes) {
    throw DataError(Message("error.state.too_large",
                            {{"file", file.string()}, {"size", text.size()}}));
  }
  try {
    parse_state(text, file.string());
  } catch (const DataError& e) {
    throw DataError(
        Message("error.state.unreadable_result",
                {{"file", file.string()}, {"reason", e.message()}}));
  }
  return text;
}

/// Brings `state` to the current schema: every save writes it, so an older
/// file is migrated the first time it changes.
void stamp(StudentState& state, const StoreOptions& options) {
  state.schema = k_schema_version;
  if (!options.rules.empty()) {
    state.rules = options.rules;
  }
}

void refuse_newer(const fs::path& file, int schema) {
  if (schema > k_schema_version) {
    throw DataError(
        Message("error.state.newer_schema", {{"file", file.string()},
                                             {"schema", schema},
                                             {"known", k_schema_version}}));
  }
}

/// Before `init --force` replaces `target`: when this rpx cannot read it
/// (a hand-edit gone wrong, a newer rpx's file), keeps it by a hard link
/// `TARGET.bak` (or `.bak.2`, ...), so that nothing is lost. Called under
/// the lock.
std::optional<StateStore::Backup> back_up_unreadable(const fs::path& file,
                                                     const fs::path& target) {
  std::optional<Message> reason;
  try {
    const StudentState old = parse_state(
        read_file(target, json_util::k_max_file_bytes), file.string());
    if (old.schema <= k_schema_version) {
      return std::nullopt;
    }
    reason = Message("error.state.backup_newer", {{"schema", old.schema}});
  } catch (const DataError& e) {
    reason = e.message();
  }
  for (int n = 1;; ++n) {
    const fs::path backup =
        target.string() + (n == 1 ? ".bak" : fmt::format(".bak.{}", n));
    if (::link(target.c_str(), backup.c_str()) == 0) {
      sync_directory(dir_of(target), file);
      return StateStore::Backup{backup, *reason};
    }
    if (const int err = errno; err != EEXIST) {
      throw IoError(Message("error.state.cannot_back_up",
                            {{"file", file.string()},
                             {"reason", *reason},
                             {"backup", backup.string()},
                             {"error", errno_message(err)}}));
    }
  }
}

}  // namespace

fs::path default_state_path(std::string_view xdg_data_home,
                            std::string_view home) {
  // The XDG spec: a relative $XDG_DATA_HOME is invalid and must be ignored.
  if (!xdg_data_home.empty() && xdg_data_home.front() == '/') {
    return fs::path(xdg_data_home) / "rpx" / "state.json";
  }
  return fs::path(home) / ".local" / "share" / "rpx" / "state.json";
}

StateStore::StateStore(fs::path file, StoreOptions options)
    : m_file(std::move(file)), m_options(std::move(options)) {}

void StateStore::saved() const {
  if (m_options.on_saved) {
    m_options.on_saved(m_file);
  }
}

StudentState StateStore::load() const {
  check_name(m_file);
  std::string text;
  try {
    text = read_file(m_file, json_util::k_max_file_bytes);
  } catch (const IoError&) {
    // Only now ask why: a file that opens needs no extra system call.
    struct stat st {};
    if (::stat(m_file.c_str(), &st) != 0 && errno == ENOENT) {
      throw no_state_file(m_file);
    }
    throw;
  }
  return parse_state(text, m_file.string());
}

std::optional<StateStore::Backup> StateStore::create(StudentState state,
                                                     Overwrite overwrite) {
  check_name(m_file);
  refuse_newer(m_file, state.schema);
  const fs::path target = resolve_symlinks(m_file);
  check_target(m_file, target,
               overwrite == Overwrite::yes ? Need::write : Need::nothing);
  // A state file holds a passport's story: new directories are private.
  make_dirs(dir_of(target), 0700);
  const FileLock lock(m_file, target, m_options.lock_wait);
  struct stat st {};
  const bool exists = ::lstat(target.c_str(), &st) == 0;
  if (exists) {
    require_regular(m_file, st.st_mode);
  }
  if (exists && overwrite == Overwrite::no) {
    throw WouldOverwrite(
        Message("error.state.already_exists", {{"file", m_file.string()}}));
  }
  std::optional<Backup> backup;
  if (exists) {
    backup = back_up_unreadable(m_file, target);
  }
  if (state.uuid.empty()) {
    state.uuid = make_uuid();
  }
  state.revision = 1;
  stamp(state, m_options);
  write_atomically(m_file, target, encode(state, m_file), KeepMode::no,
                   m_options.crash);
  saved();
  return backup;
}

StudentState StateStore::update(
    const std::function<void(StudentState&)>& change) {
  check_name(m_file);
  const fs::path target = resolve_symlinks(m_file);
  // Checked before locking, so that a wrong path leaves no lock file behind.
  if (!check_target(m_file, target, Need::read_write)) {
    throw no_state_file(m_file);
  }
  const FileLock lock(m_file, target, m_options.lock_wait);
  StudentState state = load();
  refuse_newer(m_file, state.schema);
  const StudentState before = state;
  change(state);
  if (state == before) {
    return state;  // nothing changed: nothing to write
  }
  if (state.revision == std::numeric_limits<std::int64_t>::max()) {
    throw DataError(Message("error.at_pointer",
                            {{"file", m_file.string()},
                             {"pointer", "/revision"},
                             {"reason", Message("error.state.revision_max")}}));
  }
  ++state.revision;
  stamp(state, m_options);
  write_atomically(m_file, target, encode(state, m_file), KeepMode::yes,
                   m_options.crash);
  saved();
  return state;
}

}  // namespace rpx
