// One holiday item of a notice (一、春节：...): its sentences, days, ranges
// and counts, each check naming the source line it concerns.
#include "notice_item.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "notice_text.hpp"

namespace rpx::notice_item {

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
  Message message;
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
  [[noreturn]] void fail(std::string_view at, Message message) const {
    throw Failure{offset(at), std::move(message)};
  }

  void read_sentence(std::string_view s);
  void read_day(std::string_view& s, std::vector<Mention>& pending,
                bool& range_open);
  int read_days_off(std::string_view& s, std::vector<Mention>& pending,
                    std::string_view at);
  void read_total(std::string_view& s, int named_off, std::string_view at);
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
      read_day(s, pending, range_open);
    } else if (eat(s, "-") || eat(s, "至") || eat(s, "到")) {
      if (pending.empty() || range_open) {
        fail(at, Message("error.notice.range_no_first"));
      }
      range_open = true;
    } else if (range_open) {
      fail(at,
           Message("error.notice.range_no_last_at", {{"text", excerpt(s)}}));
    } else if (eat(s, "放假调休") || eat(s, "调休放假") || eat(s, "放假") ||
               eat(s, "补休") || eat(s, "休息")) {
      named_off += read_days_off(s, pending, at);
    } else if (eat(s, "上班")) {
      assign(pending, DayUse::work, at);
    } else if (eat(s, "共")) {
      read_total(s, named_off, at);
    } else if (eat(s, "不调休") || eat(s, "与周末连休") || eat(s, "连休")) {
      // Nothing to record: the joined weekend days are added to every run.
    } else {
      fail(at, Message("error.notice.cannot_read", {{"text", excerpt(at)}}));
    }
  }
  if (range_open) {
    fail(s, Message("error.notice.range_no_last"));
  }
  if (!pending.empty()) {
    fail(s, Message("error.notice.days_without_use"));
  }
}

/// A day, or the last day of a range opened by 至.
void ItemReader::read_day(std::string_view& s, std::vector<Mention>& pending,
                          bool& range_open) {
  const std::string_view at = s;
  if (range_open) {
    Mention& m = pending.back();
    m.last = read_date(s, &m);
    if (m.last <= m.first) {
      fail(at, Message("error.notice.range_backwards",
                       {{"last", format_date(m.last)},
                        {"first", format_date(m.first)}}));
    }
    range_open = false;
  } else {
    const Date d = read_date(s, nullptr);
    pending.push_back({d, d, m_src.line_at(offset(at))});
  }
}

/// After 放假 (or 休息...): the pending days are off, and an `N天` that
/// follows must count them. The number of days named.
int ItemReader::read_days_off(std::string_view& s,
                              std::vector<Mention>& pending,
                              std::string_view at) {
  const int n = assign(pending, DayUse::off, at);
  if (std::string_view t = s; auto k = eat_number(t)) {
    if (!eat(t, "天")) {
      fail(s, Message("error.notice.cannot_read", {{"text", excerpt(s)}}));
    }
    if (*k != n) {
      fail(s, message_n("error.notice.off_count", n, {{"k", *k}}));
    }
    s = t;
  }
  return n;
}

/// After 共: `N天`, the days off named so far in the sentence.
void ItemReader::read_total(std::string_view& s, int named_off,
                            std::string_view at) {
  const auto k = eat_number(s);
  if (!k || !eat(s, "天")) {
    fail(at,
         Message("error.notice.cannot_read_total", {{"text", excerpt(at)}}));
  }
  if (*k != named_off) {
    fail(at,
         Message("error.notice.total_mismatch", {{"k", *k}, {"n", named_off}}));
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
    fail(at, Message("error.notice.cannot_read_date", {{"text", excerpt(at)}}));
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
    fail(at, Message("error.notice.no_month", {{"text", excerpt(at, 12)}}));
  }
  const date::year_month_day ymd{date::year{year}, date::month{month},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || year < k_min_year || year > k_max_year) {
    fail(at, Message("error.notice.not_a_date",
                     {{"year", year}, {"month", month}, {"day", *d}}));
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
    fail(at, Message("error.notice.unclosed_note",
                     {{"date", cn_date(date::year_month_day{d})}}));
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
      fail(at, Message("error.notice.unknown_note",
                       {{"note", note},
                        {"date", cn_date(date::year_month_day{d})}}));
    }
    if (date::weekday{d}.c_encoding() != w->second) {
      fail(at, Message("error.notice.wrong_weekday",
                       {{"date", cn_date(date::year_month_day{d})},
                        {"iso", format_date(d)},
                        {"weekday", weekday_message(d)},
                        {"note", note}}));
    }
  }
}

/// Records the days of `pending` in `into`; returns how many there were.
int ItemReader::assign(std::vector<Mention>& pending, DayUse use,
                       std::string_view at) {
  if (pending.empty()) {
    fail(at, Message("error.notice.use_without_day",
                     {{"word", use == DayUse::off ? "放假" : "上班"}}));
  }
  std::map<Date, int>& into = use == DayUse::off ? m_draft.off : m_draft.work;
  int n = 0;
  for (const Mention& m : pending) {
    for (Date d = m.first; d <= m.last; d += days{1}) {
      if (use == DayUse::work && !is_weekend(d)) {
        fail(at, Message("error.notice.work_not_weekend",
                         {{"date", cn_date(date::year_month_day{d})},
                          {"iso", format_date(d)},
                          {"weekday", weekday_message(d)}}));
      }
      into.emplace(d, m.line);
      ++n;
    }
  }
  pending.clear();
  return n;
}

}  // namespace

std::optional<NamedDays> read_item(const std::vector<std::string>& lines,
                                   std::size_t& i, std::string_view rest,
                                   std::size_t colon, int year,
                                   std::vector<NoticeError>& errors) {
  const int line = static_cast<int>(i) + 1;
  const std::string& s = lines[i];
  Draft d;
  d.line = line;
  const std::string_view zh = rest.substr(0, colon);
  if (auto name = holiday_name(zh)) {
    d.name = *name;
  } else {
    errors.push_back({line, Message("error.notice.unknown_holiday",
                                    {{"name", excerpt(zh)}})});
    return std::nullopt;
  }
  // The item runs on over line breaks: while its sentence is unfinished,
  // or while the next line continues it with a day or 共N天.
  Source src;
  src.append(s, line);
  const std::size_t body = s.size() - rest.size() + colon + 1;
  while (i + 1 < lines.size() && !lines[i + 1].empty() &&
         !after_ordinal(lines[i + 1]) &&
         (!src.text.ends_with('.') || starts_clause(lines[i + 1]))) {
    ++i;
    src.append(lines[i], static_cast<int>(i) + 1);
  }
  ItemReader(src, year, d, errors).read(body);
  return d;
}

}  // namespace rpx::notice_item
