#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <rpx/errors.hpp>
#include <rpx/json_util.hpp>
#include <rpx/utf8.hpp>

namespace rpx::json_util {

namespace {

struct Position {
  std::size_t line = 1;
  std::size_t col = 1;
};

/// Line and column (both 1-based, column in bytes) of byte `offset`.
Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.col = 1;
    } else {
      ++p.col;
    }
  }
  return p;
}

[[noreturn]] void fail_at(const std::string& name, std::string_view text,
                          std::size_t offset, std::string_view reason) {
  const Position p = position_of(text, offset);
  throw DataError(fmt::format("{}:{}:{}: {}", name, p.line, p.col, reason));
}

/// Refuses nesting deeper than k_max_depth before the parser recurses.
void check_depth(std::string_view text, const std::string& name) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > k_max_depth) {
        fail_at(name, text, i,
                fmt::format("nested deeper than {} levels", k_max_depth));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

/// nlohmann's message without its "[json.exception...] parse error at line
/// L, column C: " prefix, whose column counts differ from ours.
std::string reason_of(const nlohmann::json::parse_error& e) {
  std::string_view what = e.what();
  if (auto colon = what.find(": "); colon != std::string_view::npos) {
    what.remove_prefix(colon + 2);
  }
  // Each byte that is not UTF-8 is shown as <XX>, the way nlohmann shows
  // control characters (<U+0000>): an error line must not carry the bad
  // bytes it complains about to the user's terminal.
  return sanitize(what, Controls::keep, BadBytes::hex_in_angles);
}

/// The offset of the first number (outside strings) too large for a
/// double. nlohmann reports such a number (out_of_range 406) without its
/// position; it is the first, since parsing stops there.
std::size_t first_overflowing_number(std::string_view text) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() &&
             std::string_view("0123456789.eE+-").find(text[end]) !=
                 std::string_view::npos) {
        ++end;
      }
      const std::string number(text.substr(i, end - i));
      if (std::isinf(std::strtod(number.c_str(), nullptr))) {
        return i;
      }
      i = end - 1;
    }
  }
  return 0;
}

/// Refuses a member name that appears twice in one object, naming its
/// pointer: nlohmann keeps the last and drops the first silently, so a
/// hand-edited file could lose a date without a word.
class DuplicateCheck {
 public:
  explicit DuplicateCheck(const std::string& name) : m_name(name) {}

  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event,
                  nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        m_stack.push_back({event == E::array_start, 0, {}, {}});
        break;
      case E::key:
        on_key(parsed.get_ref<const std::string&>());
        break;
      case E::object_end:
      case E::array_end:
        m_stack.pop_back();
        completed();
        break;
      case E::value:
        completed();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;  // elements completed (arrays)
    std::string key;    // the member being read (objects)
    std::vector<std::string> keys;
  };

  void completed() {
    if (!m_stack.empty() && m_stack.back().array) {
      ++m_stack.back().index;
    }
  }

  void on_key(const std::string& key) {
    Frame& f = m_stack.back();
    if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) {
      std::string at;
      for (std::size_t i = 0; i + 1 < m_stack.size(); ++i) {
        at += m_stack[i].array ? fmt::format("/{}", m_stack[i].index)
                               : "/" + pointer_token(m_stack[i].key);
      }
      fail(m_name, at + "/" + pointer_token(key),
           "appears more than once in its object (a member name may be used "
           "only once)");
    }
    f.keys.push_back(key);
    f.key = key;
  }

  const std::string& m_name;
  std::vector<Frame> m_stack;
};

std::size_t skip_ws(std::string_view t, std::size_t i) {
  while (i < t.size() &&
         (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) {
    ++i;
  }
  return i;
}

/// The end of the string literal that starts at `t[i]` (a quote).
std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') {
      ++i;
    }
  }
  return std::min(i + 1, t.size());
}

/// The end of the value that starts at `t[i]`.
std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) {
    return i;
  }
  if (t[i] == '"') {
    return skip_string(t, i);
  }
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    for (; i < t.size(); ++i) {
      if (t[i] == '"') {
        i = skip_string(t, i) - 1;
      } else if (t[i] == '{' || t[i] == '[') {
        ++depth;
      } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return i;
  }
  while (i < t.size() &&
         std::string_view(",]} \t\r\n").find(t[i]) == std::string_view::npos) {
    ++i;
  }
  return i;
}

