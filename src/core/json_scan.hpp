// JSON strings scanned without a parser, for the one-pass readers of the
// files rpx writes itself (state_fast.cpp, the catalogues in messages.cpp).
// Internal to src/core. Each reader leaves anything these decline to
// nlohmann.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rpx::json_scan {

/// A string literal's bytes between the quotes, and whether it holds an
/// escape.
struct ScannedString {
  std::string_view body;
  bool escaped = false;
};

/// The string literal at `text[at]` (a quote), with `at` moved past its
/// closing quote; nullopt for what only a full parser should read: no
/// opening or closing quote, a control character, an escape other than the
/// one-letter ones (\u included). UTF-8 is the caller's to check.
inline std::optional<ScannedString> scan_string(std::string_view text,
                                                std::size_t& at) {
  if (at >= text.size() || text[at] != '"') {
    return std::nullopt;
  }
  const std::size_t start = ++at;
  bool escaped = false;
  for (; at < text.size() && text[at] != '"'; ++at) {
    if (static_cast<unsigned char>(text[at]) < 0x20) {
      return std::nullopt;
    }
    if (text[at] == '\\') {
      escaped = true;
      if (++at >= text.size() ||
          std::string_view("\"\\/bfnrt").find(text[at]) ==
              std::string_view::npos) {
        return std::nullopt;
      }
    }
  }
  if (at >= text.size()) {
    return std::nullopt;
  }
  return ScannedString{text.substr(start, at++ - start), escaped};
}

/// `body` (from `scan_string`) with its one-letter escapes decoded.
inline std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char c = body[++i];
    out += c == 'b'   ? '\b'
           : c == 'f' ? '\f'
           : c == 'n' ? '\n'
           : c == 'r' ? '\r'
           : c == 't' ? '\t'
                      : c;  // " \ /
  }
  return out;
}

}  // namespace rpx::json_scan
