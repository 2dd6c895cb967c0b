// Wrapping and eliding by display width (layout.hpp). A line is cut into
// units that are never split (an escape sequence, a space, a grapheme
// cluster), the units after its prefix into segments between break
// opportunities, and the segments are laid out greedily.
#include <algorithm>
#include <rpx/layout.hpp>
#include <rpx/utf8.hpp>
#include <string>
#include <vector>

namespace rpx {

namespace {

constexpr std::string_view k_ellipsis = "…";

/// The length of the SGR escape sequence (ESC [ digits and ; m) at `pos` of
/// `s`, or 0 when there is none there.
std::size_t escape_length(std::string_view s, std::size_t pos) noexcept {
  if (s.substr(pos, 2) != "\x1b[") {
    return 0;
  }
  for (std::size_t i = pos + 2; i < s.size(); ++i) {
    if (s[i] == 'm') {
      return i + 1 - pos;
    }
    if ((s[i] < '0' || s[i] > '9') && s[i] != ';') {
      return 0;
    }
  }
  return 0;
}

enum class Kind { escape, space, glyph };

/// What a line is made of: its text is a view into the line.
struct Unit {
  std::string_view text;
  std::size_t width = 0;
  Kind kind = Kind::glyph;
};

using Units = std::vector<Unit>;

Units units_of(std::string_view line) {
  Units out;
  for (std::size_t i = 0; i < line.size();) {
    if (const std::size_t n = escape_length(line, i)) {
      out.push_back({line.substr(i, n), 0, Kind::escape});
      i += n;
    } else if (line[i] == ' ') {
      out.push_back({line.substr(i, 1), 1, Kind::space});
      ++i;
    } else {
      const Grapheme g = grapheme_at(line, i);
      out.push_back({g.text, g.width, Kind::glyph});
      i += g.text.size();
    }
  }
  return out;
}

/// The bytes of units [`first`, `last`), which are adjacent in their line.
std::string_view span(const Units& u, std::size_t first, std::size_t last) {
  if (first >= last) {
    return {};
  }
  const char* begin = u[first].text.data();
  const char* end = u[last - 1].text.data() + u[last - 1].text.size();
  return {begin, static_cast<std::size_t>(end - begin)};
}

std::size_t width_of(const Units& u, std::size_t first, std::size_t last) {
  std::size_t w = 0;
  for (std::size_t i = first; i < last; ++i) {
    w += u[i].width;
  }
  return w;
}

// Punctuation that does not start a line (closing) or end one (opening), as
// in the line-breaking rules of Chinese typesetting (GB/T 15834, kinsoku).
constexpr std::u32string_view k_closing =
    U",.;:!?)]}%，。、）」』》〕】〉〗〙〛｝］：；！？”’…‥・ー々〜％．";
constexpr std::u32string_view k_opening = U"([{（「『《〔【〈〖〘〚｛［“‘";

char32_t first_code_point(std::string_view text) noexcept {
  std::size_t i = 0;
  return next_code_point(text, i).value_or(0);
}

/// Hangul syllables and jamo: Korean is written with spaces between words,
/// and a line breaks only there (CSS's `word-break: keep-all`).
bool is_hangul(char32_t c) noexcept {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F);
}

/// Whether a line may break between two adjacent glyphs with no space
/// between them: only next to a wide character (CJK), never inside Korean,
/// and never before closing or after opening punctuation.
bool may_break_between(const Unit& before, const Unit& after) {
  return (before.width == 2 || after.width == 2) &&
         !is_hangul(first_code_point(before.text)) &&
         !is_hangul(first_code_point(after.text)) &&
         k_closing.find(first_code_point(after.text)) == k_closing.npos &&
         k_opening.find(first_code_point(before.text)) == k_opening.npos;
}

/// The first unit at or after `i` that is not an escape.
std::size_t skip_escapes(const Units& u, std::size_t i) {
  while (i < u.size() && u[i].kind == Kind::escape) {
    ++i;
  }
  return i;
}

/// Past the spaces (and escapes) from `i`, when there is at least one space
/// and text after them; else `otherwise`.
std::size_t past_spaces(const Units& u, std::size_t i, std::size_t otherwise) {
  std::size_t j = i;
  bool space = false;
  for (; j < u.size() && u[j].kind != Kind::glyph; ++j) {
    space = space || u[j].kind == Kind::space;
  }
  return space && j < u.size() ? j : otherwise;
}

bool is_digit(const Unit& u) {
  return u.text.size() == 1 && u.text[0] >= '0' && u.text[0] <= '9';
}

bool is_punctuation(const Unit& u) {
  const char32_t c = first_code_point(u.text);
  return k_closing.find(c) != k_closing.npos ||
         k_opening.find(c) != k_opening.npos;
}

/// Past a label and the spaces after it, from the glyph at `i`; else `i`.
/// A label is one word ending in a colon ("Note: "), or up to five
/// characters before a full-width colon, which needs no space after it
/// ("注意：").
std::size_t past_label(const Units& u, std::size_t i) {
  std::size_t end = i;
  while (end < u.size() && u[end].kind != Kind::space) {
    ++end;
  }
  while (end > i && u[end - 1].kind == Kind::escape) {
    --end;
  }
  if (end > i + 1 && (u[end - 1].text == ":" || u[end - 1].text == "：")) {
    return past_spaces(u, end, i);
  }
  constexpr std::size_t k_max_chars = 5;
  std::size_t chars = 0;
  for (std::size_t j = i; j < end && chars <= k_max_chars; ++j) {
    if (u[j].kind != Kind::glyph) {
      continue;
    }
    if (u[j].text == "：") {
      const std::size_t next = skip_escapes(u, j + 1);
      return chars > 0 && next < end ? next : i;
    }
    if (is_punctuation(u[j])) {
      return i;
    }
    ++chars;
  }
  return i;
}

/// Past a list marker ("✓ ", "1. ") or a label ("Note: ") and the spaces
/// after it, from the glyph at `i`; else `i`.
std::size_t past_marker(const Units& u, std::size_t i) {
  static constexpr std::string_view k_bullets[] = {"✓", "✗", "•", "-", "*"};
  for (std::string_view b : k_bullets) {
    if (u[i].text == b) {
      return past_spaces(u, i + 1, i);
    }
  }
  std::size_t j = i;
  while (j < u.size() && j - i < 3 && is_digit(u[j])) {
    ++j;
  }
  if (j > i && j < u.size() && (u[j].text == "." || u[j].text == ")")) {
    return past_spaces(u, j + 1, i);
  }
  return past_label(u, i);
}

/// Past a first run of two or more spaces that follows some text
/// ("  Permit expires     Wednesday ..."), from the glyph at `i`; else `i`.
std::size_t past_column(const Units& u, std::size_t i) {
  for (std::size_t j = i + 1; j + 1 < u.size(); ++j) {
    if (u[j].kind == Kind::space && u[j + 1].kind == Kind::space) {
      return past_spaces(u, j, i);
    }
  }
  return i;
}

/// Where a line's text starts: past its leading spaces (`indent_end`) and
/// then past its markers and labels, or its first column (`text_start`).
struct Prefix {
  std::size_t indent_end = 0;
  std::size_t text_start = 0;
};

Prefix prefix_of(const Units& u) {
  Prefix p;
  while (p.indent_end < u.size() && u[p.indent_end].kind == Kind::space) {
    ++p.indent_end;
  }
  const std::size_t text = skip_escapes(u, p.indent_end);
  std::size_t i = text;
  // past_marker stops at a glyph, or where it started.
  for (std::size_t next = i; i < u.size(); i = next) {
    next = past_marker(u, i);
    if (next == i) {
      break;
    }
  }
  if (i == text && i < u.size()) {
    i = past_column(u, i);
  }
  p.text_start = i == text ? p.indent_end : i;
  return p;
}

/// The text between two break opportunities, and the spaces before it:
/// units [`gap_first`, `first`) are spaces, [`first`, `last`) the text.
struct Segment {
  std::size_t gap_first = 0;
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t width = 0;
};

std::vector<Segment> segments_of(const Units& u, std::size_t from) {
  std::vector<Segment> out;
  bool open = false;  // the last segment of `out` is being extended
  std::size_t gap_first = from;
  std::size_t last_glyph = u.size();  // none in the open segment yet
  for (std::size_t i = from; i < u.size(); ++i) {
    if (u[i].kind == Kind::space) {
      if (open) {
        open = false;
        gap_first = i;
      }
      continue;
    }
    if (open && u[i].kind == Kind::glyph && last_glyph < u.size() &&
        may_break_between(u[last_glyph], u[i])) {
      open = false;
      gap_first = i;
    }
    if (!open) {
      out.push_back({gap_first, i, i, 0});
      open = true;
      last_glyph = u.size();
    }
    out.back().last = i + 1;
    out.back().width += u[i].width;
    if (u[i].kind == Kind::glyph) {
      last_glyph = i;
    }
  }
  return out;
}

/// `line` without the spaces at its end, looking through the escape
/// sequences there (which are kept).
std::string trim_end(std::string_view line) {
  std::string escapes;
  while (!line.empty()) {
    if (line.back() == ' ') {
      line.remove_suffix(1);
      continue;
    }
    const std::size_t esc = line.rfind("\x1b[");
    if (esc == line.npos || escape_length(line, esc) != line.size() - esc) {
      break;
    }
    escapes.insert(0, line.substr(esc));
    line = line.substr(0, esc);
  }
  return std::string(line) + escapes;
}

/// Lays segments out on lines, greedily: as many as fit on each.
class Filler {
 public:
  Filler(const Units& u, std::string_view prefix, std::size_t first_room,
         std::size_t hang, std::size_t room)
      : m_u(u),
        m_prefix(prefix),
        m_first_room(first_room),
        m_hang(hang, ' '),
        m_room(room) {}

