// Reading JSON data files with the errors docs/cli.md promises: syntax errors
// as FILE:LINE:COL, bad values as FILE and a JSON Pointer, limits enforced.
// Internal to the loaders (state, rules, holidays); not a public header.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <rpx/dates.hpp>
#include <rpx/messages.hpp>
#include <rpx/text.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx::json_util {

inline constexpr std::size_t k_max_file_bytes =
    1024 * 1024;  // docs/cli.md limits
inline constexpr int k_max_depth = 64;

/// Parses `text` (a leading UTF-8 BOM is skipped). Throws `DataError`:
/// `name:LINE:COL: <reason>` for syntax errors, invalid UTF-8, NUL bytes
/// and numbers too large for a double,
/// `name: file is larger than 1 MiB` and `name:LINE:COL: nested deeper than
/// 64 levels` for the limits.
nlohmann::json parse(std::string_view text, const std::string& name);

/// Throws `DataError` "`name`: `pointer`: `reason`" ("`name`: `reason`"
/// when `pointer` is empty).
[[noreturn]] void fail(const std::string& name, const std::string& pointer,
                       Message reason);

/// Typed access with the JSON Pointer of the value in every error.
/// `at` is the pointer of `j` itself ("" for the root).
class Reader {
 public:
  Reader(const nlohmann::json& j, const std::string& name, std::string at = "")
      : m_j(j), m_name(name), m_at(std::move(at)) {}

  const nlohmann::json& json() const { return m_j; }
  const std::string& pointer() const { return m_at; }
  const std::string& name() const { return m_name; }

  /// The member `key` of this object (which must exist).
  Reader operator[](std::string_view key) const;
  /// Element `i` of this array.
  Reader operator[](std::size_t i) const;
  /// True when this object has `key` and it is not null.
  bool has(std::string_view key) const;

  void expect_object() const;
  void expect_array() const;
  /// Refuses members other than `allowed` (for closed objects such as rules).
  void only(std::initializer_list<std::string_view> allowed) const;

  std::string string() const;           // a non-empty string
  std::string string_or_empty() const;  // a string, may be empty
  long long integer(long long min, long long max) const;
  bool boolean() const;
  Date date() const;         // a string YYYY-MM-DD
  Text text() const;         // {"en": "...", ...}, "en" required
  std::size_t size() const;  // of an array

  [[noreturn]] void fail(Message reason) const;

 private:
  const nlohmann::json& m_j;
  const std::string& m_name;
  std::string m_at;
};

/// Escapes `key` for use as a JSON Pointer token (RFC 6901: ~ and /).
std::string pointer_token(std::string_view key);

/// A member of an object as written in the file: its name (unescaped) and
/// its value's text, whitespace outside strings removed, numbers and
/// strings exactly as they were (`1E2`, `-0`, `"\u00e9"`).
struct RawMember {
  std::string key;
  std::string raw;
};

/// The members of the JSON object `text` (valid JSON, as `parse` accepted
/// it), in order; empty when `text` is not an object.
std::vector<RawMember> raw_members(std::string_view text);

/// `text` (valid JSON) without the whitespace outside its strings: how
/// `raw_members` gives a value.
std::string minify(std::string_view text);

/// The elements of the JSON array `text`, as `raw_members` gives values.
std::vector<std::string> raw_elements(std::string_view text);

/// Layout of `write_raw`: nlohmann's `dump(indent)` for `indent` >= 0 on
/// a value that starts at column `column` (its own line's indent), else
/// compact.
std::string write_raw(std::string_view raw, int indent, std::size_t column);

}  // namespace rpx::json_util