/// `t` without whitespace outside strings.
std::string minify(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '"') {
      const std::size_t end = skip_string(t, i);
      out.append(t.substr(i, end - i));
      i = end;
    } else {
      if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') {
        out += t[i];
      }
      ++i;
    }
  }
  return out;
}

/// Calls `each(key_text, value_text)` for the members of object `t` (or
/// with an empty key for the elements of array `t`).
template <typename F>
void for_each_raw(std::string_view t, char open, F each) {
  std::size_t i = skip_ws(t, 0);
  if (i >= t.size() || t[i] != open) {
    return;
  }
  i = skip_ws(t, i + 1);
  while (i < t.size() && t[i] != '}' && t[i] != ']') {
    std::string_view key;
    if (open == '{') {
      const std::size_t end = skip_string(t, i);
      key = t.substr(i, end - i);
      i = skip_ws(t, skip_ws(t, end) + 1);  // past the colon
    }
    const std::size_t end = skip_value(t, i);
    each(key, t.substr(i, end - i));
    i = skip_ws(t, end);
    if (i < t.size() && t[i] == ',') {
      i = skip_ws(t, i + 1);
    }
  }
}

void write_raw_at(std::string_view t, std::size_t& i, int indent,
                  std::size_t depth, std::string& out) {
  i = skip_ws(t, i);
  if (i >= t.size()) {
    return;
  }
  const char c = t[i];
  if (c != '{' && c != '[') {
    const std::size_t end = skip_value(t, i);
    out.append(t.substr(i, end - i));
    i = end;
    return;
  }
  const char close = c == '{' ? '}' : ']';
  i = skip_ws(t, i + 1);
  if (i < t.size() && t[i] == close) {
    out += c;
    out += close;
    ++i;
    return;
  }
  out += c;
  const auto newline = [&](std::size_t level) {
    if (indent >= 0) {
      out += '\n';
      out.append(level * static_cast<std::size_t>(indent), ' ');
    }
  };
  for (bool first = true;; first = false) {
    i = skip_ws(t, i);
    if (i >= t.size() || t[i] == close) {
      break;
    }
    if (t[i] == ',') {
      ++i;
      continue;
    }
    if (!first) {
      out += ',';
    }
    newline(depth + 1);
    if (c == '{') {
      const std::size_t end = skip_string(t, i);
      out.append(t.substr(i, end - i));
      out += indent >= 0 ? ": " : ":";
      i = skip_ws(t, skip_ws(t, end) + 1);
    }
    write_raw_at(t, i, indent, depth + 1, out);
  }
  newline(depth);
  out += close;
  i = std::min(i + 1, t.size());
}

}  // namespace

std::vector<RawMember> raw_members(std::string_view text) {
  std::vector<RawMember> out;
  for_each_raw(text, '{', [&](std::string_view key, std::string_view value) {
    out.push_back(
        {nlohmann::json::parse(key).get<std::string>(), minify(value)});
  });
  return out;
}

std::vector<std::string> raw_elements(std::string_view text) {
  std::vector<std::string> out;
  for_each_raw(text, '[', [&](std::string_view, std::string_view value) {
    out.push_back(minify(value));
  });
  return out;
}

std::string write_raw(std::string_view raw, int indent, std::size_t column) {
  std::string out;
  std::size_t i = 0;
  const std::size_t depth =
      indent > 0 ? column / static_cast<std::size_t>(indent) : 0;
  write_raw_at(raw, i, indent, depth, out);
  return out;
}

nlohmann::json parse(std::string_view text, const std::string& name) {
  if (text.size() > k_max_file_bytes) {
    throw DataError(fmt::format("{}: file is larger than 1 MiB", name));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  // nlohmann stops at a NUL byte as at the end of the input, so that
  // `{...}<NUL>garbage` would pass as valid; no JSON text holds one.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    fail_at(name, text, nul, "NUL byte (not allowed in JSON)");
  }
  check_depth(text, name);
  try {
    return nlohmann::json::parse(text, DuplicateCheck(name));
  } catch (const nlohmann::json::parse_error& e) {
    // `byte` is the 1-based index of the last byte read: the culprit.
    fail_at(name, text, e.byte == 0 ? 0 : e.byte - 1, reason_of(e));
  } catch (const nlohmann::json::out_of_range&) {
    fail_at(name, text, first_overflowing_number(text),
            "number too large (more than about 1.8e308)");
  }
}

