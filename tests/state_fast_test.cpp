// The fast state reader against the strict one (state.hpp): where the fast
// reader answers, the strict reader gives the same state; where it does not,
// the strict reader is the one that explains. And the files rpx writes take
// the fast path, or it would be no faster.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <rpx/errors.hpp>
#include <rpx/state.hpp>
#include <rpx/state_pack.hpp>
#include <sstream>
#include <string>

#include "test_data.hpp"

namespace {

using rpx::parse_state_fast;
using rpx::parse_state_strict;
using rpx::serialize_state;
using rpx::StudentState;
using rpx::test::day;

/// Fails the test when the fast reader accepts `text` and the strict reader
/// refuses it or reads it differently. Returns whether the fast reader
/// answered.
bool agrees(const std::string& text) {
  const std::optional<StudentState> fast = parse_state_fast(text);
  if (!fast) {
    return false;
  }
  try {
    EXPECT_EQ(*fast, parse_state_strict(text, "x.json")) << text;
  } catch (const rpx::Error& e) {
    ADD_FAILURE() << "fast reader accepted what the strict reader refuses: "
                  << e.what() << "\n"
                  << text;
  }
  return true;
}

StudentState typical() {
  StudentState s;
  s.rules = "cqupt";
  s.uuid = "fb684986-00ec-5d2a-b2db-44d4c8ae74a0";
  s.revision = 12;
  s.name = "O'Brien, \"Jr.\"\tAhmed\\ 김민준 👩‍🎓";
  s.student_id = "2021210001";
  s.current.expiry = day("2027-01-20");
  s.current.steps[0] = {day("2026-11-02"), "sealed\nby Li", {}};
  s.current.steps[1].done = day("2026-11-03");
  s.current.progress_note =
      rpx::ProgressNote{day("2026-11-20"), "023-6396 1234", {}};
  rpx::Cycle old;
  old.expiry = day("2026-01-20");
  for (auto& step : old.steps) {
    step.done = day("2025-12-10");
  }
  old.progress_note = rpx::ProgressNote{day("2025-12-10"), "", {}};
  old.new_expiry = day("2027-01-20");
  s.history.push_back(old);
  s.unknown = {{"advisor", R"("Li Wei")"},
               {"dormitory", R"("1-100")"},
               {"tags", R"(["a",{"b":[1,-2.5,true,false,null]},{}])"},
               {"", "0"}};
  return s;
}

TEST(StateFast, ReadsWhatRpxWritesAsTheStrictReaderDoes) {
  const StudentState s = typical();
  for (rpx::Layout layout : {rpx::Layout::indented, rpx::Layout::compact}) {
    const std::string text = serialize_state(s, layout);
    ASSERT_TRUE(agrees(text)) << text;
    EXPECT_EQ(*parse_state_fast(text), s);
  }
  StudentState bare;
  bare.uuid = "u";
  bare.current.expiry = day("2026-12-20");
  EXPECT_TRUE(agrees(serialize_state(bare)));
}

TEST(StateFast, ReadsNullsAsAbsentAndMembersInAnyOrder) {
  const std::string text = R"({"expiry":"2026-12-20","history":null,
    "steps":{"collect":null,"photo":{"note":null,"done":"2026-11-03"}},
    "name":null,"student_id":null,"progress_note":null,
    "revision":0,"uuid":"u","rules":"","schema":2,"x" : [ 1 , { "y" : " a b " } ]})";
  ASSERT_TRUE(agrees(text));
  const StudentState s = *parse_state_fast(text);
  EXPECT_EQ(s.current.steps[1].done, day("2026-11-03"));
  ASSERT_EQ(s.unknown.size(), 1U);
  EXPECT_EQ(s.unknown[0].second, R"([1,{"y":" a b "}])");
}

