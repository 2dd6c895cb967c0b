// The error types rpx throws. Each carries its exit code of docs/cli.md, which
// `src/cli/errors.cpp` reads; everything else only throws.
#pragma once

#include <rpx/exit_status.hpp>
#include <rpx/messages.hpp>
#include <stdexcept>
#include <string>

namespace rpx {

/// Base of every error rpx reports. Its message is a catalogue key with
/// arguments, worded in the output language by the CLI after `rpx: `;
/// `what()` is the English wording. Only a kind of error can be thrown, and
/// each kind names its exit code, so that a new kind cannot fall through to
/// a wrong one.
class Error : public std::runtime_error {
 public:
  /// The exit status of docs/cli.md, "Exit codes".
  int exit_code() const noexcept { return m_exit_code; }
  /// The message, to word in any language.
  const Message& message() const noexcept { return m_message; }

 protected:
  Error(int exit_code, Message message)
      : std::runtime_error(message.in(Lang::en)),
        m_exit_code(exit_code),
        m_message(std::move(message)) {}
  /// For InternalError: `english` needs no catalogue, which may be what
  /// failed.
  Error(int exit_code, Message message, const std::string& english)
      : std::runtime_error(english),
        m_exit_code(exit_code),
        m_message(std::move(message)) {}

 private:
  int m_exit_code;
  Message m_message;
};

/// The command line is wrong: unknown flag, malformed date, N out of range.
class UsageError : public Error {
 public:
  explicit UsageError(Message message)
      : Error(exit_status::k_usage, std::move(message)) {}
};

/// A data file is invalid (`FILE:LINE:COL: ...` or `FILE: /pointer: ...`), or
/// a requested change contradicts the state.
class DataError : public Error {
 public:
  explicit DataError(Message message)
      : Error(exit_status::k_data, std::move(message)) {}
};

/// A file cannot be read or written.
class IoError : public Error {
 public:
  explicit IoError(Message message)
      : Error(exit_status::k_io, std::move(message)) {}
};

/// No state file exists yet.
class NoStateFile : public Error {
 public:
  explicit NoStateFile(Message message)
      : Error(exit_status::k_no_state, std::move(message)) {}
};

/// `init` would overwrite an existing state file.
class WouldOverwrite : public Error {
 public:
  explicit WouldOverwrite(Message message)
      : Error(exit_status::k_exists, std::move(message)) {}
};

/// Another rpx held the state file's lock for longer than the wait.
class LockTimeout : public Error {
 public:
  explicit LockTimeout(Message message)
      : Error(exit_status::k_locked, std::move(message)) {}
};

/// A broken invariant of rpx itself: a bug, reported as "internal error:
/// `what`; please report this bug".
class InternalError : public Error {
 public:
  explicit InternalError(const std::string& what)
      : Error(exit_status::k_internal,
              Message("error.internal", {{"what", what}}),
              "internal error: " + what + "; please report this bug") {}
};

}  // namespace rpx
