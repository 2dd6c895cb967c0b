#include <gtest/gtest.h>

#include <rpx/utf8.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using rpx::BadBytes;
using rpx::Controls;
using rpx::display_width;

/// The grapheme clusters of `text` as "bytes:width" strings.
std::vector<std::string> clusters(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const rpx::Grapheme g = rpx::grapheme_at(text, i);
    out.push_back(std::string(g.text) + ":" + std::to_string(g.width));
    i += g.text.size();
  }
  return out;
}

TEST(NextCodePoint, DecodesAndAdvances) {
  const std::string_view text = "a王\xF0\x9F\x98\x80";
  std::size_t i = 0;
  EXPECT_EQ(rpx::next_code_point(text, i), U'a');
  EXPECT_EQ(i, 1U);
  EXPECT_EQ(rpx::next_code_point(text, i), U'王');
  EXPECT_EQ(i, 4U);
  EXPECT_EQ(rpx::next_code_point(text, i), U'\U0001F600');
  EXPECT_EQ(i, 8U);
}

TEST(NextCodePoint, SkipsOneByteOfWhatIsNotUtf8) {
  const std::string_view text =
      "\xE7\x8E"
      "a";  // a truncated 王, then a
  std::size_t i = 0;
  EXPECT_EQ(rpx::next_code_point(text, i), std::nullopt);
  EXPECT_EQ(i, 1U);
  EXPECT_EQ(rpx::next_code_point(text, i), std::nullopt);
  EXPECT_EQ(i, 2U);
  EXPECT_EQ(rpx::next_code_point(text, i), U'a');
}