// Each of these is either refused by the strict reader or needs what only
// it does (decoding \u, keeping unknown members inside a step, an older
// schema's rules): the fast reader must decline every one.
TEST(StateFast, LeavesEverythingElseToTheStrictReader) {
  const std::string base =
      R"({"schema":2,"rules":"","uuid":"u","revision":1,"expiry":"2026-12-20")";
  const std::vector<std::string> declined = {
      "",
      "{}",
      "\xEF\xBB\xBF" + base + "}",
      base + "}x",
      base + "} {}",
      base + R"(,"uuid":"v"})",                         // duplicate
      base + R"(,"a":1,"a":2})",                        // duplicate unknown
      base + R"(,"a":{"b":1,"b":2}})",                  // duplicate, nested
      base + R"(,"name":"\u00e9"})",                    // \u escape
      base + R"(,"n\u0061me":"x"})",                    // escaped key
      base + R"(,"a":1e400})",                          // exponent
      base + R"(,"a":1E2})",                            // exponent
      base + ",\"a\":1" + std::string(309, '0') + "}",  // not a double
      R"({"schema":1,"rules":1)" + std::string(309, '0') +
          R"(,"uuid":"u","revision":1,"expiry":"2026-12-20"})",
      base + R"(,"a":01})",                      // leading zero
      base + R"(,"a":-})",                       // not a number
      base + R"(,"a":1.})",                      // not a number
      base + R"(,"a":tru})",                     // not a literal
      base + R"(,"a":[1,]})",                    // trailing comma
      base + R"(,})",                            // trailing comma
      base + ",\"a\":\"\x01\"}",                 // control character
      base + ",\"a\":\"\xC3\x28\"}",             // not UTF-8
      base + ",\"a\":\"\xED\xA0\x80\"}",         // a surrogate in UTF-8
      base + ",\"a\":\"\xC0\xAF\"}",             // overlong
      base + std::string(",\"a\":\"\0\"}", 9),   // NUL
      base + R"(,"a":"\x"})",                    // bad escape
      base + R"(,"steps":{"renew":null}})",      // unknown step
      base + R"(,"steps":{"photo":{"by":1}}})",  // unknown in a step
      base + R"(,"steps":{"photo":1}})",         // not an object
      base + R"(,"steps":{"photo":null,"photo":null}})",
      base + R"(,"progress_note":{"phone":"1"}})",  // no date
      base + R"(,"progress_note":{"date":"2026-11-20","desk":7}})",
      base + R"(,"history":[{"steps":null}]})",  // no expiry
      base + R"(,"history":[null]})",
      base + R"(,"history":{}})",
      base + R"(,"expiry":"2026-02-30"})",  // duplicate expiry
      R"({"schema":2,"rules":"","uuid":"u","revision":1,"expiry":"2026-02-30"})",
      R"({"schema":2,"rules":"","uuid":"","revision":1,"expiry":"2026-12-20"})",
      R"({"schema":2,"rules":"","uuid":"u","revision":-1,"expiry":"2026-12-20"})",
      R"({"schema":2,"rules":"","uuid":"u","revision":1.0,"expiry":"2026-12-20"})",
      R"({"schema":2,"rules":"","uuid":"u","revision":1234567890123456789,"expiry":"2026-12-20"})",
      R"({"schema":3,"rules":"","uuid":"u","revision":1,"expiry":"2026-12-20"})",
      R"({"schema":2,"uuid":"u","revision":1,"expiry":"2026-12-20"})",  // rules
      R"({"schema":2,"rules":null,"uuid":"u","revision":1,"expiry":"2026-12-20"})",
      R"({"schema":2,"rules":"","uuid":"u","revision":1,"expiry":null})",
      R"({"schema":2,"rules":"","uuid":"u","revision":1,"expiry":"2026-12-20","name":5})",
      "[" + base + "}]",
      base + ",\"deep\":" + std::string(40, '[') + std::string(40, ']') + "}",
  };
  for (const std::string& text : declined) {
    EXPECT_FALSE(parse_state_fast(text).has_value()) << text;
  }
  // Schema 1: no rules member, or one that is dropped whatever it holds.
  for (const char* rules : {"", R"("rules":"x",)", R"("rules":{"a":[1]},)"}) {
    EXPECT_TRUE(agrees(std::string(R"({"schema":1,)") + rules +
                       R"("uuid":"u","revision":1,"expiry":"2026-12-20"})"))
        << rules;
  }
  EXPECT_TRUE(agrees(
      R"({"rules":5,"uuid":"u","revision":1,"expiry":"2026-12-20","schema":1})"));
  // A long number that is still a double is kept as written.
  EXPECT_TRUE(agrees(base + ",\"a\":-1" + std::string(299, '0') + ".5}"));
  // The one that is valid all the same is read by the strict reader.
  EXPECT_EQ(parse_state_strict(base + R"(,"name":"\u00e9"})", "x.json").name,
            "\xC3\xA9");
}

// Every state file in the repository (fixtures, golden cases, the demo, the
// fuzzing seeds): the readers agree, and those rpx wrote take the fast path.
TEST(StateFast, AgreesOnEveryStateFileInTheRepository) {
  const char* root = std::getenv("RPX_SOURCE_DIR");
  ASSERT_NE(root, nullptr);
  std::size_t files = 0;
  std::size_t fast = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root)) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.find("/build") != std::string::npos ||
        path.find("/.git/") != std::string::npos ||
        (entry.path().extension() != ".json" &&
         path.find("corpus/fuzz_state") == std::string::npos)) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("\"uuid\"") == std::string::npos) {
      continue;  // rules, holidays, messages, schemas
    }
    ++files;
    fast += agrees(text.str()) ? 1 : 0;
  }
  EXPECT_GT(files, 20U);
  EXPECT_GT(fast, files / 2);
  std::ifstream demo(std::string(root) + "/data/demo/student.json");
  std::stringstream demo_text;
  demo_text << demo.rdbuf();
  EXPECT_TRUE(agrees(demo_text.str()));
}

}  // namespace

namespace {

// A packed state (state_pack.hpp) unpacks to the same state, whatever it
// holds; the student id can be read without unpacking.
TEST(StatePack, RoundTrips) {
  StudentState odd = typical();
  odd.uuid = "NOT-A-UUID";
  odd.revision = std::numeric_limits<std::int64_t>::max();
  odd.current.expiry = day("1970-01-01");
  odd.current.steps[2].unknown = {{"x", "[1]"}};
  odd.current.progress_note->unknown = {{"desk", "7"}};
  odd.history[0].unknown = {{"late", "true"}};
  StudentState upper = typical();
  upper.uuid = "FB684986-00EC-5D2A-B2DB-44D4C8AE74A0";
  for (const StudentState& s : {typical(), StudentState{}, odd, upper}) {
    std::string packed = "prefix";
    const std::size_t at = packed.size();
    rpx::pack_state(s, packed);
    const std::string_view mine = std::string_view(packed).substr(at);
    EXPECT_EQ(rpx::unpack_state(mine), s);
    EXPECT_EQ(rpx::packed_student_id(mine), s.student_id);
  }
  // A uuid as rpx makes them packs into 16 bytes, not 1 + 36.
  std::string canonical;
  std::string other;
  rpx::pack_state(typical(), canonical);
  rpx::pack_state(upper, other);
  EXPECT_EQ(canonical.size() + 21, other.size());
}

}  // namespace
