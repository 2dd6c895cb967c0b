// Refusals that depend on permissions (an unreadable file, a read-only
// directory) cannot be seen as root, who may read and write anything, and
// CI runs as root. `as_unprivileged` runs a test's body as uid/gid 65534 in
// a child process when the test runs as root, and in the test itself
// otherwise, so that these tests run everywhere instead of being skipped.
#pragma once

#include <grp.h>
#include <gtest/gtest.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

namespace rpx::test {

/// The unprivileged user and group the body runs as under root.
inline constexpr uid_t k_nobody = 65534;

/// Runs `body` without root's privileges. Under root, `dir` (and everything
/// in it) is first given to uid/gid 65534, so that the body can reach the
/// files the test made there; the body then runs in a forked child as that
/// user, and its failures (gtest's, or an exception) fail the test.
template <class Body>
void as_unprivileged(const std::filesystem::path& dir, Body&& body) {
  if (::geteuid() != 0) {
    body();
    return;
  }
  namespace fs = std::filesystem;
  ASSERT_EQ(::chown(dir.c_str(), k_nobody, k_nobody), 0) << dir;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    ASSERT_EQ(::lchown(e.path().c_str(), k_nobody, k_nobody), 0) << e.path();
  }
  std::fflush(stdout);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0) << "fork failed";
  if (pid == 0) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(k_nobody) != 0 ||
        ::setuid(k_nobody) != 0) {
      std::fputs("cannot become uid 65534\n", stderr);
      ::_exit(2);
    }
    // A directory the user cannot reach would make every refusal pass.
    if (::access(dir.c_str(), R_OK | W_OK | X_OK) != 0) {
      std::fprintf(stderr, "uid 65534 cannot reach %s\n", dir.c_str());
      ::_exit(4);
    }
    try {
      body();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "exception as uid 65534: %s\n", e.what());
      ::_exit(3);
    }
    std::fflush(stdout);
    ::_exit(::testing::Test::HasFailure() ? 1 : 0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "the unprivileged child died";
  EXPECT_EQ(WEXITSTATUS(status), 0)
      << "the body failed as uid 65534 (its messages are above)";
}

}  // namespace rpx::test
