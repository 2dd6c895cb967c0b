// Text meant for people, keyed by language: {"en": "...", "zh": "..."}.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace rpx {

/// One piece of user-facing text in several languages. English is always
/// present (the loaders refuse text without it), so `in()` never fails.
struct Text {
  std::map<std::string, std::string, std::less<>> by_lang;

  /// The English text.
  const std::string& en() const;
  /// The text in `lang`, or English when that language is missing.
  const std::string& in(std::string_view lang) const;
  /// True when the text exists in `lang` itself (no fallback).
  bool has(std::string_view lang) const;

  bool operator==(const Text&) const = default;
};

}  // namespace rpx
