// Small file-system helpers: reading files, making directories, naming
// write errors. Writing a file is `AtomicFile`'s (atomic_file.hpp).
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <rpx/messages.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace rpx {

/// Why a system call failed, as a message: strerror's wording in English,
/// translated for the common errors (ENOENT, EACCES, ENOSPC, EROFS, ...),
/// strerror's own (English) text for the rare ones.
Message errno_message(int err);
/// The same for an error code of the system or generic category; its own
/// message otherwise.
Message errno_message(const std::error_code& ec);

/// The whole content of `path`. Throws `IoError` ("cannot read FILE:
/// reason") when it cannot be opened or read, `DataError` when it is larger
/// than `limit` bytes or is not a regular file (a FIFO is opened without
/// blocking and refused, never read). `info`, when given, receives the
/// open file's `fstat`.
std::string read_file(const std::filesystem::path& path, std::size_t limit,
                      struct stat* info = nullptr);

/// Throws `DataError` "`file`: is a directory, not a file" or "`file`: is
/// a FIFO (named pipe), not a regular file" (and so on) unless `mode` is a
/// regular file's.
void require_regular(const std::filesystem::path& file, unsigned mode);

/// The file a write to `file` must replace: `file` itself, or the end of
/// its chain of symlinks, so that a link stays a link. The end need not
/// exist. A loop or an unreadable link is `fail_write(file, ..)`.
std::filesystem::path resolve_symlinks(const std::filesystem::path& file);

/// The directory holding `file`: its parent, or "." for a bare name.
std::filesystem::path dir_of(const std::filesystem::path& file);

/// The `*.json` regular files directly in `dir`, sorted by name; empty when
/// `dir` does not exist.
std::vector<std::filesystem::path> json_files_in(
    const std::filesystem::path& dir);

/// Throws `IoError` "cannot write `file`: strerror(`err`)".
[[noreturn]] void fail_write(const std::filesystem::path& file, int err);

/// Flushes directory `dir` (a rename or a new entry in it) to disk; "" means
/// the current directory. A directory rpx cannot open (write-only) or a file
/// system that cannot sync directories (EINVAL) is passed over: the entries
/// are there, only less durable. Other failures are `fail_write(named, ..)`.
void sync_directory(const std::filesystem::path& dir,
                    const std::filesystem::path& named);

/// Makes `dir` and its missing parents with mode `mode` exactly, whatever
/// the umask; existing ones are left alone, since their modes were chosen.
/// Returns the directories made, outermost first. Throws `IoError` "cannot
/// create directory DIR: reason".
std::vector<std::filesystem::path> make_dirs(const std::filesystem::path& dir,
                                             mode_t mode);

/// `mode` less the process's umask: what `open` or `mkdir` would give.
mode_t umask_mode(mode_t mode);

}  // namespace rpx
