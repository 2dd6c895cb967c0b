// Text laid out for a terminal's width: lines wrapped at word boundaries
// (and between CJK characters) with a hanging indent, and cells shortened
// with an ellipsis. Widths are display widths (utf8.hpp: CJK and Hangul take
// two columns, combining marks none); ANSI SGR colour escapes take none and
// are never split.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace rpx {

/// The width of output that is not going to a terminal: no limit, so that
/// piped output keeps full lines.
inline constexpr std::size_t k_no_width_limit =
    std::numeric_limits<std::size_t>::max();

/// The columns `text` takes on a terminal: its `display_width` with every
/// SGR escape sequence (`ESC [ ... m`) counted as zero.
std::size_t visible_width(std::string_view text) noexcept;

/// `text` with every line longer than `width` columns wrapped; lines that
/// fit are left untouched, byte for byte.
///
/// A line breaks at a run of spaces (dropped at the break), or between two
/// characters when either is wide (CJK, Hangul), except before closing
/// punctuation (，。、）」』》：；！？ and the ASCII ones) and after opening
/// punctuation (（「『《 and the ASCII ones). A word wider than the line is
/// broken between grapheme clusters. No line ends in spaces.
///
/// Continuation lines start under the first text column of their line:
/// after its leading spaces, any list markers ("✓ ", "✗ ", "• ", "- ",
/// "* ", "1. ", "2) ") and labels ("Note: ", "warning: "), or, when there
/// are none, after a first run of two or more spaces ("Filing deadline
/// Monday ..."), and at least `min_hang` columns in. A hanging indent wider
/// than half of `width` falls back to the leading spaces, then to none.
std::string wrap_text(std::string_view text, std::size_t width,
                      std::size_t min_hang = 0);

/// Which end of a text `elide` cuts.
enum class Elide {
  end,    // "O'Brien, J…": the start says most (a name)
  start,  // "…/2021210001.json": the end says most (a path)
};

/// `text` (one line, no escapes) if it fits in `width` columns, else cut
/// between grapheme clusters to fit with "…" where it was cut; "" when
/// `width` is 0.
std::string elide(std::string_view text, std::size_t width, Elide where);

}  // namespace rpx
