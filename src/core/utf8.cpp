// UTF-8: validation, display width, and text made safe to print.
#include <algorithm>
#include <iterator>
#include <optional>
#include <rpx/utf8.hpp>

namespace rpx {

namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};

/// East Asian Width W and F (Unicode 15, UAX #11), merged into runs; the
/// blocks names are written in, plus the common emoji blocks.
constexpr CodeRange k_wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},
    {0x23E9, 0x23EC},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x16FE0, 0x16FE4}, {0x17000, 0x18AFF}, {0x1B000, 0x1B2FF},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/// Combining marks and format characters a terminal draws in no column of
/// their own (Vietnamese in NFD, Arabic vowel marks, Hangul conjoining
/// vowels and finals, zero-width joiners, variation selectors).
constexpr CodeRange k_zero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
    {0x0E47, 0x0E4E}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

template <std::size_t N>
bool in(const CodeRange (&ranges)[N], char32_t c) noexcept {
  const auto* it = std::upper_bound(
      std::begin(ranges), std::end(ranges), c,
      [](char32_t v, const CodeRange& r) { return v < r.first; });
  return it != std::begin(ranges) && c <= (it - 1)->last;
}

/// Decodes the code point at `s[i]` and advances `i`; nullopt (advancing by
/// one byte) when the bytes there are not valid UTF-8 (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF).
std::optional<char32_t> next_code_point(std::string_view s,
                                        std::size_t& i) noexcept {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned char b0 = byte(i);
  const std::size_t len = b0 < 0x80           ? 1
                          : (b0 >> 5) == 0x6  ? 2
                          : (b0 >> 4) == 0xE  ? 3
                          : (b0 >> 3) == 0x1E ? 4
                                              : 0;
  constexpr char32_t k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  char32_t c = len <= 1 ? b0 : b0 & (0x7F >> len);
  bool ok = len != 0 && i + len <= s.size();
  for (std::size_t k = 1; ok && k < len; ++k) {
    ok = (byte(i + k) & 0xC0) == 0x80;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (!ok || c < k_smallest[len] || c > 0x10FFFF ||
      (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return std::nullopt;
  }
  i += len;
  return c;
}

/// Copies `text`, writing `replace(c)` instead of each code point for which
/// it returns a value, and U+FFFD for each byte that is not UTF-8.
template <class Replace>
std::string map_code_points(std::string_view text, const Replace& replace) {
  constexpr std::string_view k_replacement = "\uFFFD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const std::optional<char32_t> c = next_code_point(text, i);
    if (!c) {
      out += k_replacement;
    } else if (const std::optional<std::string_view> r = replace(*c)) {
      out += *r;
    } else {
      out += text.substr(start, i - start);
    }
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::optional<char32_t> c = next_code_point(text, i);
    width += !c ? 1 : in(k_zero, *c) ? 0 : in(k_wide, *c) ? 2 : 1;
  }
  return width;
}

std::string printable(std::string_view text) {
  return map_code_points(text, [](char32_t c) {
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    return control ? std::optional<std::string_view>("?") : std::nullopt;
  });
}

std::string valid_utf8(std::string_view text) {
  return map_code_points(
      text, [](char32_t) { return std::optional<std::string_view>(); });
}

}  // namespace rpx