TEST(IsValidUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(rpx::is_valid_utf8(""));
  EXPECT_TRUE(rpx::is_valid_utf8("ascii"));
  EXPECT_TRUE(rpx::is_valid_utf8("王小明 김민준 \xF0\x9F\x98\x80"));
  EXPECT_TRUE(rpx::is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(rpx::is_valid_utf8(std::string_view("a\0b", 3)));
}

TEST(IsValidUtf8, RefusesMalformedText) {
  EXPECT_FALSE(rpx::is_valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(rpx::is_valid_utf8("\xE0\x80\xAF"));      // overlong "/"
  EXPECT_FALSE(rpx::is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(rpx::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(rpx::is_valid_utf8("\xE4\xB8"));          // cut short
  EXPECT_FALSE(rpx::is_valid_utf8("\x80"));              // a lone tail byte
  EXPECT_FALSE(rpx::is_valid_utf8("\xFF"));
}

TEST(IsControl, IsC0DelAndC1) {
  static_assert(rpx::is_control(U'\0') && rpx::is_control(U'\x1B'));
  static_assert(rpx::is_control(U'\x7F') && rpx::is_control(U'\u0085'));
  static_assert(rpx::is_control(U'\u009F'));
  static_assert(!rpx::is_control(U' ') && !rpx::is_control(U'\u00A0'));
  static_assert(!rpx::is_control(U'\u200B'));  // a format character
}

TEST(DisplayWidth, CountsAsciiAndOtherNarrowScriptsOnce) {
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("Kim Minjun"), 10U);
  EXPECT_EQ(display_width("Ахмедов"), 7U);
  EXPECT_EQ(display_width("Nguyễn"), 6U);
}

TEST(DisplayWidth, CountsWideCharactersTwice) {
  EXPECT_EQ(display_width("王"), 2U);
  EXPECT_EQ(display_width("김"), 2U);
  EXPECT_EQ(display_width("ｆ"), 2U);  // fullwidth forms
  EXPECT_EQ(display_width("王小明"), 6U);
  EXPECT_EQ(display_width("김민준"), 6U);
  EXPECT_EQ(display_width("山田 タロウ"), 11U);
  EXPECT_EQ(display_width("ＡＢ"), 4U);
  EXPECT_EQ(display_width("\xF0\x9F\x98\x80"), 2U);  // 😀
}

TEST(DisplayWidth, CombiningMarksTakeNoColumn) {
  EXPECT_EQ(display_width("e\u0301"), 1U);
  EXPECT_EQ(display_width("Nguye\u0302\u0303n"), 6U);  // NFD
  EXPECT_EQ(display_width("王\u0301"), 2U);
  EXPECT_EQ(display_width("a\u200Bb"), 2U);  // zero width space
}

TEST(DisplayWidth, ConjoiningHangulJamoTakeTheInitialsColumns) {
  // 각 as jamo: utf8proc counts the vowel and the final 1 each on their own.
  EXPECT_EQ(display_width("\u1100\u1161\u11A8"), 2U);
  EXPECT_EQ(display_width("\u1100\u1161\u11A8\u1102\u1161"), 4U);  // 각나
}

TEST(DisplayWidth, EmojiSequencesTakeTheColumnsOfOneEmoji) {
  // man ZWJ woman ZWJ girl: one cluster, not 6 columns.
  EXPECT_EQ(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467"), 2U);
  // thumbs up with a skin tone
  EXPECT_EQ(display_width("\U0001F44D\U0001F3FD"), 2U);
  // the flags of Korea and China: two regional indicators each
  EXPECT_EQ(display_width("\U0001F1F0\U0001F1F7\U0001F1E8\U0001F1F3"), 4U);
  // a variation selector does not widen a narrow symbol
  EXPECT_EQ(display_width("\u2764\uFE0F"), 1U);
}

TEST(DisplayWidth, ControlCharactersTakeNoColumn) {
  EXPECT_EQ(display_width("a\tb"), 2U);
  EXPECT_EQ(display_width("\x1b[31m"), 4U);  // ESC, then "[31m"
  EXPECT_EQ(display_width("\u0085"), 0U);
}

TEST(DisplayWidth, InvalidUtf8CountsOnePerByte) {
  EXPECT_EQ(display_width("\xff\xfe"), 2U);
  EXPECT_EQ(display_width("a\xe7\x8e"), 3U);  // truncated 王
  EXPECT_EQ(display_width("\xc3("), 2U);
  EXPECT_EQ(display_width("\xff"
                          "\u0301"),
            1U);  // a mark after a bad byte joins nothing
}

TEST(GraphemeAt, SplitsTextIntoClustersWithTheirWidths) {
  EXPECT_EQ(clusters("a王e\u0301"),
            (std::vector<std::string>{"a:1", "王:2", "e\u0301:1"}));
  EXPECT_EQ(clusters("\U0001F468\u200D\U0001F469!"),
            (std::vector<std::string>{"\U0001F468\u200D\U0001F469:2", "!:1"}));
  EXPECT_EQ(clusters("\r\n\x01"),
            (std::vector<std::string>{"\r\n:0", "\x01:0"}));
  EXPECT_EQ(clusters("\xe7\x8e"
                     "a"),
            (std::vector<std::string>{"\xe7:1", "\x8e:1", "a:1"}));
  // A third regional indicator starts a new cluster.
  EXPECT_EQ(
      clusters("\U0001F1F0\U0001F1F7\U0001F1E8"),
      (std::vector<std::string>{"\U0001F1F0\U0001F1F7:2", "\U0001F1E8:1"}));
}

TEST(Printable, ReplacesControlCharacters) {
  EXPECT_EQ(rpx::printable("王小明 Kim"), "王小明 Kim");
  EXPECT_EQ(rpx::printable("a\nb\tc\rd"), "a?b?c?d");
  EXPECT_EQ(rpx::printable("\x1b[31mred"), "?[31mred");
  EXPECT_EQ(rpx::printable("x\x7fy"), "x?y");
  EXPECT_EQ(rpx::printable("\xc2\x9b"
                           "2J"),
            "?2J");                                   // C1 CSI
  EXPECT_EQ(rpx::printable("\xc2\xa0"), "\xc2\xa0");  // no-break space stays
}

TEST(Printable, ReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(rpx::printable("bad\xff.json"), "bad\uFFFD.json");
}

TEST(ValidUtf8, ReplacesEachBadByteWithTheReplacementCharacter) {
  EXPECT_EQ(rpx::valid_utf8("王小明/김민준.json"), "王小明/김민준.json");
  EXPECT_EQ(rpx::valid_utf8("a\xff"
                            "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(rpx::valid_utf8("\xe7\x8e"), "\uFFFD\uFFFD");  // truncated 王
  EXPECT_EQ(rpx::valid_utf8("\xc0\xaf"), "\uFFFD\uFFFD");  // overlong '/'
  EXPECT_EQ(rpx::valid_utf8("\xed\xa0\x80"),
            "\uFFFD\uFFFD\uFFFD");  // a surrogate
  EXPECT_EQ(rpx::valid_utf8("\xf4\x90\x80\x80"),
            "\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  EXPECT_EQ(rpx::valid_utf8("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
  EXPECT_EQ(rpx::valid_utf8("a\nb"), "a\nb");  // controls stay
}

TEST(Sanitize, EscapesControlsAndBadBytes) {
  EXPECT_EQ(rpx::sanitize("a\nb\x7f\xc2\x85王\xff", Controls::escape,
                          BadBytes::escape),
            "a\\x0Ab\\x7F\\u0085王\\xFF");
}

TEST(Sanitize, ShowsBadBytesInAnglesAndKeepsControls) {
  EXPECT_EQ(
      rpx::sanitize("x\t\xe7\x8e!", Controls::keep, BadBytes::hex_in_angles),
      "x\t<E7><8E>!");
}

}  // namespace
