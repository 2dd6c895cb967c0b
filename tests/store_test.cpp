#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <rpx/errors.hpp>
#include <rpx/store.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.hpp"
#include "test_data.hpp"
#include "unprivileged.hpp"

namespace {

using rpx::test::day;
using rpx::test::slurp;
using rpx::test::spit;
using rpx::test::temp_files_in;
namespace fs = std::filesystem;
using rpx::test::ScopedTempDir;
using rpx::test::ScopedUmask;
using namespace std::chrono_literals;
using rpx::Overwrite;
using rpx::StateStore;
using rpx::StudentState;

StudentState kim() {
  StudentState s;
  s.uuid = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";
  s.name = "Kim Minjun";
  s.student_id = "2021210001";
  s.current.expiry = day("2026-12-20");
  return s;
}

/// A change: the name gains a "+".
void touch(StudentState& s) { s.name += "+"; }

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

/// Runs `body` in a child process and returns its exit status (for crash
/// points and resource limits, which must not touch the test process).
template <typename F>
int in_child(F body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    int rc = 1;
    try {
      rc = body();
    } catch (...) {
      rc = 2;
    }
    ::_exit(rc);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class StateStoreTest : public testing::Test {
 protected:
  fs::path file() const { return m_dir.path() / "state.json"; }
  StateStore store(rpx::StoreOptions options = {}) const {
    return StateStore(file(), options);
  }
  void make() const { store().create(kim(), Overwrite::no); }

  ScopedTempDir m_dir;
};

TEST(DefaultStatePath, PrefersXdgDataHome) {
  EXPECT_EQ(rpx::default_state_path("/x/data", "/home/kim"),
            fs::path("/x/data/rpx/state.json"));
}

TEST(DefaultStatePath, FallsBackToHome) {
  EXPECT_EQ(rpx::default_state_path("", "/home/kim"),
            fs::path("/home/kim/.local/share/rpx/state.json"));
}

TEST(DefaultStatePath, IgnoresARelativeXdgDataHome) {
  EXPECT_EQ(rpx::default_state_path("data", "/home/kim"),
            fs::path("/home/kim/.local/share/rpx/state.json"));
}

TEST_F(StateStoreTest, CreateWritesRevisionOneAndLoadReadsIt) {
  StudentState s = kim();
  s.revision = 41;
  store().create(s, Overwrite::no);
  const StudentState back = store().load();
  s.revision = 1;
  EXPECT_EQ(back, s);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
  EXPECT_TRUE(fs::exists(m_dir.path() / "state.json.lock"));
}

TEST_F(StateStoreTest, CreateMakesAUuidWhenThereIsNone) {
  StudentState s = kim();
  s.uuid.clear();
  store().create(s, Overwrite::no);
  EXPECT_EQ(store().load().uuid.size(), 36u);
}

TEST_F(StateStoreTest, CreateUsesPrivateModesWhateverTheUmask) {
  for (mode_t mask : {mode_t{0}, mode_t{022}, mode_t{0277}}) {
    const ScopedUmask umask(mask);
    const fs::path top = m_dir.path() / ("umask" + std::to_string(mask));
    const fs::path f = top / "rpx" / "state.json";
    StateStore(f).create(kim(), Overwrite::no);
    EXPECT_EQ(mode_of(f), 0600u) << "umask " << mask;
    EXPECT_EQ(mode_of(f.parent_path()), 0700u) << "umask " << mask;
    EXPECT_EQ(mode_of(top), 0700u) << "umask " << mask;
  }
}

TEST_F(StateStoreTest, CreateLeavesExistingDirectoriesAlone) {
  const fs::path shared = m_dir.path() / "shared";
  fs::create_directory(shared);
  ::chmod(shared.c_str(), 0755);
  StateStore(shared / "s" / "state.json").create(kim(), Overwrite::no);
  EXPECT_EQ(mode_of(shared), 0755u);
  EXPECT_EQ(mode_of(shared / "s"), 0700u);
}

TEST_F(StateStoreTest, CreateRefusesToOverwrite) {
  make();
  store().update([](StudentState& s) { s.name = "changed"; });
  const std::string before = slurp(file());
  try {
    store().create(kim(), Overwrite::no);
    FAIL() << "no WouldOverwrite";
  } catch (const rpx::WouldOverwrite& e) {
    EXPECT_EQ(std::string(e.what()),
              file().string() + " already exists; use --force to replace it");
  }
  EXPECT_EQ(slurp(file()), before);
}

TEST_F(StateStoreTest, CreateOverwritesWhenAsked) {
  make();
  store().update([](StudentState& s) { s.name = "changed"; });
  ::chmod(file().c_str(), 0644);
  store().create(kim(), Overwrite::yes);
  const StudentState s = store().load();
  EXPECT_EQ(s.name, "Kim Minjun");
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(mode_of(file()), 0600u);  // a fresh file, not a rewrite
}

TEST_F(StateStoreTest, CreateRefusesANewerSchema) {
  StudentState s = kim();
  s.schema = rpx::k_schema_version + 1;
  EXPECT_THROW(store().create(s, Overwrite::no), rpx::DataError);
  EXPECT_FALSE(fs::exists(file()));
}

TEST_F(StateStoreTest, UpdateRaisesTheRevision) {
  make();
  const StudentState a = store().update(
      [](StudentState& s) { s.current.steps[0].done = day("2026-11-02"); });
  EXPECT_EQ(a.revision, 2);
  const StudentState b = store().update(touch);
  EXPECT_EQ(b.revision, 3);
  EXPECT_EQ(store().load(), b);
  EXPECT_EQ(b.current.steps[0].done, day("2026-11-02"));
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, UpdateWritesNothingWhenTheChangeThrows) {
  make();
  const std::string before = slurp(file());
  EXPECT_THROW(store().update([](StudentState&) {
    throw rpx::DataError(rpx::Message("error.collect_before_submit"));
  }),
               rpx::DataError);
  EXPECT_EQ(slurp(file()), before);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, UpdateKeepsTheFilesMode) {
  make();
  ::chmod(file().c_str(), 0640);
  store().update(touch);
  EXPECT_EQ(mode_of(file()), 0640u);
}

TEST_F(StateStoreTest, UpdateKeepsOwnerAndGroupWhenRootRewrites) {
  if (::geteuid() != 0) {
    GTEST_SKIP() << "only root may give a file away";
  }
  make();
  ASSERT_EQ(::chown(file().c_str(), 65534, 65534), 0);
  store().update(touch);
  struct stat st {};
  ASSERT_EQ(::stat(file().c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 65534u);
  EXPECT_EQ(st.st_gid, 65534u);
}

TEST_F(StateStoreTest, UpdateNeverOverwritesAFileItCannotParse) {
  const std::string garbage = "{\"schema\": 1, \"uuid\": oops";
  spit(file(), garbage);
  EXPECT_THROW(store().update([](StudentState& s) { s.name = "x"; }),
               rpx::DataError);
  EXPECT_EQ(slurp(file()), garbage);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, UpdateRefusesAFileFromANewerRpx) {
  const std::string newer =
      R"({"schema": 3, "uuid": "u", "revision": 5, "expiry": "2026-12-20"})";
  spit(file(), newer);
  EXPECT_EQ(store().load().schema, 3);  // reading is fine
  try {
    store().update(touch);
    FAIL() << "no DataError";
  } catch (const rpx::DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              file().string() +
                  " was written by a newer rpx (schema 3); this rpx knows "
                  "schema 2 and will not overwrite it \u2014 upgrade rpx");
  }
  EXPECT_EQ(slurp(file()), newer);
}

TEST_F(StateStoreTest, UpdateMigratesASchemaOneFileAndRecordsTheRules) {
  spit(file(), R"({"schema": 1, "uuid": "u", "revision": 5,
                   "expiry": "2026-12-20"})");
  rpx::StoreOptions options;
  options.rules = "cqupt-chongqing";
  const StudentState saved =
      store(options).update([](StudentState& s) { s.name = "Kim"; });
  EXPECT_EQ(saved.schema, 2);
  EXPECT_EQ(saved.rules, "cqupt-chongqing");
  const StudentState back = store().load();
  EXPECT_EQ(back, saved);
  EXPECT_EQ(back.revision, 6);
  EXPECT_EQ(slurp(file()).rfind("{\n  \"schema\": 2,\n  \"rules\": "
                                "\"cqupt-chongqing\",\n  \"uuid\": \"u\",",
                                0),
            0u)
      << slurp(file());
}

TEST_F(StateStoreTest, UpdateWithoutRulesKeepsTheRecordedOnes) {
  rpx::StoreOptions options;
  options.rules = "first-rules";
  store(options).create(kim(), Overwrite::no);
  EXPECT_EQ(store().update(touch).rules, "first-rules");
  options.rules = "second-rules";
  EXPECT_EQ(store(options).update(touch).rules, "second-rules");
  EXPECT_EQ(store().load().rules, "second-rules");
}

TEST_F(StateStoreTest, UpdateKeepsUnknownMembers) {
  spit(file(), R"({"schema": 1, "uuid": "u", "revision": 5,
                   "expiry": "2026-12-20", "office": {"z": 1, "a": 2}})");
  store().update([](StudentState& s) { s.name = "Kim"; });
  const std::string text = slurp(file());
  EXPECT_NE(text.find(R"("office": {
    "z": 1,
    "a": 2
  })"),
            std::string::npos)
      << text;
}

