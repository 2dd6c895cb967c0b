// Regression tests for what the reliability work found (docs/reliability.md):
// each failed before its fix.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/json_util.hpp>
#include <rpx/state.hpp>
#include <rpx/store.hpp>
#include <string>

#include "temp_dir.hpp"
#include "unprivileged.hpp"

namespace {

using rpx::test::entries_in;
namespace fs = std::filesystem;

/// The message `json_util::parse` throws for `text`, or "" when it parses.
std::string parse_error_of(const std::string& text) {
  try {
    rpx::json_util::parse(text, "f.json");
  } catch (const rpx::DataError& e) {
    return e.what();
  }
  return "";
}

rpx::StudentState kim() {
  rpx::StudentState s;
  s.uuid = "u";
  s.current.expiry = *rpx::parse_date("2027-01-20");
  return s;
}

// Found by tests/reliability/bad_input.py: nlohmann reports a number too
// large for a double as out_of_range, not parse_error; it escaped as an
// internal error (exit 70) instead of a data error (65).
TEST(JsonParse, ANumberTooLargeIsADataErrorWithItsPlace) {
  const std::string text = "{\n  \"a\": \"1e999\",\n  \"revision\": 1" +
                           std::string(400, '0') + "\n}";
  EXPECT_EQ(parse_error_of(text),
            "f.json:3:15: number too large (more than about 1.8e308)");
  EXPECT_EQ(parse_error_of("[1e400]"),
            "f.json:1:2: number too large (more than about 1.8e308)");
  EXPECT_EQ(parse_error_of("-1e400"),
            "f.json:1:1: number too large (more than about 1.8e308)");
  EXPECT_THROW(rpx::parse_state(R"({"schema": 1e999})", "s.json"),
               rpx::DataError);
  // Tiny numbers become 0, as in any JSON reader: not an error.
  EXPECT_EQ(parse_error_of("[1e-400]"), "");
}

// Found by tests/reliability/bad_input.py: the message quoted the invalid
// bytes it complained about, so the error line itself was not UTF-8.
TEST(JsonParse, AnInvalidUtf8MessageShowsTheBytesAsHex) {
  const std::string e = parse_error_of("{\"name\": \"Kim \xFF\xFE\"}");
  EXPECT_EQ(e.rfind("f.json:1:15: ", 0), 0u) << e;
  EXPECT_NE(e.find("<FF>"), std::string::npos) << e;
  EXPECT_EQ(e.find('\xFF'), std::string::npos) << e;
  // Well-formed non-ASCII text in the message stays as it is.
  const std::string zh = parse_error_of("{\"name\": \"名\x01\"}");
  EXPECT_NE(zh.find("名"), std::string::npos) << zh;
}

// Found by tests/reliability/bad_input.py: nlohmann takes a NUL byte for
// the end of the input, so a file with anything after a NUL was accepted
// (and the rest dropped by the next save).
TEST(JsonParse, ANulByteIsASyntaxErrorWherever) {
  using namespace std::string_literals;
  EXPECT_EQ(parse_error_of("{\"a\": 1}\n\0garbage"s),
            "f.json:2:1: NUL byte (not allowed in JSON)");
  EXPECT_EQ(parse_error_of("{\"a\": \"x\0y\"}"s),
            "f.json:1:9: NUL byte (not allowed in JSON)");
  EXPECT_THROW(rpx::parse_state(R"({"schema": 1, "uuid": "u", "revision": 1,
      "expiry": "2027-01-20"})"s + "\0"s,
                                "s.json"),
               rpx::DataError);
}

// Found by tests/reliability/crash_points.py: a crash in the very first
// save left a temporary file that the next `init` did not remove.
TEST(StateStoreCrash, InitRemovesWhatACrashedFirstSaveLeft) {
  rpx::test::ScopedTempDir dir;
  const fs::path file = dir.path() / "state.json";
  std::ofstream(dir.path() / ".state.json.tmp.AbC123") << "{\"half\": ";
  rpx::StateStore(file).create(kim(), rpx::Overwrite::no);
  EXPECT_FALSE(fs::exists(dir.path() / ".state.json.tmp.AbC123"));
  EXPECT_EQ(rpx::StateStore(file).load().revision, 1);
}

