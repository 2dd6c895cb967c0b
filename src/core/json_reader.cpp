// json_util::Reader: typed access to a parsed data file, with the JSON
// Pointer of the value in every error.
#include <fmt/format.h>

#include <limits>
#include <rpx/json_util.hpp>

namespace rpx::json_util {

void Reader::fail(Message reason) const {
  json_util::fail(m_name, m_at, std::move(reason));
}

void Reader::expect_object() const {
  if (!m_j.is_object()) {
    fail(Message("error.json.expected_object"));
  }
}

void Reader::expect_array() const {
  if (!m_j.is_array()) {
    fail(Message("error.json.expected_array"));
  }
}

Reader Reader::operator[](std::string_view key) const {
  expect_object();
  const std::string at = m_at + "/" + pointer_token(key);
  auto it = m_j.find(key);
  if (it == m_j.end()) {
    json_util::fail(m_name, at, Message("error.json.missing"));
  }
  return Reader(*it, m_name, at);
}

Reader Reader::operator[](std::size_t i) const {
  expect_array();
  const std::string at = fmt::format("{}/{}", m_at, i);
  if (i >= m_j.size()) {
    json_util::fail(m_name, at, Message("error.json.missing"));
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
                      Message("error.json.unknown_member"));
    }
  }
}

std::string Reader::string_or_empty() const {
  if (!m_j.is_string()) {
    fail(Message("error.json.expected_string"));
  }
  return m_j.get<std::string>();
}

std::string Reader::string() const {
  std::string s = string_or_empty();
  if (s.empty()) {
    fail(Message("error.json.empty"));
  }
  return s;
}

long long Reader::integer(long long min, long long max) const {
  if (!m_j.is_number_integer()) {
    fail(Message("error.json.expected_integer", {{"min", min}, {"max", max}}));
  }
  // Unsigned values above LLONG_MAX are out of range whatever the bounds.
  if (m_j.is_number_unsigned() &&
      m_j.get<unsigned long long>() >
          static_cast<unsigned long long>(
              std::numeric_limits<long long>::max())) {
    fail(Message("error.json.expected_integer", {{"min", min}, {"max", max}}));
  }
  const long long v = m_j.get<long long>();
  if (v < min || v > max) {
    fail(Message("error.json.expected_integer", {{"min", min}, {"max", max}}));
  }
  return v;
}

bool Reader::boolean() const {
  if (!m_j.is_boolean()) {
    fail(Message("error.json.expected_boolean"));
  }
  return m_j.get<bool>();
}

Date Reader::date() const {
  if (m_j.is_string()) {
    if (auto d = parse_date(m_j.get_ref<const std::string&>())) {
      return *d;
    }
  }
  fail(Message("error.json.expected_date"));
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
      r.fail(Message("error.json.expected_language"));
    }
    t.by_lang.emplace(key, r.string());
  }
  if (!t.has("en")) {
    fail(Message("error.json.needs_english"));
  }
  return t;
}

std::size_t Reader::size() const {
  expect_array();
  return m_j.size();
}

}  // namespace rpx::json_util