  void add(const Segment& s) {
    if (s.width == 0) {  // escapes alone: they join the line, with no gap
      m_line += span(m_u, s.first, s.last);
      return;
    }
    const std::size_t gap = m_used == 0 ? 0 : s.first - s.gap_first;
    if (m_used + gap + s.width <= room()) {
      if (gap > 0) {
        m_line += span(m_u, s.gap_first, s.first);
      }
      m_line += span(m_u, s.first, s.last);
      m_used += gap + s.width;
    } else if (s.width <= m_room) {
      flush();
      m_line = span(m_u, s.first, s.last);
      m_used = s.width;
    } else {
      add_broken(s);
    }
  }

  /// The lines, without a newline after the last one.
  std::string finish() {
    flush();
    m_out.pop_back();
    return std::move(m_out);
  }

 private:
  std::size_t room() const { return m_first ? m_first_room : m_room; }

  /// A word wider than a line, broken between grapheme clusters, from a
  /// line of its own.
  void add_broken(const Segment& s) {
    if (m_used > 0) {
      flush();
    }
    for (std::size_t i = s.first; i < s.last; ++i) {
      // A cluster wider than an empty line goes on it all the same; but a
      // first line that has only its prefix goes first when the next one
      // has more room.
      const bool gains = m_used > 0 || (m_first && m_first_room < m_room);
      if (gains && m_used + m_u[i].width > room()) {
        flush();
      }
      m_line += m_u[i].text;
      m_used += m_u[i].width;
    }
  }

