// Laying help out for a terminal of k_help_width columns, by display width
// (CJK and Hangul take two columns): wrapping and two-column lists.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rpx::cli {

/// Help is laid out for 80 columns, the narrowest terminal in common use,
/// whatever the terminal: the same text everywhere, and in the tests.
inline constexpr std::size_t k_help_width = 80;

/// `text` in lines of at most `width` columns, broken at spaces and between
/// CJK characters (not before closing punctuation such as "，" or ")", nor
/// after opening). A line of `text` keeps its leading spaces as the indent
/// of every line it wraps into; "\n" ends a line. A word wider than the
/// line is left whole.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

/// `text` wrapped at k_help_width, every line ending in "\n".
std::string wrapped(std::string_view text);

/// `left`, then `right` from column `column` on, wrapped to k_help_width
/// with its following lines indented to `column`. When `left` leaves no
/// two spaces before `column`, `right` starts on the next line.
std::string two_columns(std::string_view left, std::string_view right,
                        std::size_t column);

}  // namespace rpx::cli
