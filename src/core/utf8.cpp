// UTF-8 on utf8proc: decoding, grapheme clusters and their widths, and the
// one sanitizer every output goes through.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <rpx/utf8.hpp>

static_assert(UTF8PROC_VERSION_MAJOR > 2 ||
                  (UTF8PROC_VERSION_MAJOR == 2 && UTF8PROC_VERSION_MINOR >= 5),
              "utf8proc_grapheme_break_stateful needs utf8proc 2.5");

namespace rpx {

namespace {

constexpr bool is_regional_indicator(char32_t c) noexcept {
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

std::size_t width_of(char32_t c) noexcept {
  return static_cast<std::size_t>(
      utf8proc_charwidth(static_cast<utf8proc_int32_t>(c)));
}

/// True when every byte is printable ASCII (space to `~`): one grapheme
/// of one column each, nothing to sanitize.
bool is_printable_ascii(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c >= 0x20 && c < 0x7F; });
}

}  // namespace

std::optional<char32_t> next_code_point(std::string_view text,
                                        std::size_t& pos) noexcept {
  utf8proc_int32_t c = -1;
  const utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
  if (n <= 0) {
    ++pos;
    return std::nullopt;
  }
  pos += static_cast<std::size_t>(n);
  return static_cast<char32_t>(c);
}

bool is_valid_utf8(std::string_view text) noexcept {
  if (std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x80;
      })) {
    return true;  // ASCII: most of every file rpx reads
  }
  for (std::size_t i = 0; i < text.size();) {
    if (!next_code_point(text, i)) {
      return false;
    }
  }
  return true;
}

Grapheme grapheme_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t end = pos;
  const std::optional<char32_t> first = next_code_point(text, end);
  if (!first) {
    return {text.substr(pos, end - pos), 1};
  }
  std::size_t width = width_of(*first);
  bool flag = false;
  // The state carries what a pair of code points cannot tell (regional
  // indicator parity, emoji ZWJ sequences); zero starts a cluster.
  utf8proc_int32_t state = 0;
  for (char32_t last = *first; end < text.size();) {
    std::size_t next_end = end;
    const std::optional<char32_t> c = next_code_point(text, next_end);
    if (!c || utf8proc_grapheme_break_stateful(
                  static_cast<utf8proc_int32_t>(last),
                  static_cast<utf8proc_int32_t>(*c), &state)) {
      break;
    }
    width = std::max(width, width_of(*c));
    flag = flag || (is_regional_indicator(last) && is_regional_indicator(*c));
    last = *c;
    end = next_end;
  }
  return {text.substr(pos, end - pos), flag ? 2 : width};
}

std::size_t display_width(std::string_view text) noexcept {
  if (is_printable_ascii(text)) {
    return text.size();  // one column each: most cells of a table
  }
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Grapheme g = grapheme_at(text, i);
    width += g.width;
    i += g.text.size();
  }
  return width;
}

std::string sanitize(std::string_view text, Controls controls, BadBytes bad) {
  if (is_printable_ascii(text)) {
    return std::string(text);  // nothing to replace or escape
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const std::optional<char32_t> c = next_code_point(text, i);
    if (!c) {
      const auto b = static_cast<unsigned char>(text[start]);
      switch (bad) {
        case BadBytes::replacement_character:
          out += "\uFFFD";
          break;
        case BadBytes::hex_in_angles:
          out += fmt::format("<{:02X}>", b);
          break;
        case BadBytes::escape:
          out += fmt::format("\\x{:02X}", b);
          break;
      }
    } else if (controls != Controls::keep && is_control(*c)) {
      if (controls == Controls::question_mark) {
        out += '?';
      } else if (*c < 0x80) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned>(*c));
      } else {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(*c));
      }
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string printable(std::string_view text) {
  return sanitize(text, Controls::question_mark,
                  BadBytes::replacement_character);
}

std::string valid_utf8(std::string_view text) {
  return sanitize(text, Controls::keep, BadBytes::replacement_character);
}

}  // namespace rpx