// Found by tests/reliability/fs_faults.py: `init` on a directory made a
// lock file beside it before refusing.
TEST(StateStoreFaults, ADirectoryIsRefusedBeforeTheLockIsMade) {
  rpx::test::ScopedTempDir dir;
  const fs::path file = dir.path() / "state.json";
  fs::create_directory(file);
  for (const auto overwrite : {rpx::Overwrite::no, rpx::Overwrite::yes}) {
    EXPECT_THROW(rpx::StateStore(file).create(kim(), overwrite),
                 rpx::DataError);
  }
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

// Found by tests/reliability/fs_faults.py: a read-only state file was
// replaced by the rename of a save. Root may write anything, so this runs
// as uid 65534.
TEST(StateStoreFaults, AReadOnlyFileIsNeverReplaced) {
  rpx::test::ScopedTempDir dir;
  const fs::path file = dir.path() / "state.json";
  rpx::StateStore(file).create(kim(), rpx::Overwrite::no);
  fs::remove(dir.path() / "state.json.lock");
  rpx::test::as_unprivileged(dir.path(), [&] {
    ASSERT_EQ(::chmod(file.c_str(), 0400), 0);
    const rpx::StudentState before = rpx::StateStore(file).load();
    try {
      rpx::StateStore(file).update([](rpx::StudentState& s) { s.name = "x"; });
      FAIL() << "no IoError";
    } catch (const rpx::IoError& e) {
      EXPECT_EQ(std::string(e.what()),
                "cannot write " + file.string() + ": Permission denied");
    }
    EXPECT_THROW(rpx::StateStore(file).create(kim(), rpx::Overwrite::yes),
                 rpx::IoError);
    EXPECT_EQ(rpx::StateStore(file).load(), before);
    EXPECT_EQ(entries_in(dir.path()), 1u);  // not even a lock file
  });
}

}  // namespace

// Round two (docs/reliability.md): a clock past 2100 recorded 2101-01-02,
// which every later read refused. A save the reader would refuse is
// refused before anything is written.
TEST(StateStoreLimits, ASaveTheReaderWouldRefuseIsNotWritten) {
  rpx::test::ScopedTempDir dir;
  const fs::path file = dir.path() / "state.json";
  rpx::StateStore(file).create(kim(), rpx::Overwrite::no);
  const std::string before = rpx::read_file(file, 1 << 20);
  try {
    rpx::StateStore(file).update([](rpx::StudentState& s) {
      s.current.steps[1].done =
          rpx::Date{date::sys_days{date::year{2101} / 1 / 2}};
    });
    FAIL() << "no DataError";
  } catch (const rpx::DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot save " + file.string() +
                  ": rpx could not read the result back (" + file.string() +
                  ": /steps/photo/done: expected a date YYYY-MM-DD); "
                  "nothing was written");
    EXPECT_EQ(e.message().in(rpx::Lang::zh),
              "无法保存 " + file.string() + "：rpx 无法读回保存的结果（" +
                  file.string() +
                  ": /steps/photo/done: 应为 YYYY-MM-DD 格式的日期）；"
                  "未写入任何内容");
    EXPECT_EQ(e.message().in(rpx::Lang::ko),
              file.string() +
                  "을(를) 저장할 수 없습니다: rpx가 결과를 다시 "
                  "읽지 못했습니다(" +
                  file.string() +
                  ": /steps/photo/done: YYYY-MM-DD 형식의 날짜여야 합니다). "
                  "아무것도 쓰지 않았습니다");
  }
  EXPECT_EQ(rpx::read_file(file, 1 << 20), before);
}

// Round two: `init` removed another process's live temporary file. Only a
// file nobody holds an flock on is removed.
TEST(StateStoreCrash, ATemporaryFileInUseIsKept) {
  rpx::test::ScopedTempDir dir;
  const fs::path file = dir.path() / "state.json";
  const fs::path live = dir.path() / ".state.json.tmp.LiVe12";
  std::ofstream(live) << "{";
  const int fd = ::open(live.c_str(), O_RDONLY);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  rpx::StateStore(file).create(kim(), rpx::Overwrite::no);
  EXPECT_TRUE(fs::exists(live));
  ::close(fd);
  rpx::StateStore(file).update([](rpx::StudentState& s) { s.name = "x"; });
  EXPECT_FALSE(fs::exists(live));
}

// Round two: with duplicate members the last won and the first vanished.
TEST(JsonParse, ADuplicateMemberIsAnErrorNamingItsPointer) {
  EXPECT_EQ(parse_error_of(R"({"a": [{"b": 1, "b": 2}]})"),
            "f.json: /a/0/b: appears more than once in its object (a member "
            "name may be used only once)");
  EXPECT_EQ(parse_error_of(R"([[], {"x": {}, "y": {"x": 1}}])"), "");
}

// Round two: unknown members' numbers went through a double.
TEST(SerializeState, UnknownNumbersAreWrittenAsRead) {
  const std::string text =
      R"({"schema": 2, "rules": "", "uuid": "u", "revision": 1, )"
      R"("expiry": "2027-01-20", "n": [12345678901234567890123, 1E2, -0])";
  const rpx::StudentState s = rpx::parse_state(text + "}", "s.json");
  EXPECT_EQ(s.unknown,
            (rpx::Unknown{{"n", "[12345678901234567890123,1E2,-0]"}}));
  const std::string saved = rpx::serialize_state(s);
  EXPECT_NE(saved.find("  \"n\": [\n    12345678901234567890123,\n    1E2,\n"
                       "    -0\n  ]\n}"),
            std::string::npos)
      << saved;
  EXPECT_NE(rpx::serialize_state(s, rpx::Layout::compact)
                .find(R"("n":[12345678901234567890123,1E2,-0]})"),
            std::string::npos);
}
