#include <gtest/gtest.h>

#include <rpx/layout.hpp>
#include <string>

namespace {

using rpx::Elide;
using rpx::elide;
using rpx::visible_width;
using rpx::wrap_text;

TEST(WrapText, LeavesLinesThatFitUntouched) {
  const std::string text = "  a line  with  spaces  \n\nand another\n";
  EXPECT_EQ(wrap_text(text, 24), text);
  EXPECT_EQ(wrap_text(text, rpx::k_no_width_limit), text);
  EXPECT_EQ(wrap_text("", 10), "");
}

TEST(WrapText, BreaksAsciiAtSpaces) {
  EXPECT_EQ(wrap_text("The quick brown fox jumps over the lazy dog", 15),
            "The quick brown\n"
            "fox jumps over\n"
            "the lazy dog");
}

TEST(WrapText, KeepsNewlinesAndEmptyLines) {
  EXPECT_EQ(wrap_text("short\none two three four\n\nend\n", 9),
            "short\n"
            "one two\n"
            "three\n"
            "four\n"
            "\n"
            "end\n");
}

TEST(WrapText, LeavesNoTrailingSpaces) {
  EXPECT_EQ(wrap_text("word1 word2    ", 8), "word1\nword2");
  EXPECT_EQ(wrap_text("alpha   beta", 7), "alpha\nbeta");
}

TEST(WrapText, HangsUnderTheIndent) {
  EXPECT_EQ(wrap_text("    alpha beta gamma delta", 16),
            "    alpha beta\n"
            "    gamma delta");
}

TEST(WrapText, HangsUnderTheTextAfterListMarkers) {
  EXPECT_EQ(
      wrap_text("  ✓ 1. Get the Registration Form of Temporary Residence", 30),
      "  ✓ 1. Get the Registration\n"
      "       Form of Temporary\n"
      "       Residence");
  EXPECT_EQ(wrap_text("- one two three", 9), "- one two\n  three");
  EXPECT_EQ(wrap_text("• one two three", 9), "• one two\n  three");
  EXPECT_EQ(wrap_text("12) one two three", 10), "12) one\n    two\n    three");
}

TEST(WrapText, HangsUnderTheTextAfterALabel) {
  EXPECT_EQ(
      wrap_text("Note:  The office issues the letter with its stamp.", 24),
      "Note:  The office issues\n"
      "       the letter with\n"
      "       its stamp.");
  EXPECT_EQ(wrap_text("rpx: warning: one two three four five six", 28),
            "rpx: warning: one two three\n"
            "              four five six");
  // A full-width colon needs no space after it; a sentence is no label.
  EXPECT_EQ(wrap_text("注意：The office issues the letter with its stamp.", 24),
            "注意：The office issues\n"
            "      the letter with\n"
            "      its stamp.");
  EXPECT_EQ(wrap_text("下一步：3. 领取国际学生办公室的申请函", 22),
            "下一步：3. 领取国际学\n"
            "           生办公室的\n"
            "           申请函");
  EXPECT_EQ(wrap_text("（该估计为暂定：尚未公布）", 14),
            "（该估计为暂\n定：尚未公布）");
  EXPECT_EQ(wrap_text("Next: 3. Get the letter", 18),
            "Next: 3. Get the\n"
            "         letter");
}

TEST(WrapText, HangsUnderTheSecondColumn) {
  EXPECT_EQ(
      wrap_text(
          "  Last office day    Monday 2026-12-21, the filing deadline itself",
          50),
      "  Last office day    Monday 2026-12-21, the filing\n"
      "                     deadline itself");
}

TEST(WrapText, FallsBackToTheIndentWhenTheHangIsOverHalfTheLine) {
  EXPECT_EQ(
      wrap_text(
          "  Filing deadline    Wednesday 2026-02-18 (30 days before expiry)",
          30),
      "  Filing deadline    Wednesday\n"
      "  2026-02-18 (30 days before\n"
      "  expiry)");
}

TEST(WrapText, HangsAtLeastMinHang) {
  EXPECT_EQ(wrap_text("OVERDUE 2021210001 Kim Minjun: last office day was "
                      "2026-11-20 (5 days ago); permit expires 2026-12-20",
                      40, 2),
            "OVERDUE 2021210001 Kim Minjun: last\n"
            "  office day was 2026-11-20 (5 days\n"
            "  ago); permit expires 2026-12-20");
}

TEST(WrapText, BreaksBetweenChineseCharacters) {
  // Two columns each; "2027" stays whole.
  EXPECT_EQ(wrap_text("国务院办公厅关于2027年部分节假日安排的通知", 10),
            "国务院办公\n"
            "厅关于2027\n"
            "年部分节假\n"
            "日安排的通\n"
            "知");
}

TEST(WrapText, NeverStartsALineWithClosingPunctuation) {
  // "批准，" would end line 1 at 12 columns; "，" goes down with "准".
  EXPECT_EQ(wrap_text("经国务院批准，现将安排通知如下。", 12),
            "经国务院批\n"
            "准，现将安排\n"
            "通知如下。");
  // "王小明" would fit in 6 columns, but not its comma.
  EXPECT_EQ(wrap_text("王小明, 2022", 6), "王小\n明,\n2022");
}

TEST(WrapText, NeverEndsALineWithOpeningPunctuation) {
  // "一二三四（" would fit in 10 columns.
  EXPECT_EQ(wrap_text("一二三四（五六）", 10), "一二三四\n（五六）");
}

TEST(WrapText, BreaksHangulOnlyAtSpaces) {
  EXPECT_EQ(wrap_text("한국어 문장은 띄어쓰기를 합니다", 14),
            "한국어 문장은\n"
            "띄어쓰기를\n"
            "합니다");
  // A Korean word wider than the line is still cut, as any word.
  EXPECT_EQ(wrap_text("띄어쓰기를", 6), "띄어쓰\n기를");
  EXPECT_EQ(wrap_text("  - 한국어 문장", 11), "  - 한국어\n    문장");
}

TEST(WrapText, CountsCombiningMarksAsZero) {
  // 10 columns, 11 code points.
  EXPECT_EQ(wrap_text("Caf\u00e9 cre\u0300me bru\u0302le\u0301e", 10),
            "Caf\u00e9 cre\u0300me\n"
            "bru\u0302le\u0301e");
}

TEST(WrapText, BreaksAWordWiderThanTheLineBetweenGraphemes) {
  EXPECT_EQ(wrap_text("see /very/long/path/to/a/file.json now", 10),
            "see\n"
            "/very/long\n"
            "/path/to/a\n"
            "/file.json\n"
            "now");
  EXPECT_EQ(wrap_text("  - aaaaaaaaaaaaaaaaaaaa", 10),
            "  - aaaaaa\n"
            "    aaaaaa\n"
            "    aaaaaa\n"
            "    aa");
  EXPECT_EQ(wrap_text("xe\u0301e\u0301e\u0301", 2), "xe\u0301\ne\u0301e\u0301");
}

TEST(WrapText, BreaksALongWordBelowAPrefixThatLeavesItNoRoom) {
  // "1. " is over half of 4 columns: no hang, and "（" does not fit after it.
  EXPECT_EQ(wrap_text("1. （verylong", 4), "1.\n（ve\nrylo\nng");
}

TEST(WrapText, GivesColourEscapesNoWidthAndNeverSplitsThem) {
  EXPECT_EQ(wrap_text("\x1b[1;33mwarning:\x1b[0m the answer is provisional: "
                      "the 2027 schedule is not published yet",
                      40),
            "\x1b[1;33mwarning:\x1b[0m the answer is provisional: the\n"
            "         2027 schedule is not published\n"
            "         yet");
  EXPECT_EQ(wrap_text("\x1b[1mbold words here\x1b[0m tail", 10),
            "\x1b[1mbold words\n"
            "here\x1b[0m tail");
  EXPECT_EQ(wrap_text("  \x1b[31m✗\x1b[0m 3. Get the letter", 14),
            "  \x1b[31m✗\x1b[0m 3. Get the\n"
            "       letter");
}

TEST(WrapText, TakesNoTrailingSpacesThroughEscapes) {
  EXPECT_EQ(wrap_text("one \x1b[0m two", 3), "one\x1b[0m\ntwo");
  // A prefix too wide for its first word stays alone on its line.
  EXPECT_EQ(wrap_text("Label:  \x1b[1mabcdefghij", 12),
            "Label:\x1b[1m\nabcdefghij");
}

TEST(VisibleWidth, SkipsEscapesAndCountsWideCharactersTwice) {
  EXPECT_EQ(visible_width("\x1b[1;31m王\x1b[0m a"), 4U);
  EXPECT_EQ(visible_width("e\u0301"), 1U);
  EXPECT_EQ(visible_width("한"), 2U);
}

TEST(Elide, CutsTheEndOrTheStartByDisplayWidth) {
  EXPECT_EQ(elide("O'Brien, Jr., Sean", 12, Elide::end), "O'Brien, Jr…");
  EXPECT_EQ(elide("students/2021210001.json", 16, Elide::start),
            "…2021210001.json");
  EXPECT_EQ(elide("王小明", 5, Elide::end), "王小…");
  EXPECT_EQ(elide("王小明", 4, Elide::end), "王…");
  EXPECT_EQ(elide("Caf\u00e9s cre\u0300me", 6, Elide::end), "Caf\u00e9s…");
}

TEST(Elide, LeavesWhatFits) {
  EXPECT_EQ(elide("王小明", 6, Elide::end), "王小明");
  EXPECT_EQ(elide("abc", 0, Elide::end), "");
}

}  // namespace
