// The error types rpx throws. `src/cli/errors.cpp` alone maps them to the
// exit codes of docs/cli.md; everything else only throws.
#pragma once

#include <stdexcept>
#include <string>

namespace rpx {

/// Base of every error rpx reports; `what()` is the message after `rpx: `.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The command line is wrong: unknown flag, malformed date, N out of range.
class UsageError : public Error {
 public:
  using Error::Error;
};

/// A data file is invalid (`FILE:LINE:COL: ...` or `FILE: /pointer: ...`), or
/// a requested change contradicts the state.
class DataError : public Error {
 public:
  using Error::Error;
};

/// A file cannot be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

/// No state file exists yet.
class NoStateFile : public Error {
 public:
  using Error::Error;
};

/// `init` would overwrite an existing state file.
class WouldOverwrite : public Error {
 public:
  using Error::Error;
};

/// Another rpx held the state file's lock for longer than the wait.
class LockTimeout : public Error {
 public:
  using Error::Error;
};

}  // namespace rpx