  void flush() {
    m_out += trim_end((m_first ? std::string(m_prefix) : m_hang) + m_line);
    m_out += '\n';
    m_first = false;
    m_line.clear();
    m_used = 0;
  }

  const Units& m_u;
  std::string_view m_prefix;
  std::size_t m_first_room;
  std::string m_hang;
  std::size_t m_room;
  std::string m_out;
  std::string m_line;
  std::size_t m_used = 0;
  bool m_first = true;
};

/// The continuation lines' indent: the prefix's width, else the indent's,
/// else none, whichever is at most half the line; at least `min_hang`.
std::size_t hang_for(std::size_t prefix, std::size_t indent, std::size_t width,
                     std::size_t min_hang) {
  std::size_t hang = 0;
  if (prefix * 2 <= width) {
    hang = prefix;
  } else if (indent * 2 <= width) {
    hang = indent;
  }
  return min_hang * 2 <= width ? std::max(hang, min_hang) : hang;
}

/// One line wider than `width`, wrapped.
std::string wrap_line(std::string_view line, std::size_t width,
                      std::size_t min_hang) {
  const Units u = units_of(line);
  Prefix p = prefix_of(u);
  const std::size_t indent = width_of(u, 0, p.indent_end);
  std::size_t prefix = width_of(u, 0, p.text_start);
  // The first line keeps its prefix when text fits after it.
  if (prefix >= width) {
    p.text_start = indent < width ? p.indent_end : 0;
    prefix = width_of(u, 0, p.text_start);
  }
  const std::size_t hang = hang_for(prefix, indent, width, min_hang);
  Filler filler(u, span(u, 0, p.text_start), width - prefix, hang,
                width - hang);
  for (const Segment& s : segments_of(u, p.text_start)) {
    filler.add(s);
  }
  return filler.finish();
}

}  // namespace

std::size_t visible_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = escape_length(text, i)) {
      i += n;
    } else {
      const Grapheme g = grapheme_at(text, i);
      width += g.width;
      i += g.text.size();
    }
  }
  return width;
}

std::string wrap_text(std::string_view text, std::size_t width,
                      std::size_t min_hang) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    if (visible_width(line) <= width) {
      out += line;
    } else {
      out += wrap_line(line, width, min_hang);
    }
    if (nl == text.npos) {
      break;
    }
    out += '\n';
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::string elide(std::string_view text, std::size_t width, Elide where) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return "";
  }
  std::vector<std::string_view> graphemes;
  for (std::size_t i = 0; i < text.size();) {
    graphemes.push_back(grapheme_at(text, i).text);
    i += graphemes.back().size();
  }
  if (where == Elide::start) {
    std::reverse(graphemes.begin(), graphemes.end());
  }
  std::vector<std::string_view> kept;
  std::size_t used = display_width(k_ellipsis);
  for (std::string_view g : graphemes) {
    if (used + display_width(g) > width) {
      break;
    }
    kept.push_back(g);
    used += display_width(g);
  }
  std::string out;
  if (where == Elide::start) {
    out = k_ellipsis;
    for (auto g = kept.rbegin(); g != kept.rend(); ++g) {
      out += *g;
    }
    return out;
  }
  for (std::string_view g : kept) {
    out += g;
  }
  return out + std::string(k_ellipsis);
}

}  // namespace rpx
