#include <gtest/gtest.h>

#include <rpx/roster.hpp>
#include <string>

#include "test_data.hpp"

namespace {

using rpx::parse_roster;
using rpx::Roster;
using rpx::RosterError;
using rpx::test::day;

/// The errors of `text` as "LINE: reason" lines, for compact expectations.
std::string errors_of(std::string_view text) {
  std::string out;
  for (const RosterError& e : parse_roster(text).errors) {
    out += std::to_string(e.line) + ": " + e.reason.in(rpx::Lang::en) + "\n";
  }
  return out;
}

TEST(ParseRoster, ReadsTheThreeColumns) {
  const Roster r = parse_roster(
      "student_id,name,expiry\n2021210001,Kim Minjun,2026-12-20\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].line, 2u);
  EXPECT_EQ(r.rows[0].student_id, "2021210001");
  EXPECT_EQ(r.rows[0].name, "Kim Minjun");
  EXPECT_EQ(r.rows[0].expiry, day("2026-12-20"));
  EXPECT_TRUE(r.extra_columns.empty());
}

TEST(ParseRoster, AcceptsAnyColumnOrderAndKeepsExtraColumns) {
  const Roster r = parse_roster(
      "Advisor,expiry,Name,room,STUDENT_ID\n"
      "Dr. Wang,2026-12-20,王小明,A-101,2021210001\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].student_id, "2021210001");
  EXPECT_EQ(r.rows[0].name, "王小明");
  EXPECT_EQ(r.extra_columns, (std::vector<std::string>{"Advisor", "room"}));
  EXPECT_EQ(r.rows[0].extra, (std::vector<std::string>{"Dr. Wang", "A-101"}));
}

TEST(ParseRoster, SkipsAByteOrderMarkAndReadsCrlf) {
  const Roster r = parse_roster(
      "\xEF\xBB\xBFstudent_id,name,expiry\r\n1,A,2026-12-20\r\n2,B,"
      "2027-01-10\r\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1].student_id, "2");
  EXPECT_EQ(r.rows[1].line, 3u);
  EXPECT_EQ(r.rows[1].expiry, day("2027-01-10"));
}

TEST(ParseRoster, ReadsQuotedCommasAndDoubledQuotes) {
  const Roster r = parse_roster(
      "student_id,name,expiry\n"
      "1,\"O'Brien, Jr., Sean\",2026-12-20\n"
      "2,\"Kim \"\"MJ\"\" Minjun\",2026-12-20\n"
      "3,\"\",2026-12-20\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].name, "O'Brien, Jr., Sean");
  EXPECT_EQ(r.rows[1].name, "Kim \"MJ\" Minjun");
  EXPECT_EQ(r.rows[2].name, "");
}

TEST(ParseRoster, KeepsLineBreaksInQuotedFieldsAndCountsPhysicalLines) {
  const Roster r = parse_roster(
      "student_id,name,expiry,note\r\n"
      "1,A,2026-12-20,\"two\r\nlines\"\r\n"
      "2,B,2026-12-20,\"three\nshort\nlines\"\n"
      "3,C,2026-12-20,x\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].extra[0], "two\nlines");
  EXPECT_EQ(r.rows[1].extra[0], "three\nshort\nlines");
  EXPECT_EQ(r.rows[1].line, 4u);
  EXPECT_EQ(r.rows[2].line, 7u);
}

TEST(ParseRoster, TrimsBlanksAroundTheRequiredFields) {
  const Roster r = parse_roster(
      " student_id , name ,expiry\n 7 ,  Lee Ji-woo , 2026-12-20\n");
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.rows[0].student_id, "7");
  EXPECT_EQ(r.rows[0].name, "Lee Ji-woo");
}

TEST(ParseRoster, SkipsBlankLinesAndEmptyRows) {
  const Roster r = parse_roster(
      "\nstudent_id,name,expiry\n\n1,A,2026-12-20\n,,\n\n2,B,2026-12-20");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 4u);
  EXPECT_EQ(r.rows[1].line, 7u);
}

TEST(ParseRoster, RefusesAHeaderWithoutARequiredColumn) {
  EXPECT_EQ(errors_of("student_id,name\n1,A\n"),
            "1: the header has no column \"expiry\" (expected "
            "student_id,name,expiry, in any order, more columns allowed)\n");
}

TEST(ParseRoster, RefusesDuplicateEmptyAndReservedColumns) {
  EXPECT_EQ(errors_of("student_id,name,expiry,Name\n"),
            "1: column \"Name\" appears twice in the header\n");
  EXPECT_EQ(errors_of("student_id,name,expiry,\n"),
            "1: column 4 of the header has no name\n");
  EXPECT_EQ(errors_of("student_id,name,expiry,uuid\n"),
            "1: column \"uuid\" is a member of every state file; rename the "
            "column\n");
}

TEST(ParseRoster, RefusesAnEmptyFileAndUtf16) {
  EXPECT_EQ(errors_of(""),
            "1: the roster is empty: expected a header row "
            "student_id,name,expiry\n");
  EXPECT_EQ(
      errors_of("\xFF\xFEs\0t\0"),
      "1: the roster is UTF-16; save it as CSV UTF-8 (comma-separated)\n");
}

TEST(ParseRoster, RefusesABadExpiryNamingTheValue) {
  EXPECT_EQ(errors_of("student_id,name,expiry\n1,A,2027-02-30\n2,B,2027-2-3\n"
                      "3,C,\n"),
            "2: invalid expiry \"2027-02-30\": expected YYYY-MM-DD, a real day "
            "in 1970–2100\n"
            "3: invalid expiry \"2027-2-3\": expected YYYY-MM-DD, a real day "
            "in 1970–2100\n"
            "4: the expiry is empty (expected YYYY-MM-DD)\n");
}

TEST(ParseRoster, RefusesDuplicateIdsNamingTheFirstLine) {
  EXPECT_EQ(errors_of("student_id,name,expiry\n1,A,2026-12-20\n\"1,x\",B,"
                      "2026-12-20\n1,C,2026-12-20\n"),
            "4: duplicate student id \"1\" (first on line 2)\n");
}

TEST(ParseRoster, RefusesIdsThatCouldEscapeTheDirectory) {
  EXPECT_EQ(errors_of("student_id,name,expiry\n"
                      "../x,A,2026-12-20\n"
                      "a/b,B,2026-12-20\n"
                      "a\\b,C,2026-12-20\n"
                      ",D,2026-12-20\n"
                      ".,E,2026-12-20\n"
                      "..,F,2026-12-20\n"
                      ".profile,G,2026-12-20\n"),
            "2: student id \"../x\" cannot name a state file: it contains / "
            "or \\ (rpx writes DIR/ID.json)\n"
            "3: student id \"a/b\" cannot name a state file: it contains / or "
            "\\ (rpx writes DIR/ID.json)\n"
            "4: student id \"a\\b\" cannot name a state file: it contains / or "
            "\\ (rpx writes DIR/ID.json)\n"
            "5: the student id is empty\n"
            "6: student id \".\" cannot name a state file: it starts with a "
            "dot (hidden files, . and ..)\n"
            "7: student id \"..\" cannot name a state file: it starts with a "
            "dot (hidden files, . and ..)\n"
            "8: student id \".profile\" cannot name a state file: it starts "
            "with a dot (hidden files, . and ..)\n");
}

TEST(ParseRoster, RefusesNulBytesAndInvalidUtf8) {
  using namespace std::string_literals;
  EXPECT_EQ(errors_of("student_id,name,expiry\nx\0y,A,2026-12-20\n"
                      "2,\xC3\x28,2026-12-20\n"
                      "3,\xED\xA0\x80,2026-12-20\n"s),
            "2: the \"student_id\" field contains a NUL byte\n"
            "3: the \"name\" field is not valid UTF-8 (save the roster as CSV "
            "UTF-8)\n"
            "4: the \"name\" field is not valid UTF-8 (save the roster as CSV "
            "UTF-8)\n");
}

TEST(ParseRoster, RefusesRaggedRowsAndQuotingErrors) {
  EXPECT_EQ(errors_of("student_id,name,expiry\n"
                      "1,A\n"
                      "2,B,2026-12-20,extra\n"
                      "3,\"C\"x,2026-12-20\n"
                      "4,D,2026-12-20\n"
                      "5,\"never closed,2026-12-20\n"
                      "6,E,2026-12-20\n"),
            "2: 2 fields, but the header has 3 columns\n"
            "3: 4 fields, but the header has 3 columns\n"
            "4: text after a closing quote (inside a quoted field, write a "
            "quote as \"\")\n"
            "6: a quoted field never ends (a closing \" is missing)\n");
}

TEST(ParseRoster, ReportsEveryBadRowAndKeepsTheGoodOnes) {
  const Roster r = parse_roster(
      "student_id,name,expiry\n1,A,2026-12-20\n2,B,bad\n3,C,2026-12-20\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.rows.size(), 2u);
}

/// Why `id` is refused, in `lang`; "" when it is not.
std::string id_problem(std::string_view id, rpx::Lang lang = rpx::Lang::en) {
  const std::optional<rpx::Message> m = rpx::student_id_problem(id);
  return m ? m->in(lang) : std::string();
}

TEST(StudentIdProblem, AcceptsOrdinaryIds) {
  EXPECT_EQ(id_problem("2021210001"), "");
  EXPECT_EQ(id_problem("L-2024.07_김"), "");
  EXPECT_EQ(id_problem(std::string(200, '9')), "");
}

TEST(StudentIdProblem, RefusesControlCharactersAndLongIds) {
  EXPECT_EQ(id_problem("a\nb"),
            "student id \"a\\x0Ab\" cannot name a state file: it contains a "
            "control character");
  EXPECT_EQ(id_problem("\xC2\x9B"
                       "2J"),
            "student id \"\\u009b2J\" cannot name a state file: it contains a "
            "control character");
  EXPECT_EQ(id_problem(std::string(201, '9')),
            "the student id is 201 bytes long (at most 200)");
}

TEST(StudentIdProblem, IsWordedInEachLanguage) {
  EXPECT_EQ(id_problem(".x", rpx::Lang::zh),
            "学号“.x”不能用作状态文件名：它以点开头（隐藏文件、. 和 ..）");
  EXPECT_EQ(id_problem(".x", rpx::Lang::ko),
            "학번 \".x\"은(는) 상태 파일 이름으로 쓸 수 없습니다: 점으로 "
            "시작합니다 (숨김 파일, . 및 ..)");
}

}  // namespace
