// Reading a notice's text: normalizing lines and the small scanners the
// notice parser (notice.cpp) is built from. Internal to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rpx::notice_text {

/// The enumeration comma of Chinese lists.
inline constexpr std::string_view k_enumeration = "、";

/// One line, normalized: ASCII punctuation and digits, no whitespace.
std::string normalize(std::string_view line);
/// The lines of `text`, normalized; a CR, LF or CRLF ends a line.
std::vector<std::string> normalized_lines(std::string_view text);

bool is_digit(char c);
/// Removes `word` from the front of `s` when it is there.
bool eat(std::string_view& s, std::string_view word);
/// Removes and returns a number of up to four digits from the front of `s`.
std::optional<int> eat_number(std::string_view& s);
/// At most `n` bytes of `s`, cut at a UTF-8 character boundary and then
/// marked with "…".
std::string excerpt(std::string_view s, std::size_t n = 60);

/// The rest after an item's ordinal (`一、` .. `十二、`, `1、`, `1.`).
std::optional<std::string_view> after_ordinal(std::string_view s);
/// True when `s` names a day ("5月").
bool has_day_mention(std::string_view s);
/// A line outside the items that still reads like one.
bool looks_like_item(std::string_view s);
/// The year of the first "YYYY年" in `s`.
std::optional<int> year_in(std::string_view s);
/// True for a line that is only a date, as under the signature.
bool is_date_line(std::string_view s);
/// True when `s` starts a new clause of an item (a date, 共, 鼓励).
bool starts_clause(std::string_view s);

}  // namespace rpx::notice_text
