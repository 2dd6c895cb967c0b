// Replacing a file so that it holds the old content or the new one whatever
// happens (a crash, a kill, a full disk): every file rpx writes goes through
// here (docs/reliability.md).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rpx {

/// Test-only crash points (docs/reliability.md): the process `_exit`s at
/// the chosen moment of `AtomicFile::commit`.
enum class CrashPoint { none, after_temp_write, after_fsync, after_rename };

/// Whether a temporary file holds an flock while it is open. State saves
/// do, so that `remove_abandoned` can tell a live one from a crashed save's;
/// other writers need not (and so work on file systems without locks).
enum class TempLock : std::uint8_t { none, held };

/// A new file written under a temporary name, `.NAME.tmp.XXXXXX` (NAME the
/// target's file name, X in [A-Za-z0-9]), then renamed to its target. The
/// temporary file is made with `O_EXCL` (never an existing file, never
/// through a symlink). Destroyed before it is renamed, it removes the
/// temporary file. Errors throw `IoError` "cannot write NAME: reason", NAME
/// the name given for messages.
class AtomicFile {
 public:
  /// Creates the temporary file for `target` in `temp_dir`, or beside the
  /// target when `temp_dir` is empty (a rename never crosses file systems).
  /// `name` is the file named in messages (the user's spelling of a path
  /// whose symlinks lead to `target`).
  AtomicFile(std::filesystem::path target, std::filesystem::path name,
             const std::filesystem::path& temp_dir = {},
             TempLock lock = TempLock::none);
  ~AtomicFile();
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;

  const std::string& temp_path() const noexcept { return m_temp; }

  /// Gives the file `mode` exactly, whatever the umask.
  void set_mode(mode_t mode);
  /// Gives the file the target's owner, group and mode when the target
  /// exists (the owner only as root, the group when we belong to it: a
  /// failure there is passed over), else 0600.
  void keep_owner_and_mode();
  /// Gives the file group `group`; true when it has that group.
  bool set_group(gid_t group) noexcept;
  /// Writes all of `text` (retrying short writes and EINTR).
  void write(std::string_view text);

  /// Makes the file the target: `fsync`, checked `close`, `rename` over
  /// the target, `fsync` of its directory. `crash` stops the process at
  /// one of those moments (tests only).
  void commit(CrashPoint crash = CrashPoint::none);

  /// For a batch of files made durable together (one `syncfs`): closes the
  /// file without `fsync`; `publish_new` renames it later.
  void close();
  /// Renames the closed file to its target unless the target exists (then
  /// false, and the file stays temporary). The directory is not synced.
  bool publish_new();

  /// True when `name` is a temporary file name of some target.
  static bool is_temp_name(std::string_view name) noexcept;
  /// Removes the temporary files of `target` that no process holds locked:
  /// what saves that crashed left. The caller must hold the target's lock
  /// (`FileLock`), as every writer of the target does while its temporary
  /// file exists. Best effort: errors are passed over.
  static void remove_abandoned(const std::filesystem::path& target);

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_name;
  std::string m_temp;  // the temporary file's path
  int m_fd = -1;
  bool m_renamed = false;
};

}  // namespace rpx
