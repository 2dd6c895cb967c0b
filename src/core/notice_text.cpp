#include "notice_text.hpp"

#include <array>
#include <utility>

namespace rpx::notice_text {

namespace {

/// Characters rewritten to ASCII before parsing: the same notice is
/// published with full-width punctuation and copied with ASCII.
constexpr std::array<std::pair<std::string_view, char>, 14> k_ascii{{
    {"，", ','},
    {"：", ':'},
    {"（", '('},
    {"）", ')'},
    {"；", ';'},
    {"。", '.'},
    {"．", '.'},
    {"—", '-'},
    {"–", '-'},
    {"―", '-'},
    {"－", '-'},
    {"～", '-'},
    {"~", '-'},
    {"　", ' '},
}};

}  // namespace

/// One line, normalized: ASCII punctuation and digits, no whitespace.
std::string normalize(std::string_view line) {
  std::string out;
  while (!line.empty()) {
    bool done = false;
    for (const auto& [from, to] : k_ascii) {
      if (line.starts_with(from)) {
        if (to != ' ') {
          out += to;
        }
        line.remove_prefix(from.size());
        done = true;
        break;
      }
    }
    if (done) {
      continue;
    }
    // Full-width digits ０..９: EF BC 90..99.
    if (line.size() >= 3 && line[0] == '\xEF' && line[1] == '\xBC' &&
        line[2] >= '\x90' && line[2] <= '\x99') {
      out += static_cast<char>('0' + (line[2] - '\x90'));
      line.remove_prefix(3);
      continue;
    }
    if (line.starts_with("\xC2\xA0")) {  // no-break space
      line.remove_prefix(2);
      continue;
    }
    const char c = line.front();
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
      out += c;
    }
    line.remove_prefix(1);
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool eat(std::string_view& s, std::string_view word) {
  if (s.starts_with(word)) {
    s.remove_prefix(word.size());
    return true;
  }
  return false;
}

std::optional<int> eat_number(std::string_view& s) {
  std::size_t n = 0;
  int v = 0;
  while (n < s.size() && n < 4 && is_digit(s[n])) {
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n == 0) {
    return std::nullopt;
  }
  s.remove_prefix(n);
  return v;
}

/// At most `n` bytes of `s`, cut at a UTF-8 character boundary and then
/// marked with "…".
std::string excerpt(std::string_view s, std::size_t n) {
  if (s.size() <= n) {
    return std::string(s);
  }
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
    --n;
  }
  return std::string(s.substr(0, n)) + "…";
}

/// The ordinal of an item, `一、` .. `十二、` or `1、`/`1.`; the rest after
/// it, or nullopt.
std::optional<std::string_view> after_ordinal(std::string_view s) {
  static constexpr std::array<std::string_view, 10> k_numerals{
      "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view numeral : k_numerals) {
      if (s.substr(n).starts_with(numeral)) {
        n += numeral.size();
        more = true;
      }
    }
  }
  if (n == 0) {
    while (n < s.size() && n < 2 && is_digit(s[n])) {
      ++n;
    }
  }
  if (n == 0) {
    return std::nullopt;
  }
  std::string_view rest = s.substr(n);
  if (eat(rest, k_enumeration) || eat(rest, ",") || eat(rest, ".")) {
    return rest;
  }
  return std::nullopt;
}

bool has_day_mention(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (is_digit(s[i]) && s.substr(i + 1).starts_with("月")) {
      return true;
    }
  }
  return false;
}

/// A line outside the items that still reads like one: nothing in a notice
/// may be skipped silently.
bool looks_like_item(std::string_view s) {
  if (after_ordinal(s)) {
    return true;
  }
  const bool verb = s.find("放假") != std::string_view::npos ||
                    s.find("上班") != std::string_view::npos ||
                    s.find("补休") != std::string_view::npos;
  return verb && has_day_mention(s) && !s.starts_with("鼓励");
}

std::optional<int> year_in(std::string_view s) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
        is_digit(s[i + 3]) && s.substr(i + 4).starts_with("年") &&
        (i == 0 || !is_digit(s[i - 1]))) {
      std::string_view t = s.substr(i);
      return eat_number(t);
    }
  }
  return std::nullopt;
}

/// The lines of `text`, normalized; a CR, LF or CRLF ends a line.
std::vector<std::string> normalized_lines(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    lines.push_back(normalize(text.substr(0, end)));
    if (end == std::string_view::npos) {
      break;
    }
    text.remove_prefix(end + (text.substr(end).starts_with("\r\n") ? 2 : 1));
  }
  return lines;
}

/// True for a line that is only a date, as under the signature.
bool is_date_line(std::string_view s) {
  for (std::string_view unit : {"年", "月", "日"}) {
    if (!eat_number(s) || !eat(s, unit)) {
      return false;
    }
  }
  return s.empty();
}

bool starts_clause(std::string_view s) {
  return (!s.empty() && is_digit(s.front()) && !is_date_line(s)) ||
         s.starts_with("共") || s.starts_with("鼓励");
}

}  // namespace rpx::notice_text
