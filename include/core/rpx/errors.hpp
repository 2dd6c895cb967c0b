// The error types rpx throws. Each carries its exit code of docs/cli.md, which
// `src/cli/errors.cpp` reads; everything else only throws.
#pragma once

#include <rpx/exit_status.hpp>
#include <stdexcept>
#include <string>

namespace rpx {

/// Base of every error rpx reports; `what()` is the message after `rpx: `.
/// Only a kind of error can be thrown, and each kind names its exit code, so
/// that a new kind cannot fall through to a wrong one.
class Error : public std::runtime_error {
 public:
  /// The exit status of docs/cli.md, "Exit codes".
  int exit_code() const noexcept { return m_exit_code; }

 protected:
  Error(int exit_code, const std::string& message)
      : std::runtime_error(message), m_exit_code(exit_code) {}

 private:
  int m_exit_code;
};

/// The command line is wrong: unknown flag, malformed date, N out of range.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message)
      : Error(exit_status::k_usage, message) {}
};

/// A data file is invalid (`FILE:LINE:COL: ...` or `FILE: /pointer: ...`), or
/// a requested change contradicts the state.
class DataError : public Error {
 public:
  explicit DataError(const std::string& message)
      : Error(exit_status::k_data, message) {}
};

/// A file cannot be read or written.
class IoError : public Error {
 public:
  explicit IoError(const std::string& message)
      : Error(exit_status::k_io, message) {}
};

/// No state file exists yet.
class NoStateFile : public Error {
 public:
  explicit NoStateFile(const std::string& message)
      : Error(exit_status::k_no_state, message) {}
};

/// `init` would overwrite an existing state file.
class WouldOverwrite : public Error {
 public:
  explicit WouldOverwrite(const std::string& message)
      : Error(exit_status::k_exists, message) {}
};

/// Another rpx held the state file's lock for longer than the wait.
class LockTimeout : public Error {
 public:
  explicit LockTimeout(const std::string& message)
      : Error(exit_status::k_locked, message) {}
};

/// A broken invariant of rpx itself: a bug, reported as "internal error:
/// `what`; please report this bug".
class InternalError : public Error {
 public:
  explicit InternalError(const std::string& what)
      : Error(exit_status::k_internal,
              "internal error: " + what + "; please report this bug") {}
};

}  // namespace rpx
