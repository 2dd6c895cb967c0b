// The notice parser (include/rpx/notice.hpp): the header and the items.
// The text is first normalized line by line (notice_text.cpp: full-width
// punctuation and digits to ASCII, whitespace dropped); each item's
// sentences are read in notice_item.cpp, keeping the source line of every
// byte, so that each check can name the line it concerns.

#include <algorithm>
#include <array>
#include <map>
#include <rpx/notice.hpp>
#include <rpx/utf8.hpp>
#include <utility>

#include "notice_item.hpp"
#include "notice_text.hpp"

namespace rpx {

namespace {

using namespace notice_text;
using notice_item::read_item;

struct Title {
  int line = 0;
  std::string text;
};

std::optional<Title> find_title(const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& s = lines[i];
    if (s.find("关于") != std::string::npos && s.ends_with("通知") &&
        !after_ordinal(s)) {
      return Title{static_cast<int>(i) + 1, s};
    }
  }
  return std::nullopt;
}

/// Reads the header: the lines are UTF-8, there is a title, and it (or a
/// line) names the year. Sets `out.year` and `out.kind`; false with an
/// error in `out.errors` otherwise.
bool read_header(const std::vector<std::string>& lines, Notice& out,
                 std::optional<Title>& title) {
  std::vector<NoticeError>& errors = out.errors;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // A title or name that is not UTF-8 could not be written as JSON.
    if (!is_valid_utf8(lines[i])) {
      errors.push_back(
          {static_cast<int>(i) + 1, Message("error.notice.not_utf8")});
      return false;
    }
  }
  title = find_title(lines);
  if (!title) {
    errors.push_back({1, Message("error.notice.no_title")});
    return false;
  }
  std::optional<int> year = year_in(title->text);
  for (std::size_t i = 0; !year && i < lines.size(); ++i) {
    year = year_in(lines[i]);
  }
  if (!year || *year < k_min_year + 1 || *year > k_max_year) {
    errors.push_back({title->line, Message("error.notice.no_year")});
    return false;
  }
  out.year.year = *year;
  out.year.notice = title->text;
  out.year.origin = Origin::file;
  out.kind = title->text.find("部分节假日安排") != std::string::npos
                 ? NoticeKind::schedule
                 : NoticeKind::supplement;
  return true;
}

}  // namespace

Notice parse_notice(std::string_view text) {
  Notice out;
  std::vector<NoticeError>& errors = out.errors;
  const std::vector<std::string> lines = normalized_lines(text);
  std::optional<Title> title;
  if (!read_header(lines, out, title)) {
    return out;
  }
  const int year = out.year.year;
  std::vector<NamedDays> drafts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const std::optional<std::string_view> rest = after_ordinal(lines[i]);
    const std::size_t colon = rest ? rest->find(':') : std::string_view::npos;
    if (!rest || colon == std::string_view::npos) {
      if (line != title->line && looks_like_item(lines[i])) {
        errors.push_back({line, Message("error.notice.stray_item",
                                        {{"text", excerpt(lines[i])}})});
      }
      continue;
    }
    if (std::optional<NamedDays> d =
            read_item(lines, i, *rest, colon, year, errors)) {
      drafts.push_back(std::move(*d));
    }
  }
  if (drafts.empty() && errors.empty()) {
    errors.push_back({title->line, Message("error.notice.no_items")});
  }
  if (errors.empty()) {
    out.year.holidays = build_holidays(drafts, year, errors);
  }
  return out;
}

}  // namespace rpx