TEST_F(StateStoreTest, LockTimesOutWhileAnotherHoldsIt) {
  make();
  const std::string before = slurp(file());
  const int fd = ::open((file().string() + ".lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  const auto start = std::chrono::steady_clock::now();
  try {
    store({.lock_wait = 200ms}).update([](StudentState& s) { s.name = "x"; });
    ADD_FAILURE() << "no LockTimeout";
  } catch (const rpx::LockTimeout& e) {
    EXPECT_EQ(std::string(e.what()),
              file().string() +
                  " is locked by another rpx; try again (waited 0.2 s)");
  }
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 200ms);
  EXPECT_LT(waited, 60s);  // bounded, not timed: generous under ASan and -j
  EXPECT_THROW(store({.lock_wait = 0ms}).create(kim(), Overwrite::yes),
               rpx::LockTimeout);
  EXPECT_EQ(slurp(file()), before);
  // Reading takes no lock.
  EXPECT_EQ(store().load().revision, 1);
  ::close(fd);
  EXPECT_EQ(store().update(touch).revision, 2);
}

TEST_F(StateStoreTest, LockSerializesConcurrentUpdates) {
  make();
  constexpr int k_children = 4;
  constexpr int k_updates = 25;
  std::vector<pid_t> pids;
  for (int c = 0; c < k_children; ++c) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      int rc = 0;
      try {
        for (int i = 0; i < k_updates; ++i) {
          store({.lock_wait = 30s}).update([](StudentState& s) {
            s.name += "x";
          });
        }
      } catch (...) {
        rc = 1;
      }
      ::_exit(rc);
    }
    pids.push_back(pid);
  }
  for (const pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  const StudentState s = store().load();
  EXPECT_EQ(s.revision, 1 + k_children * k_updates);
  EXPECT_EQ(s.name.size(), std::string("Kim Minjun").size() +
                               std::size_t{k_children * k_updates});
}

