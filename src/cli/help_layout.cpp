#include "help_layout.hpp"

#include <array>
#include <rpx/utf8.hpp>

namespace rpx::cli {

namespace {

/// A piece of a line that is never broken, and whether a space comes
/// before it.
struct Token {
  std::string text;
  std::size_t width = 0;
  bool space_before = false;
};

bool is_hangul(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
         (c >= 0xAC00 && c <= 0xD7A3);
}

/// Chinese and Japanese break between any two characters; Korean, written
/// with spaces, only at spaces, like English.
bool breaks_anywhere(const Grapheme& g) {
  if (g.text.empty()) {
    return false;
  }
  std::size_t pos = 0;
  const auto c = next_code_point(g.text, pos);
  return g.width == 2 && c && !is_hangul(*c);
}

bool no_break_before(std::string_view g) {
  static constexpr std::array<std::string_view, 18> k_closing = {
      "，", "。", "、", "；", "：", "！", "？", "）", "」",
      "』", "》", ",",  ".",  ";",  ":",  "!",  "?",  ")"};
  for (std::string_view c : k_closing) {
    if (g == c) {
      return true;
    }
  }
  return false;
}

bool no_break_after(std::string_view g) {
  return g == "（" || g == "「" || g == "『" || g == "《" || g == "(";
}

std::vector<Token> tokens_of(std::string_view line) {
  std::vector<Token> tokens;
  Token cur;
  bool space = false;
  Grapheme prev{};
  for (std::size_t pos = 0; pos < line.size();) {
    const Grapheme g = grapheme_at(line, pos);
    pos += g.text.size();
    if (g.text == " ") {
      space = true;
    } else {
      const bool may_break =
          (space || ((breaks_anywhere(prev) || breaks_anywhere(g)) &&
                     !no_break_before(g.text) && !no_break_after(prev.text)));
      if (may_break && !cur.text.empty()) {
        tokens.push_back(std::move(cur));
        cur = Token{};
      }
      if (cur.text.empty()) {
        cur.space_before = space;
      }
      cur.text += g.text;
      cur.width += g.width;
      space = false;
    }
    prev = g;
  }
  if (!cur.text.empty()) {
    tokens.push_back(std::move(cur));
  }
  return tokens;
}

/// One line of text (no "\n") into `out`.
void wrap_line(std::string_view line, std::size_t width,
               std::vector<std::string>& out) {
  const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
  const std::string margin(indent, ' ');
  const std::size_t room = width > indent + 1 ? width - indent : 1;
  std::string text;
  std::size_t used = 0;
  for (const Token& t : tokens_of(line.substr(indent))) {
    const std::size_t gap = t.space_before && used > 0 ? 1 : 0;
    if (used > 0 && used + gap + t.width > room) {
      out.push_back(margin + text);
      text = t.text;
      used = t.width;
      continue;
    }
    text += std::string(gap, ' ') + t.text;
    used += gap + t.width;
  }
  out.push_back(used > 0 ? margin + text : std::string());
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  while (true) {
    const std::size_t end = text.find('\n');
    wrap_line(text.substr(0, end), width, lines);
    if (end == std::string_view::npos) {
      return lines;
    }
    text.remove_prefix(end + 1);
  }
}

std::string wrapped(std::string_view text) {
  std::string out;
  for (const std::string& line : wrap(text, k_help_width)) {
    out += line + "\n";
  }
  return out;
}

std::string two_columns(std::string_view left, std::string_view right,
                        std::size_t column) {
  std::string out(left);
  const std::size_t used = display_width(left);
  if (right.empty()) {
    return out + "\n";
  }
  if (used + 2 > column) {
    out += "\n";
    out.append(column, ' ');
  } else {
    out.append(column - used, ' ');
  }
  const std::vector<std::string> lines = wrap(right, k_help_width - column);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out.append(column, ' ');
    }
    out += lines[i] + "\n";
  }
  return out;
}

}  // namespace rpx::cli
