#include <map>
#include <rpx/bundled.hpp>
#include <rpx/holidays.hpp>
#include <rpx/json_util.hpp>

#include "compiled_holidays.hpp"

namespace rpx {

namespace {

using date::days;
using json_util::Reader;

constexpr std::string_view k_holidays_format = "rpx-holidays/1";
/// The longest break so far is 10 days (Spring Festival 2020, extended for
/// COVID-19); a month leaves room and still catches a mistyped month.
constexpr int k_max_off_days = 31;

/// Which holiday (its JSON Pointer) claims each date of a file, so that two
/// holidays can never decide the same day.
using Claims = std::map<Date, std::string>;

/// The dates notice-year `year` may decide: its own calendar year, and
/// 25–31 December before it, where a New Year break or its make-up Saturday
/// can fall. Nothing earlier: calendar.hpp's coverage rule counts on notice
/// Y deciding every day of Y except 25–31 December, which needs Y + 1 too.
struct NoticeSpan {
  int year;
  Date first;
  Date last;

  explicit NoticeSpan(int y)
      : year(y),
        first(date::year{y - 1} / date::December / 25),
        last(date::year{y} / date::December / 31) {}
};

Date read_date(const Reader& r, const NoticeSpan& span) {
  const Date d = r.date();
  if (d < span.first || d > span.last) {
    r.fail(Message("error.holidays.outside_year",
                   {{"date", format_date(d)},
                    {"year", span.year},
                    {"first", format_date(span.first)},
                    {"last", format_date(span.last)}}));
  }
  return d;
}

void claim(Claims& claims, Date d, const Reader& r, const std::string& owner) {
  auto [it, inserted] = claims.emplace(d, owner);
  if (inserted) {
    return;
  }
  if (it->second == owner) {
    r.fail(Message("error.holidays.listed_twice", {{"date", format_date(d)}}));
  }
  r.fail(Message("error.holidays.also_day_of",
                 {{"date", format_date(d)}, {"owner", it->second}}));
}

void read_off(const Reader& r, Holiday& h, const NoticeSpan& span) {
  r.only({"from", "to"});
  h.first_off = read_date(r["from"], span);
  h.last_off = read_date(r["to"], span);
  if (h.last_off < h.first_off) {
    r["to"].fail(Message("error.holidays.to_before_from",
                         {{"date", format_date(h.first_off)}}));
  }
  const auto length = (h.last_off - h.first_off).count() + 1;
  if (length > k_max_off_days) {
    r.fail(Message("error.holidays.run_too_long",
                   {{"n", length}, {"max", k_max_off_days}}));
  }
}

void read_workdays(const Reader& r, Holiday& h, const NoticeSpan& span) {
  const std::size_t n = r.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Reader w = r[i];
    const Date d = read_date(w, span);
    if (!is_weekend(d)) {
      w.fail(
          Message("error.holidays.work_not_weekend",
                  {{"date", format_date(d)}, {"weekday", weekday_message(d)}}));
    }
    if (d >= h.first_off && d <= h.last_off) {
      w.fail(Message("error.holidays.work_is_off", {{"date", format_date(d)}}));
    }
    h.workdays.push_back(d);
  }
}

Holiday read_holiday(const Reader& r, int year, Claims& claims) {
  r.only({"name", "off", "work"});
  const NoticeSpan span(year);
  Holiday h;
  h.name = r["name"].text();
  const Reader off = r["off"];
  read_off(off, h, span);
  const Reader work = r["work"];
  read_workdays(work, h, span);

  for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
    claim(claims, d, off, r.pointer());
  }
  for (std::size_t i = 0; i < h.workdays.size(); ++i) {
    claim(claims, h.workdays[i], work[i], r.pointer());
  }
  return h;
}

/// Notice-years already read: year -> the pointer of its object.
using Seen = std::map<int, std::string>;

