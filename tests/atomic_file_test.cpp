#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <rpx/atomic_file.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <set>
#include <sstream>
#include <string>

#include "temp_dir.hpp"

namespace {

using rpx::test::slurp;
namespace fs = std::filesystem;
using rpx::AtomicFile;
using rpx::test::ScopedTempDir;
using rpx::test::ScopedUmask;

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out.insert(e.path().filename().string());
  }
  return out;
}

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}

TEST(AtomicFile, CommitReplacesTheTargetAndLeavesNoTemporaryFile) {
  const ScopedTempDir dir;
  const fs::path target = dir.path() / "a.json";
  dir.write("a.json", "old");
  AtomicFile f(target, "a.json");
  EXPECT_TRUE(
      AtomicFile::is_temp_name(fs::path(f.temp_path()).filename().string()));
  f.set_mode(0640);
  f.write("new");
  EXPECT_EQ(slurp(target), "old");
  f.commit();
  EXPECT_EQ(slurp(target), "new");
  EXPECT_EQ(mode_of(target), 0640u);
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"a.json"}));
}

TEST(AtomicFile, DestroyedUncommittedRemovesItsTemporaryFile) {
  const ScopedTempDir dir;
  dir.write("a.json", "old");
  {
    AtomicFile f(dir.path() / "a.json", "a.json");
    f.write("half");
  }
  EXPECT_EQ(slurp(dir.path() / "a.json"), "old");
  EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"a.json"}));
}

TEST(AtomicFile, KeepsTheTargetsModeOr0600ForANewFile) {
  const ScopedTempDir dir;
  const ScopedUmask umask(0);
  AtomicFile fresh(dir.path() / "new.json", "new.json");
  fresh.keep_owner_and_mode();
  fresh.commit();
  EXPECT_EQ(mode_of(dir.path() / "new.json"), 0600u);
  ::chmod((dir.path() / "new.json").c_str(), 0640);
  AtomicFile again(dir.path() / "new.json", "new.json");
  again.keep_owner_and_mode();
  again.commit();
  EXPECT_EQ(mode_of(dir.path() / "new.json"), 0640u);
}

TEST(AtomicFile, PublishNewNeverReplacesAFile) {
  const ScopedTempDir dir;
  const ScopedTempDir stage;
  dir.write("taken.json", "theirs");
  AtomicFile taken(dir.path() / "taken.json", "taken.json", stage.path());
  taken.write("ours");
  taken.close();
  EXPECT_FALSE(taken.publish_new());
  EXPECT_EQ(slurp(dir.path() / "taken.json"), "theirs");
  AtomicFile free(dir.path() / "free.json", "free.json", stage.path());
  free.write("ours");
  free.close();
  EXPECT_TRUE(free.publish_new());
  EXPECT_EQ(slurp(dir.path() / "free.json"), "ours");
}

TEST(AtomicFile, AFailureNamesTheFileGivenForMessages) {
  const ScopedTempDir dir;
  try {
    AtomicFile f(dir.path() / "no" / "a.json", "shown.json");
    FAIL() << "made a file in a missing directory";
  } catch (const rpx::IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write shown.json: No such file or directory");
  }
}

TEST(AtomicFile, TellsItsTemporaryNamesApart) {
  EXPECT_TRUE(AtomicFile::is_temp_name(".s.json.tmp.AbC123"));
  EXPECT_TRUE(AtomicFile::is_temp_name(".rpx.ics.tmp.zzzzzz"));
  EXPECT_FALSE(AtomicFile::is_temp_name("s.json.tmp.AbC123"));
  EXPECT_FALSE(AtomicFile::is_temp_name(".s.json.tmp.AbC12"));
  EXPECT_FALSE(AtomicFile::is_temp_name(".s.json.tmp.AbC-12"));
  EXPECT_FALSE(AtomicFile::is_temp_name(".s.json"));
}

TEST(AtomicFile, RemoveAbandonedRemovesOnlyItsTargetsUnlockedTemps) {
  const ScopedTempDir dir;
  dir.write(".s.json.tmp.AbC123", "stale");
  dir.write(".t.json.tmp.AbC123", "another file's");
  dir.write(".s.json.tmp.abc", "not the pattern");
  AtomicFile live(dir.path() / "s.json", "s.json", {}, rpx::TempLock::held);
  AtomicFile::remove_abandoned(dir.path() / "s.json");
  EXPECT_EQ(
      names_in(dir.path()),
      (std::set<std::string>{".t.json.tmp.AbC123", ".s.json.tmp.abc",
                             fs::path(live.temp_path()).filename().string()}));
}

TEST(MakeDirs, MakesTheMissingOnesWithTheModeWhateverTheUmask) {
  const ScopedTempDir dir;
  const ScopedUmask umask(077);
  const auto made = rpx::make_dirs(dir.path() / "a" / "b", 0750);
  EXPECT_EQ(made,
            (std::vector<fs::path>{dir.path() / "a", dir.path() / "a" / "b"}));
  EXPECT_EQ(mode_of(dir.path() / "a" / "b"), 0750u);
  EXPECT_EQ(mode_of(dir.path()), 0700u);  // existing: untouched
  EXPECT_TRUE(rpx::make_dirs(dir.path() / "a", 0700).empty());
}

}  // namespace
