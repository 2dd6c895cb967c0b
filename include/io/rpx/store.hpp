// Finding, locking, reading and atomically writing state files. The only
// module that touches them on disk.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <rpx/atomic_file.hpp>
#include <rpx/messages.hpp>
#include <rpx/state.hpp>
#include <string>

namespace rpx {

/// The default state file: `$XDG_DATA_HOME/rpx/state.json` when
/// `xdg_data_home` is an absolute path (the XDG spec says to ignore a
/// relative one), else `home/.local/share/rpx/state.json`.
std::filesystem::path default_state_path(std::string_view xdg_data_home,
                                         std::string_view home);

enum class Overwrite { no, yes };

struct StoreOptions {
  /// How long to wait for another rpx's lock before `LockTimeout`.
  std::chrono::milliseconds lock_wait{5000};
  CrashPoint crash = CrashPoint::none;
  /// The id of the rules in force; every save records it in the file's
  /// `rules` member. "" keeps what the state holds.
  std::string rules = {};
  /// Called with the file's name once a save is in place (the rename
  /// done), so that a later failure can say the change was saved.
  std::function<void(const std::filesystem::path&)> on_saved = {};
};

/// One state file on disk, with its lock file beside it (`FILE.lock`).
class StateStore {
 public:
  explicit StateStore(std::filesystem::path file, StoreOptions options = {});

  const std::filesystem::path& file() const noexcept { return m_file; }

  /// Reads and parses the file, without locking (a save is an atomic
  /// rename, so a reader always sees a whole file). Throws `NoStateFile`,
  /// `IoError` or `DataError`.
  StudentState load() const;

  /// What `create` did with a file it replaced that this rpx cannot read
  /// (unparsable, or of a newer schema).
  struct Backup {
    std::filesystem::path file;  // the old file, kept under this name
    Message reason;              // why it could not be read
  };

  /// Creates the file (parents 0700, file 0600) with `state`, revision 1,
  /// in the current schema. Throws `WouldOverwrite` when it exists and
  /// `overwrite` is no. A file replaced that this rpx cannot read is first
  /// linked to `FILE.bak` (`.bak.2`, ... when taken), returned.
  std::optional<Backup> create(StudentState state, Overwrite overwrite);

  /// Locked read-modify-write: loads, calls `change`, raises the revision,
  /// saves atomically in the current schema (migrating an older file), and
  /// returns the saved state. Nothing is written when `change` throws, or
  /// changes nothing (the file, its revision and schema stay as they were).
  /// Throws `LockTimeout` after the wait, `DataError` for a file of a newer
  /// schema.
  StudentState update(const std::function<void(StudentState&)>& change);

 private:
  void saved() const;

  std::filesystem::path m_file;
  StoreOptions m_options;
};

}  // namespace rpx
