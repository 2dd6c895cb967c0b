// The notice parser (include/rpx/notice.hpp). The text is first normalized
// line by line (full-width punctuation and digits to ASCII, whitespace
// dropped), keeping the source line of every byte, so that each check can
// name the line it concerns.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <rpx/notice.hpp>
#include <rpx/utf8.hpp>
#include <utility>

#include "notice_text.hpp"

namespace rpx {

namespace {

using date::days;
using namespace notice_text;

constexpr std::array<std::pair<std::string_view, unsigned>, 17> k_weekdays{{
    {"星期一", 1},
    {"星期二", 2},
    {"星期三", 3},
    {"星期四", 4},
    {"星期五", 5},
    {"星期六", 6},
    {"星期日", 0},
    {"星期天", 0},
    {"周一", 1},
    {"周二", 2},
    {"周三", 3},
    {"周四", 4},
    {"周五", 5},
    {"周六", 6},
    {"周日", 0},
    {"周天", 0},
    {"礼拜天", 0},
}};

/// Text with the source line of each byte.
struct Source {
  std::string text;
  std::vector<int> lines;

  void append(std::string_view s, int line) {
    text += s;
    lines.insert(lines.end(), s.size(), line);
  }
  int line_at(std::size_t offset) const {
    if (lines.empty()) {
      return 0;
    }
    return lines[std::min(offset, lines.size() - 1)];
  }
};

/// A day or a range of days named by the notice, with where it was named.
struct Mention {
  Date first;
  Date last;
  int line;
};

using Draft = NamedDays;

std::string cn_date(const date::year_month_day& ymd) {
  return fmt::format("{}月{}日", static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

enum class DayUse : std::uint8_t { off, work };

/// A failed check: abandons the sentence being read.
struct Failure {
  std::size_t offset;
  std::string message;
};

/// Reads the sentences of one item's text.
class ItemReader {
 public:
  ItemReader(const Source& src, int year, Draft& draft,
             std::vector<NoticeError>& errors)
      : m_src(src), m_year(year), m_draft(draft), m_errors(errors) {}

  void read(std::size_t body) {
    std::string_view all = std::string_view(m_src.text).substr(body);
    while (!all.empty()) {
      const std::size_t end = all.find('.');
      const std::string_view sentence = all.substr(0, end);
      try {
        read_sentence(sentence);
      } catch (const Failure& f) {
        m_errors.push_back({m_src.line_at(f.offset), f.message});
      }
      if (end == std::string_view::npos) {
        break;
      }
      all.remove_prefix(end + 1);
    }
  }

 private:
  std::size_t offset(std::string_view s) const {
    return static_cast<std::size_t>(s.data() - m_src.text.data());
  }
  [[noreturn]] void fail(std::string_view at, std::string message) const {
    throw Failure{offset(at), std::move(message)};
  }

  void read_sentence(std::string_view s);
  Date read_date(std::string_view& s, const Mention* start);
  void check_notes(std::string_view& s, Date d, std::string_view at);
  int assign(std::vector<Mention>& pending, DayUse use, std::string_view at);

  const Source& m_src;
  int m_year;
  Draft& m_draft;
  std::vector<NoticeError>& m_errors;
  /// The month of the last date read, for `4月5日、6日`.
  std::optional<date::year_month> m_last_month;
};

void ItemReader::read_sentence(std::string_view s) {
  // Advice such as 鼓励...安排职工在除夕（2月9日）休息 grants no day off.
  if (s.empty() || s.starts_with("鼓励")) {
    return;
  }
  std::vector<Mention> pending;
  bool range_open = false;
  int named_off = 0;
  while (!s.empty()) {
    if (eat(s, ",") || eat(s, ";") || eat(s, k_enumeration) || eat(s, "和") ||
        eat(s, "及") || eat(s, "其中")) {
      continue;
    }
    const std::string_view at = s;
    if (is_digit(s.front())) {
      if (range_open) {
        Mention& m = pending.back();
        m.last = read_date(s, &m);
        if (m.last <= m.first) {
          fail(at, fmt::format("the range ends on {}, not after it starts ({})",
                               format_date(m.last), format_date(m.first)));
        }
        range_open = false;
      } else {
        const Date d = read_date(s, nullptr);
        pending.push_back({d, d, m_src.line_at(offset(at))});
      }
    } else if (eat(s, "-") || eat(s, "至") || eat(s, "到")) {
      if (pending.empty() || range_open) {
        fail(at, "a range needs a first day before 至");
      }
      range_open = true;
    } else if (range_open) {
      fail(at, fmt::format("a range needs a last day after 至, not \"{}\"",
                           excerpt(s)));
    } else if (eat(s, "放假调休") || eat(s, "调休放假") || eat(s, "放假") ||
               eat(s, "补休") || eat(s, "休息")) {
      const int n = assign(pending, DayUse::off, at);
      named_off += n;
      if (std::string_view t = s; auto k = eat_number(t)) {
        if (!eat(t, "天")) {
          fail(s, fmt::format("cannot read \"{}\"", excerpt(s)));
        }
        if (*k != n) {
          fail(s, fmt::format("放假{}天, but {} day{} named", *k, n,
                              n == 1 ? " is" : "s are"));
        }
        s = t;
      }
    } else if (eat(s, "上班")) {
      assign(pending, DayUse::work, at);
    } else if (eat(s, "共")) {
      const auto k = eat_number(s);
      if (!k || !eat(s, "天")) {
        fail(at,
             fmt::format("cannot read \"{}\": expected 共N天", excerpt(at)));
      }
      if (*k != named_off) {
        fail(at, fmt::format("共{}天, but the days off named before it are {}",
                             *k, named_off));
      }
    } else if (eat(s, "不调休") || eat(s, "与周末连休") || eat(s, "连休")) {
      // Nothing to record: the joined weekend days are added to every run.
    } else {
      fail(at, fmt::format("cannot read \"{}\"", excerpt(at)));
    }
  }
  if (range_open) {
    fail(s, "a range needs a last day after 至");
  }
  if (!pending.empty()) {
    fail(s, "days named without 放假 or 上班");
  }
}

Date ItemReader::read_date(std::string_view& s, const Mention* start) {
  const std::string_view at = s;
  std::optional<int> y;
  std::optional<int> m;
  std::optional<int> d = eat_number(s);
  if (eat(s, "年")) {
    y = d;
    d = eat_number(s);
  }
  if (d && eat(s, "月")) {
    m = d;
    d = eat_number(s);
  }
  if (!d || !eat(s, "日")) {
    fail(at, fmt::format("cannot read the date \"{}\": expected M月D日",
                         excerpt(at)));
  }
  int year = m_year;
  unsigned month = 0;
  if (start != nullptr) {
    const date::year_month_day first{start->first};
    year = static_cast<int>(first.year());
    month = static_cast<unsigned>(first.month());
    if (m && !y && static_cast<unsigned>(*m) < month) {
      ++year;  // 12月30日至1月1日
    }
  } else if (!m && m_last_month) {
    year = static_cast<int>(m_last_month->year());
    month = static_cast<unsigned>(m_last_month->month());
  } else if (m == 12 && m_draft.name.in("zh") == "元旦") {
    year = m_year - 1;  // a New Year break starting in December
  }
  if (m) {
    month = static_cast<unsigned>(*m);
  }
  if (y) {
    year = *y;
  }
  if (month == 0) {
    fail(at, fmt::format("the date \"{}\" has no month", excerpt(at, 12)));
  }
  const date::year_month_day ymd{date::year{year}, date::month{month},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || year < k_min_year || year > k_max_year) {
    fail(at, fmt::format("{}年{}月{}日 is not a date", year, month, *d));
  }
  m_last_month = ymd.year() / ymd.month();
  const Date day{ymd};
  check_notes(s, day, at);
  return day;
}

/// The parenthesized notes after a date: （周四）, （农历腊月二十八、周日）.
void ItemReader::check_notes(std::string_view& s, Date d, std::string_view at) {
  if (!eat(s, "(")) {
    return;
  }
  const std::size_t close = s.find(')');
  if (close == std::string_view::npos) {
    fail(at,
         fmt::format("unclosed ( after {}", cn_date(date::year_month_day{d})));
  }
  std::string_view notes = s.substr(0, close);
  s.remove_prefix(close + 1);
  while (!notes.empty()) {
    std::size_t end = std::min(notes.find(k_enumeration), notes.find(','));
    const std::string_view note = notes.substr(0, end);
    notes = end == std::string_view::npos
                ? std::string_view()
                : notes.substr(end + (notes[end] == ',' ? 1 : 3));
    if (note.starts_with("农历") || note == "除夕") {
      continue;
    }
    const auto w = std::find_if(k_weekdays.begin(), k_weekdays.end(),
                                [&](const auto& p) { return p.first == note; });
    if (w == k_weekdays.end()) {
      fail(at, fmt::format("cannot read the note \"{}\" after {}", note,
                           cn_date(date::year_month_day{d})));
    }
    if (date::weekday{d}.c_encoding() != w->second) {
      fail(at, fmt::format("{} ({}) is a {}, not {}",
                           cn_date(date::year_month_day{d}), format_date(d),
                           weekday_name(d), note));
    }
  }
}

/// Records the days of `pending` in `into`; returns how many there were.
int ItemReader::assign(std::vector<Mention>& pending, DayUse use,
                       std::string_view at) {
  if (pending.empty()) {
    fail(at, fmt::format("{} without a day before it",
                         use == DayUse::off ? "放假" : "上班"));
  }
  std::map<Date, int>& into = use == DayUse::off ? m_draft.off : m_draft.work;
  int n = 0;
  for (const Mention& m : pending) {
    for (Date d = m.first; d <= m.last; d += days{1}) {
      if (use == DayUse::work && !is_weekend(d)) {
        throw Failure{offset(at),
                      fmt::format("{} ({}) is a {}: a day worked (上班) must "
                                  "be a Saturday or Sunday",
                                  cn_date(date::year_month_day{d}),
                                  format_date(d), weekday_name(d))};
      }
      into.emplace(d, m.line);
      ++n;
    }
  }
  pending.clear();
  return n;
}

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

}  // namespace

Notice parse_notice(std::string_view text) {
  Notice out;
  std::vector<NoticeError>& errors = out.errors;
  const std::vector<std::string> lines = normalized_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // A title or name that is not UTF-8 could not be written as JSON.
    if (!is_valid_utf8(lines[i])) {
      errors.push_back({static_cast<int>(i) + 1,
                        "not UTF-8: save the notice as UTF-8 text"});
      return out;
    }
  }
  const std::optional<Title> title = find_title(lines);
  if (!title) {
    errors.push_back({1,
                      "no title: a notice starts with a line such as "
                      "国务院办公厅关于2027年部分节假日安排的通知"});
    return out;
  }
  std::optional<int> year = year_in(title->text);
  for (std::size_t i = 0; !year && i < lines.size(); ++i) {
    year = year_in(lines[i]);
  }
  if (!year || *year < k_min_year + 1 || *year > k_max_year) {
    errors.push_back(
        {title->line, "the notice names no year from 1971 to 2100"});
    return out;
  }
  out.year.year = *year;
  out.year.notice = title->text;
  out.year.origin = Origin::file;
  out.kind = title->text.find("部分节假日安排") != std::string::npos
                 ? NoticeKind::schedule
                 : NoticeKind::supplement;

  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const std::string& s = lines[i];
    const std::optional<std::string_view> rest = after_ordinal(s);
    const std::size_t colon = rest ? rest->find(':') : std::string_view::npos;
    if (!rest || colon == std::string_view::npos) {
      if (line != title->line && looks_like_item(s)) {
        errors.push_back(
            {line, fmt::format("\"{}\" looks like a holiday item but is not "
                               "one: expected 一、NAME：days",
                               excerpt(s))});
      }
      continue;
    }
    Draft d;
    d.line = line;
    d.where = fmt::format("line {}", line);
    const std::string_view zh = rest->substr(0, colon);
    if (auto name = holiday_name(zh)) {
      d.name = *name;
    } else {
      errors.push_back({line, fmt::format("unknown holiday \"{}\": expected "
                                          "元旦, 春节, 清明节, 劳动节, 端午节, "
                                          "中秋节 or 国庆节",
                                          excerpt(zh))});
      continue;
    }
    // The item runs on over line breaks: while its sentence is unfinished,
    // or while the next line continues it with a day or 共N天.
    Source src;
    src.append(s, line);
    const std::size_t body = s.size() - rest->size() + colon + 1;
    while (i + 1 < lines.size() && !lines[i + 1].empty() &&
           !after_ordinal(lines[i + 1]) &&
           (!src.text.ends_with('.') || starts_clause(lines[i + 1]))) {
      ++i;
      src.append(lines[i], static_cast<int>(i) + 1);
    }
    ItemReader(src, *year, d, errors).read(body);
    drafts.push_back(std::move(d));
  }
  if (drafts.empty() && errors.empty()) {
    errors.push_back({title->line,
                      "no holiday items: expected lines such as "
                      "一、元旦：1月1日放假1天"});
  }
  if (errors.empty()) {
    out.year.holidays = build_holidays(drafts, *year, errors);
  }
  return out;
}

}  // namespace rpx
