// UTF-8 text: decoding and validation, the columns it takes in a terminal,
// and text made safe to print. The one place that knows the encoding; built
// on utf8proc (Unicode 15), whose header stays out of this one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rpx {

/// Decodes the code point at `text[pos]` (`pos` < `text.size()`) and
/// advances `pos` past it; nullopt, advancing `pos` by one byte, when the
/// bytes there are not valid UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF).
std::optional<char32_t> next_code_point(std::string_view text,
                                        std::size_t& pos) noexcept;

/// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text) noexcept;

/// True for the control characters: C0 (U+0000–U+001F), DEL and C1
/// (U+0080–U+009F).
constexpr bool is_control(char32_t c) noexcept {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/// One grapheme cluster (UAX #29: what a reader takes for one character,
/// such as a letter and its accents, or a family emoji) and the terminal
/// columns it takes.
struct Grapheme {
  std::string_view text;  // its bytes, a view into the text it came from
  std::size_t width = 0;  // 0, 1 or 2
};

/// The grapheme cluster that starts at byte `pos` (< `text.size()`) of
/// `text`; the next one starts at `pos + text.size()` of the result.
///
/// Its width is that of its widest code point (utf8proc_charwidth: 2 for
/// East Asian wide and fullwidth characters and emoji, 0 for combining marks,
/// joiners, variation selectors and control characters, 1 otherwise),
/// except that a flag (two regional indicators) takes 2. So accents add
/// nothing ("e\u0301" is 1), Hangul written as conjoining jamo takes the 2 of
/// its initial, and an emoji ZWJ sequence (👨‍👩‍👧) takes the 2 of one
/// emoji: what terminals that lay text out by grapheme cluster draw (Ghostty,
/// iTerm2). Terminals that add up per-code-point widths (VS Code's
/// xterm.js, GNOME's VTE) draw a ZWJ sequence wider, one emoji per member;
/// names and labels seldom hold one. A variation selector does not change the
/// width. A byte that is not valid UTF-8 is a cluster of its own, 1 wide,
/// as the U+FFFD that `printable` writes for it.
Grapheme grapheme_at(std::string_view text, std::size_t pos) noexcept;

/// The terminal columns `text` takes: the sum of its grapheme clusters'
/// widths (see `grapheme_at`).
std::size_t display_width(std::string_view text) noexcept;

/// How `sanitize` writes a control character (`is_control`).
enum class Controls {
  keep,
  question_mark,  // ?
  escape,         // \x1B for C0 and DEL, \u009b for C1
};

/// How `sanitize` writes a byte that is not part of valid UTF-8.
enum class BadBytes {
  replacement_character,  // U+FFFD
  hex_in_angles,          // <FF>, as nlohmann writes <U+0000>
  escape,                 // \xFF
};

/// `text` with its control characters and the bytes that are not UTF-8
/// written as `controls` and `bad` say; every other code point as it is.
std::string sanitize(std::string_view text, Controls controls, BadBytes bad);

/// `text` with control characters replaced by `?`, so that a hand-edited
/// name can neither break a line nor send escape sequences to a terminal,
/// and bytes that are not UTF-8 by U+FFFD.
std::string printable(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD:
/// file names are bytes, but JSON and CSV output is UTF-8.
std::string valid_utf8(std::string_view text);

}  // namespace rpx