void fail(const std::string& name, const std::string& pointer,
          std::string_view reason) {
  if (pointer.empty()) {
    throw DataError(fmt::format("{}: {}", name, reason));
  }
  throw DataError(fmt::format("{}: {}: {}", name, pointer, reason));
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void Reader::fail(std::string_view reason) const {
  json_util::fail(m_name, m_at, reason);
}

void Reader::expect_object() const {
  if (!m_j.is_object()) {
    fail("expected an object");
  }
}

void Reader::expect_array() const {
  if (!m_j.is_array()) {
    fail("expected an array");
  }
}

Reader Reader::operator[](std::string_view key) const {
  expect_object();
  const std::string at = m_at + "/" + pointer_token(key);
  auto it = m_j.find(key);
  if (it == m_j.end()) {
    json_util::fail(m_name, at, "missing");
  }
  return Reader(*it, m_name, at);
}

Reader Reader::operator[](std::size_t i) const {
  expect_array();
  const std::string at = fmt::format("{}/{}", m_at, i);
  if (i >= m_j.size()) {
    json_util::fail(m_name, at, "missing");
  }
  return Reader(m_j[i], m_name, at);
}

bool Reader::has(std::string_view key) const {
  expect_object();
  auto it = m_j.find(key);
  return it != m_j.end() && !it->is_null();
}

void Reader::only(std::initializer_list<std::string_view> allowed) const {
  expect_object();
  for (const auto& [key, value] : m_j.items()) {
    bool known = false;
    for (std::string_view a : allowed) {
      known = known || a == key;
    }
    if (!known) {
      json_util::fail(m_name, m_at + "/" + pointer_token(key),
                      "unknown member");
    }
  }
}

std::string Reader::string_or_empty() const {
  if (!m_j.is_string()) {
    fail("expected a string");
  }
  return m_j.get<std::string>();
}

std::string Reader::string() const {
  std::string s = string_or_empty();
  if (s.empty()) {
    fail("must not be empty");
  }
  return s;
}

long long Reader::integer(long long min, long long max) const {
  if (!m_j.is_number_integer()) {
    fail(fmt::format("expected an integer from {} to {}", min, max));
  }
  // Unsigned values above LLONG_MAX are out of range whatever the bounds.
  if (m_j.is_number_unsigned() &&
      m_j.get<unsigned long long>() >
          static_cast<unsigned long long>(
              std::numeric_limits<long long>::max())) {
    fail(fmt::format("expected an integer from {} to {}", min, max));
  }
  const long long v = m_j.get<long long>();
  if (v < min || v > max) {
    fail(fmt::format("expected an integer from {} to {}", min, max));
  }
  return v;
}

bool Reader::boolean() const {
  if (!m_j.is_boolean()) {
    fail("expected true or false");
  }
  return m_j.get<bool>();
}

Date Reader::date() const {
  if (m_j.is_string()) {
    if (auto d = parse_date(m_j.get_ref<const std::string&>())) {
      return *d;
    }
  }
  fail("expected a date YYYY-MM-DD");
}

namespace {

bool is_language_tag(std::string_view s) {
  // "en", "zh", "ko", "yue", optionally with a region: "zh-TW".
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::size_t n = 0;
  while (n < s.size() && lower(s[n])) {
    ++n;
  }
  if (n < 2 || n > 3) {
    return false;
  }
  if (n == s.size()) {
    return true;
  }
  return s.size() == n + 3 && s[n] == '-' && upper(s[n + 1]) && upper(s[n + 2]);
}

}  // namespace

Text Reader::text() const {
  expect_object();
  Text t;
  for (const auto& [key, value] : m_j.items()) {
    const Reader r(value, m_name, m_at + "/" + pointer_token(key));
    if (!is_language_tag(key)) {
      r.fail("expected a language code such as \"en\" or \"zh\"");
    }
    t.by_lang.emplace(key, r.string());
  }
  if (!t.has("en")) {
    fail("needs an English text (\"en\")");
  }
  return t;
}

std::size_t Reader::size() const {
  expect_array();
  return m_j.size();
}

}  // namespace rpx::json_util