TEST_F(StateStoreTest, FollowsASymlinkAndKeepsIt) {
  const fs::path real_dir = m_dir.path() / "real";
  StateStore(real_dir / "kim.json").create(kim(), Overwrite::no);
  fs::create_symlink("real/kim.json", file());
  const StudentState s =
      store().update([](StudentState& st) { st.name = "via link"; });
  EXPECT_EQ(s.revision, 2);
  EXPECT_TRUE(fs::is_symlink(file()));
  EXPECT_EQ(fs::read_symlink(file()), fs::path("real/kim.json"));
  EXPECT_EQ(StateStore(real_dir / "kim.json").load().name, "via link");
  // The lock lives beside the target, which every path to it shares.
  EXPECT_TRUE(fs::exists(real_dir / "kim.json.lock"));
  EXPECT_FALSE(fs::exists(m_dir.path() / "state.json.lock"));
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
  EXPECT_TRUE(temp_files_in(real_dir).empty());
}

TEST_F(StateStoreTest, CreateThroughADanglingSymlinkMakesTheTarget) {
  fs::create_symlink("real/kim.json", file());
  store().create(kim(), Overwrite::no);
  EXPECT_TRUE(fs::is_symlink(file()));
  EXPECT_EQ(mode_of(m_dir.path() / "real"), 0700u);
  EXPECT_EQ(store().load().name, "Kim Minjun");
}