HolidayYear read_year(const Reader& r, Seen& seen, Claims& claims) {
  r.only({"year", "notice", "holidays"});
  HolidayYear y;
  const Reader year = r["year"];
  y.year = static_cast<int>(year.integer(k_min_year, k_max_year));
  if (auto [it, inserted] = seen.emplace(y.year, r.pointer()); !inserted) {
    // Later layers replace a year wholesale; inside one file the second
    // copy would silently win, so refuse it instead.
    year.fail(Message("error.holidays.year_twice",
                      {{"year", y.year}, {"pointer", it->second}}));
  }
  y.notice = r["notice"].string();
  const Reader holidays = r["holidays"];
  const std::size_t n = holidays.size();
  if (n == 0) {
    // A notice with no holiday would mark a whole year as covered
    // Monday–Friday: a placeholder file, not a schedule.
    holidays.fail(Message("error.holidays.no_holiday"));
  }
  for (std::size_t i = 0; i < n; ++i) {
    y.holidays.push_back(read_holiday(holidays[i], y.year, claims));
  }
  return y;
}

}  // namespace

std::vector<int> official_years(const std::vector<HolidayYear>& years) {
  std::vector<int> out;
  for (const HolidayYear& y : years) {
    if (!y.is_provisional()) {
      out.push_back(y.year);
    }
  }
  return out;
}

std::vector<HolidayYear> overlay(std::vector<HolidayYear> base,
                                 std::vector<HolidayYear> top) {
  std::map<int, HolidayYear> by_year;
  for (auto* layer : {&base, &top}) {
    for (HolidayYear& y : *layer) {
      by_year.insert_or_assign(y.year, std::move(y));
    }
  }
  std::vector<HolidayYear> out;
  out.reserve(by_year.size());
  for (auto& [year, y] : by_year) {
    out.push_back(std::move(y));
  }
  return out;
}

std::vector<HolidayYear> parse_holiday_file(std::string_view text,
                                            const std::string& name,
                                            Origin origin) {
  const nlohmann::json root = json_util::parse(text, name);
  const Reader r(root, name);
  // The format first, so that a file of a later format is reported as such
  // rather than for its new members.
  const Reader format = r["format"];
  if (!format.json().is_string() ||
      format.json().get_ref<const std::string&>() != k_holidays_format) {
    format.fail(
        Message("error.json.expected_value", {{"value", k_holidays_format}}));
  }
  r.only({"format", "years"});
  const Reader years = r["years"];
  const std::size_t n = years.size();
  if (n == 0) {
    years.fail(Message("error.holidays.no_year"));
  }

  std::vector<HolidayYear> out;
  Seen seen;
  Claims claims;
  for (std::size_t i = 0; i < n; ++i) {
    HolidayYear y = read_year(years[i], seen, claims);
    y.origin = origin;
    y.path = origin == Origin::bundled ? std::string() : name;
    out.push_back(std::move(y));
  }
  return out;
}

std::vector<HolidayYear> bundled_holiday_years() {
  // data/holidays/ as compiled by cmake/compile_holidays.cmake; the tests
  // hold it equal to what parse_holiday_file reads from the same files.
  std::vector<HolidayYear> years;
  years.reserve(detail::compiled_holiday_years().size());
  for (const detail::CompiledYear& c : detail::compiled_holiday_years()) {
    HolidayYear& y = years.emplace_back();
    y.year = c.year;
    y.notice = c.notice;
    y.origin = Origin::bundled;
    y.holidays.reserve(c.holidays.size());
    for (const detail::CompiledHoliday& ch : c.holidays) {
      Holiday& h = y.holidays.emplace_back();
      for (const detail::CompiledName& n : ch.name) {
        h.name.by_lang.emplace(n.lang, n.text);
      }
      h.first_off = ch.first_off;
      h.last_off = ch.last_off;
      h.workdays.assign(ch.workdays.begin(), ch.workdays.end());
    }
  }
  return years;
}

}  // namespace rpx
