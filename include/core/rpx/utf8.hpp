// UTF-8 text: validation, the columns it takes in a terminal, and text made
// safe to print.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rpx {

/// The terminal columns `text` (UTF-8) takes: 2 for East Asian wide and
/// fullwidth characters (王, 김, ｆ), 0 for combining marks and zero-width
/// characters, 1 for the rest; a byte that is not valid UTF-8 counts 1.
std::size_t display_width(std::string_view text) noexcept;

/// `text` with control characters (C0, DEL, C1) replaced by `?`, so that a
/// hand-edited name can neither break a line nor send escape sequences to
/// a terminal, and bytes that are not UTF-8 by U+FFFD.
std::string printable(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD:
/// file names are bytes, but JSON and CSV output is UTF-8.
std::string valid_utf8(std::string_view text);

}  // namespace rpx