TEST_F(StateStoreTest, MissingFileIsNoStateFile) {
  const std::string message = "no state file at " + file().string() +
                              "; create one with: rpx init --expiry DATE";
  try {
    store().load();
    FAIL() << "no NoStateFile";
  } catch (const rpx::NoStateFile& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
  EXPECT_THROW(store().update([](StudentState&) {}), rpx::NoStateFile);
  EXPECT_TRUE(fs::is_empty(m_dir.path()));  // not even a lock file
}

TEST_F(StateStoreTest, MissingParentDirectoryIsNoStateFile) {
  const StateStore s(m_dir.path() / "no" / "such" / "state.json");
  EXPECT_THROW(s.load(), rpx::NoStateFile);
  StateStore writer = s;
  EXPECT_THROW(writer.update([](StudentState&) {}), rpx::NoStateFile);
  EXPECT_FALSE(fs::exists(m_dir.path() / "no"));
}

TEST_F(StateStoreTest, ADirectoryInsteadOfTheFileIsADataError) {
  fs::create_directory(file());
  const std::string message = file().string() + ": is a directory, not a file";
  const auto expect_message = [&](auto action) {
    try {
      action();
      ADD_FAILURE() << "no DataError";
    } catch (const rpx::DataError& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  };
  expect_message([&] { store().load(); });
  expect_message([&] { store().update([](StudentState&) {}); });
  expect_message([&] { store().create(kim(), Overwrite::yes); });
  EXPECT_TRUE(fs::is_directory(file()));
  EXPECT_TRUE(fs::is_empty(file()));
}

TEST_F(StateStoreTest, RemovesLeftoverTempFilesOfItsOwnOnly) {
  make();
  const std::vector<std::string> others = {
      ".state.json.tmp.abc",     // not six characters
      ".state.json.tmp.AbC12-",  // not mkstemp's alphabet
      ".other.json.tmp.AbC123",  // another file's
      "state.json.tmp.AbC123",   // no leading dot
  };
  for (const auto& name : others) {
    spit(m_dir.path() / name, "keep");
  }
  spit(m_dir.path() / ".state.json.tmp.AbC123", "stale");
  spit(m_dir.path() / ".state.json.tmp.zzzzzz", "stale");
  store().update(touch);
  EXPECT_FALSE(fs::exists(m_dir.path() / ".state.json.tmp.AbC123"));
  EXPECT_FALSE(fs::exists(m_dir.path() / ".state.json.tmp.zzzzzz"));
  for (const auto& name : others) {
    EXPECT_TRUE(fs::exists(m_dir.path() / name)) << name;
  }
}

TEST_F(StateStoreTest, CrashBeforeRenameLeavesTheOldFile) {
  make();
  const std::string before = slurp(file());
  for (const auto point :
       {rpx::CrashPoint::after_temp_write, rpx::CrashPoint::after_fsync}) {
    EXPECT_EQ(in_child([&] {
                store({.crash = point}).update([](StudentState& s) {
                  s.name = "lost";
                });
                return 0;
              }),
              99);
    EXPECT_EQ(slurp(file()), before);
    // One orphan: each save clears those of the crashes before it.
    EXPECT_EQ(temp_files_in(m_dir.path()).size(), 1u);
  }
  // The next save clears what the crashes left.
  EXPECT_EQ(store().update(touch).revision, 2);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, CrashAfterRenameLeavesTheNewFile) {
  make();
  EXPECT_EQ(in_child([&] {
              store({.crash = rpx::CrashPoint::after_rename})
                  .update([](StudentState& s) { s.name = "saved"; });
              return 0;
            }),
            99);
  const StudentState s = store().load();
  EXPECT_EQ(s.name, "saved");
  EXPECT_EQ(s.revision, 2);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, WriteErrorNamesTheFileAndKeepsTheOld) {
  make();
  const std::string before = slurp(file());
  // A file-size limit below the state's size makes write() fail with EFBIG
  // (SIGXFSZ ignored, as the CLI does); in a child, to keep our limits.
  const std::string expected =
      "cannot write " + file().string() + ": File too large";
  EXPECT_EQ(in_child([&] {
              std::signal(SIGXFSZ, SIG_IGN);
              const rlimit limit{64, 64};
              ::setrlimit(RLIMIT_FSIZE, &limit);
              try {
                store().update([](StudentState& s) { s.name = "big"; });
              } catch (const rpx::IoError& e) {
                return std::string(e.what()) == expected ? 0 : 3;
              }
              return 4;
            }),
            0);
  EXPECT_EQ(slurp(file()), before);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, UnreadableFileIsAnIoError) {
  make();
  rpx::test::as_unprivileged(m_dir.path(), [&] {
    ASSERT_EQ(::chmod(file().c_str(), 0), 0);
    try {
      store().load();
      FAIL() << "no IoError";
    } catch (const rpx::IoError& e) {
      EXPECT_EQ(std::string(e.what()),
                "cannot read " + file().string() + ": Permission denied");
    }
  });
}

TEST_F(StateStoreTest, ReadOnlyDirectoryIsAnIoErrorAndKeepsTheFile) {
  make();
  const std::string before = slurp(file());
  rpx::test::as_unprivileged(m_dir.path(), [&] {
    ASSERT_EQ(::chmod(m_dir.path().c_str(), 0500), 0);
    try {
      store().update([](StudentState& s) { s.name = "x"; });
      FAIL() << "no IoError";
    } catch (const rpx::IoError& e) {
      EXPECT_EQ(std::string(e.what()),
                "cannot write " + file().string() + ": Permission denied");
    }
    ::chmod(m_dir.path().c_str(), 0700);
  });
  EXPECT_EQ(slurp(file()), before);
  EXPECT_TRUE(temp_files_in(m_dir.path()).empty());
}

TEST_F(StateStoreTest, OversizedFileIsADataError) {
  spit(file(), std::string(1024 * 1024 + 1, ' '));
  try {
    store().load();
    FAIL() << "no DataError";
  } catch (const rpx::DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              file().string() + ": file is larger than 1 MiB");
  }
}

TEST_F(StateStoreTest, AnUpdateThatChangesNothingWritesNothing) {
  make();
  const std::string before = slurp(file());
  const auto mtime = fs::last_write_time(file());
  const StudentState s = store().update([](StudentState& st) {
    st.name = st.name;  // the same value
  });
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(slurp(file()), before);
  EXPECT_EQ(fs::last_write_time(file()), mtime);
}

}  // namespace
