#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/lunar.hpp>
#include <rpx/provisional.hpp>

#include "json_util.hpp"

namespace rpx {

namespace {

using date::days;
using json_util::Reader;

constexpr std::string_view k_law_format = "rpx-statutory/1";
constexpr std::string_view k_model_format = "rpx-holiday-model/1";
constexpr std::array<std::string_view, 7> k_weekdays = {
    "sunday",   "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday"};

void expect_format(const Reader& r, std::string_view format) {
  const Reader f = r["format"];
  if (!f.json().is_string() ||
      f.json().get_ref<const std::string&>() != format) {
    f.fail(fmt::format("expected \"{}\"", format));
  }
}

/// "MM-DD" of a real day (29 February refused: it is no holiday's day).
std::pair<int, int> read_month_day(const Reader& r) {
  const std::string s = r.string();
  const auto digit = [&](std::size_t i) {
    return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -100;
  };
  if (s.size() == 5 && s[2] == '-') {
    const int m = digit(0) * 10 + digit(1);
    const int d = digit(3) * 10 + digit(4);
    if (m >= 1 && m <= 12 && d >= 1 &&
        date::month_day{date::month(static_cast<unsigned>(m)),
                        date::day(static_cast<unsigned>(d))}
            .ok() &&
        !(m == 2 && d == 29)) {
      return {m, d};
    }
  }
  r.fail(fmt::format("invalid month-day \"{}\": expected MM-DD", s));
}

DayRule read_day_rule(const Reader& r) {
  r.expect_object();
  if (r.has("date")) {
    r.only({"date"});
    const auto [m, d] = read_month_day(r["date"]);
    return DayRule{DayRule::Kind::date, m, d};
  }
  if (r.has("lunar")) {
    r.only({"lunar"});
    const Reader l = r["lunar"];
    if (l.json().is_string() &&
        l.json().get_ref<const std::string&>() == "eve") {
      return DayRule{DayRule::Kind::eve, 0, 0};
    }
    const auto [m, d] = read_month_day(l);
    if (d > 29) {
      l.fail("day 30 of a lunar month does not exist every year");
    }
    return DayRule{DayRule::Kind::lunar, m, d};
  }
  if (r.has("term")) {
    r.only({"term"});
    const Reader t = r["term"];
    if (t.string() != "qingming") {
      t.fail("expected \"qingming\"");
    }
    return DayRule{DayRule::Kind::qingming, 0, 0};
  }
  r.fail("expected one of \"date\", \"lunar\" or \"term\"");
}

std::vector<LawVersion> read_law(const Reader& r) {
  expect_format(r, k_law_format);
  r.only({"format", "title", "notes", "versions"});
  std::vector<LawVersion> out;
  const Reader versions = r["versions"];
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const Reader v = versions[i];
    v.only({"from", "law", "holidays"});
    LawVersion law;
    law.from = static_cast<int>(
        v["from"].integer(k_provisional_first_year, k_provisional_last_year));
    if (!out.empty() && law.from <= out.back().from) {
      v["from"].fail("versions must be in increasing order of \"from\"");
    }
    law.law = v["law"].string();
    const Reader holidays = v["holidays"];
    for (std::size_t k = 0; k < holidays.size(); ++k) {
      const Reader h = holidays[k];
      h.only({"id", "name", "days"});
      StatutoryHoliday s;
      s.id = h["id"].string();
      s.name = h["name"].text();
      const Reader ds = h["days"];
      if (ds.size() == 0) {
        ds.fail("expected at least one day");
      }
      for (std::size_t j = 0; j < ds.size(); ++j) {
        s.days.push_back(read_day_rule(ds[j]));
      }
      law.holidays.push_back(std::move(s));
    }
    out.push_back(std::move(law));
  }
  if (out.empty()) {
    versions.fail("expected at least one version");
  }
  return out;
}

void read_model(const Reader& r, HolidayModel& m) {
  expect_format(r, k_model_format);
  r.only({"format", "title", "notes", "single_day", "breaks",
          "mid_autumn_with_national_day", "max_working_days_in_a_row"});
  const Reader single = r["single_day"];
  single.only({"source", "by_weekday"});
  const Reader by = single["by_weekday"];
  by.only({"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
           "saturday"});
  for (std::size_t w = 0; w < k_weekdays.size(); ++w) {
    const Reader rule = by[k_weekdays[w]];
    rule.only({"off_from", "off_days", "work"});
    SingleDayRule s;
    s.off_from = static_cast<int>(rule["off_from"].integer(-6, 0));
    s.off_days = static_cast<int>(rule["off_days"].integer(1, 7));
    if (s.off_from + s.off_days <= 0) {
      rule["off_days"].fail("the days off must hold the statutory day");
    }
    const Reader work = rule["work"];
    for (std::size_t i = 0; i < work.size(); ++i) {
      const int offset = static_cast<int>(work[i].integer(-7, 7));
      if (offset >= s.off_from && offset < s.off_from + s.off_days) {
        work[i].fail("is one of the days off");
      }
      s.work.push_back(offset);
    }
    m.single_day[w] = std::move(s);
  }

  const Reader breaks = r["breaks"];
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    const Reader b = breaks[i];
    b.only({"holiday", "from", "to", "required_from", "required_days", "days",
            "whole_weekend", "source"});
    BreakRule rule;
    rule.holiday = b["holiday"].string();
    rule.from = static_cast<int>(
        b["from"].integer(k_provisional_first_year, k_provisional_last_year));
    if (b.has("to")) {
      rule.to =
          static_cast<int>(b["to"].integer(rule.from, k_provisional_last_year));
    }
    const Reader req = b["required_from"];
    if (!(req.json().is_string() &&
          req.json().get_ref<const std::string&>() == "statutory")) {
      rule.required_from = read_day_rule(req);
    }
    rule.days = static_cast<int>(b["days"].integer(1, 15));
    rule.required_days =
        static_cast<int>(b["required_days"].integer(0, rule.days));
    if (b.has("whole_weekend")) {
      rule.whole_weekend = b["whole_weekend"].boolean();
    }
    m.breaks.push_back(std::move(rule));
  }

  const Reader merge = r["mid_autumn_with_national_day"];
  merge.only({"from", "window_from", "window_to", "days", "source"});
  m.merge_from = static_cast<int>(
      merge["from"].integer(k_provisional_first_year, k_provisional_last_year));
  const auto [fm, fd] = read_month_day(merge["window_from"]);
  const auto [tm, td] = read_month_day(merge["window_to"]);
  m.merge_window_from[0] = fm;
  m.merge_window_from[1] = fd;
  m.merge_window_to[0] = tm;
  m.merge_window_to[1] = td;
  m.merge_days = static_cast<int>(merge["days"].integer(1, 15));

  const Reader runs = r["max_working_days_in_a_row"];
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].only({"from", "days", "source"});
    const int from = static_cast<int>(runs[i]["from"].integer(
        k_provisional_first_year, k_provisional_last_year));
    if (!m.max_run.empty() && from <= m.max_run.back().first) {
      runs[i]["from"].fail("must be in increasing order");
    }
    m.max_run.emplace_back(from,
                           static_cast<int>(runs[i]["days"].integer(5, 14)));
  }
  if (m.max_run.empty()) {
    runs.fail("expected at least one entry");
  }
}

// ---------------------------------------------------------------------------
// Building one notice-year.

/// The days a notice-year may decide, with what the model has set on each.
class Plan {
 public:
  explicit Plan(int year)
      : m_first(date::year{year - 1} / date::December / 1),
        m_status(static_cast<std::size_t>(
            (Date{date::year{year + 1} / date::January / 31} - m_first)
                .count() +
            1)) {}

  enum class Status : std::uint8_t { none, off, work };

  bool in(Date d) const {
    return d >= m_first &&
           (d - m_first).count() < static_cast<long>(m_status.size());
  }
  Status at(Date d) const {
    return in(d) ? m_status[static_cast<std::size_t>((d - m_first).count())]
                 : Status::none;
  }
  void set(Date d, Status s) {
    if (in(d)) {
      m_status[static_cast<std::size_t>((d - m_first).count())] = s;
    }
  }
  bool is_work(Date d) const {
    const Status s = at(d);
    return s == Status::none ? !is_weekend(d) : s == Status::work;
  }
  /// Consecutive working days through `d` (a working day).
  int run_through(Date d) const {
    Date a = d;
    while (is_work(a - days{1})) {
      a -= days{1};
    }
    Date b = d;
    while (is_work(b + days{1})) {
      b += days{1};
    }
    return static_cast<int>((b - a).count()) + 1;
  }
  int longest_run(Date a, Date b) const {
    int best = 0;
    int run = 0;
    for (Date d = a; d <= b; d += days{1}) {
      run = is_work(d) ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  }

 private:
  Date m_first;
  std::vector<Status> m_status;
};

using Status = Plan::Status;

struct Building {
  Plan plan;
  std::vector<Holiday> holidays;
  std::vector<Date> statutory;

  void add(Holiday h) {
    for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
      plan.set(d, Status::off);
    }
    for (Date d : h.workdays) {
      plan.set(d, Status::work);
    }
    holidays.push_back(std::move(h));
  }
  bool is_statutory(Date d) const {
    return std::binary_search(statutory.begin(), statutory.end(), d);
  }
  /// Weekdays off that the law does not fix, and every worked day.
  void mark_assumed(Holiday& h, const std::vector<Date>& certain) const {
    for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
      if (!is_weekend(d) && !is_statutory(d) &&
          std::find(certain.begin(), certain.end(), d) == certain.end()) {
        h.assumed.push_back(d);
      }
    }
    h.assumed.insert(h.assumed.end(), h.workdays.begin(), h.workdays.end());
    std::sort(h.assumed.begin(), h.assumed.end());
  }
};

/// The first weekday after `d` that nothing has claimed: where the law puts
/// the 补假 of a statutory day on a weekend.
Date next_free_weekday(const Plan& plan, Date d) {
  do {
    d += days{1};
  } while (is_weekend(d) || plan.at(d) != Status::none);
  return d;
}

Holiday statutory_only(Building& b, const Text& name,
                       const std::vector<Date>& stat, bool makeup) {
  Holiday h;
  h.name = name;
  h.first_off = stat.front();
  h.last_off = stat.back();
  if (makeup) {
    for (Date d : stat) {
      if (is_weekend(d)) {
        // Claim the days so far, so that two weekend days get two weekdays.
        for (Date x = h.first_off; x <= h.last_off; x += days{1}) {
          b.plan.set(x, Status::off);
        }
        h.last_off = next_free_weekday(b.plan, h.last_off);
      }
    }
  }
  return h;
}

Holiday single_day(const Building& b, const HolidayModel& m, const Text& name,
                   Date d) {
  const SingleDayRule& rule = m.single_day[date::weekday{d}.c_encoding()];
  Holiday h;
  h.name = name;
  h.first_off = d + days{rule.off_from};
  h.last_off = h.first_off + days{rule.off_days - 1};
  for (int w : rule.work) {
    h.workdays.push_back(d + days{w});
  }
  std::sort(h.workdays.begin(), h.workdays.end());
  // A statutory day on a weekend is made up on the next weekday by law.
  std::vector<Date> certain;
  if (is_weekend(d)) {
    Date x = d;
    do {
      x += days{1};
    } while (is_weekend(x));
    certain.push_back(x);
  }
  b.mark_assumed(h, certain);
  return h;
}

struct Candidate {
  std::array<int, 6> score{};
  Date first;
  Date last;
  std::vector<Date> work;
};

/// Weekend days nobody has claimed, walking from `from` by `step`, that are
/// not in `skip`; at most `n`.
std::vector<Date> free_weekend_days(const Plan& plan, Date from, int step,
                                    const std::vector<Date>& skip,
                                    std::size_t n) {
  std::vector<Date> out;
  for (Date d = from; out.size() < n && plan.in(d); d += days{step}) {
    if (is_weekend(d) && plan.at(d) == Status::none &&
        std::find(skip.begin(), skip.end(), d) == skip.end()) {
      out.push_back(d);
    }
  }
  return out;
}

std::optional<Candidate> best_break(const Building& b, Date req_first,
                                    Date req_last, int length,
                                    bool whole_weekend, int limit,
                                    const std::vector<Date>& stat) {
  std::optional<Candidate> best;
  const int s_count = static_cast<int>(stat.size());
  for (int extra = 0; extra <= 1; ++extra) {
    const int len = length + extra;
    for (int back = 0; back <= 3; ++back) {
      const Date s = req_first - days{back};
      const Date e = s + days{len - 1};
      if (e < req_last || stat.front() < s || stat.back() > e) {
        continue;
      }
      int weekend = 0;
      bool taken = false;
      bool has_weekend = false;
      for (Date d = s; d <= e; d += days{1}) {
        weekend += is_weekend(d) ? 1 : 0;
        taken = taken || b.plan.at(d) != Status::none;
        has_weekend = has_weekend ||
                      (date::weekday{d} == date::Saturday && d + days{1} <= e);
      }
      const int k = len - s_count - weekend;
      if (taken || k < 0 || (whole_weekend && !has_weekend)) {
        continue;
      }
      // Weekend days touching the break, then the nearest others.
      std::vector<Date> adjacent;
      for (Date d = s - days{1}; is_weekend(d) && b.plan.at(d) == Status::none;
           d -= days{1}) {
        adjacent.push_back(d);
      }
      for (Date d = e + days{1}; is_weekend(d) && b.plan.at(d) == Status::none;
           d += days{1}) {
        adjacent.push_back(d);
      }
      std::vector<std::vector<Date>> options;
      const auto need = static_cast<std::size_t>(k);
      if (adjacent.size() >= need) {
        for (unsigned mask = 0; mask < (1U << adjacent.size()); ++mask) {
          if (static_cast<std::size_t>(std::popcount(mask)) != need) {
            continue;
          }
          std::vector<Date> pick;
          for (std::size_t i = 0; i < adjacent.size(); ++i) {
            if ((mask >> i) & 1U) {
              pick.push_back(adjacent[i]);
            }
          }
          options.push_back(std::move(pick));
        }
      } else {
        const std::size_t rest = need - adjacent.size();
        const auto before =
            free_weekend_days(b.plan, s - days{1}, -1, adjacent, rest);
        const auto after =
            free_weekend_days(b.plan, e + days{1}, 1, adjacent, rest);
        for (std::size_t i = 0; i <= rest; ++i) {
          if (i > before.size() || rest - i > after.size()) {
            continue;
          }
          std::vector<Date> pick = adjacent;
          pick.insert(pick.end(), before.begin(),
                      before.begin() + static_cast<long>(i));
          pick.insert(pick.end(), after.begin(),
                      after.begin() + static_cast<long>(rest - i));
          options.push_back(std::move(pick));
        }
      }
      for (std::vector<Date>& work : options) {
        Plan trial = b.plan;
        for (Date d = s; d <= e; d += days{1}) {
          trial.set(d, Status::off);
        }
        for (Date d : work) {
          trial.set(d, Status::work);
        }
        const bool ok = trial.longest_run(s - days{16}, e + days{16}) <= limit;
        int longest = 0;
        int total = 0;
        int distance = 0;
        for (Date d : work) {
          const int run = trial.run_through(d);
          longest = std::max(longest, run);
          total += run;
          distance += static_cast<int>(std::abs((d - s).count()));
        }
        Candidate c{
            {ok ? 0 : 1, extra, back, k, longest * 100 + total, distance},
            s,
            e,
            {}};
        if (!best || c.score < best->score) {
          std::sort(work.begin(), work.end());
          c.work = std::move(work);
          best = std::move(c);
        }
      }
    }
  }
  return best;
}

void long_break(Building& b, const Text& name, std::vector<Date> stat,
                Date req_first, Date req_last, int length, bool whole_weekend,
                int limit, int statutory_count) {
  std::sort(stat.begin(), stat.end());
  // `statutory_count` may exceed the distinct days: a Mid-Autumn on
  // 1 October still earns its day.
  while (static_cast<int>(stat.size()) < statutory_count) {
    stat.push_back(stat.back());
  }
  const auto best =
      best_break(b, req_first, req_last, length, whole_weekend, limit, stat);
  stat.erase(std::unique(stat.begin(), stat.end()), stat.end());
  Holiday h;
  h.name = name;
  if (!best) {
    // Nothing fits (another holiday in the way): the statutory days alone.
    h = statutory_only(b, name, stat, true);
  } else {
    h.first_off = best->first;
    h.last_off = best->last;
    h.workdays = best->work;
  }
  // The law's make-up weekdays for statutory days on a weekend are certain:
  // the first weekdays after the statutory days, one for each.
  std::vector<Date> certain;
  Date after = stat.back();
  for (Date d : stat) {
    if (is_weekend(d)) {
      do {
        after += days{1};
      } while (is_weekend(after));
      certain.push_back(after);
    }
  }
  b.mark_assumed(h, certain);
  b.add(std::move(h));
}

const BreakRule* break_for(const HolidayModel& m, std::string_view id,
                           int year) {
  for (const BreakRule& r : m.breaks) {
    if (r.holiday == id && year >= r.from && year <= r.to) {
      return &r;
    }
  }
  return nullptr;
}

int max_run_in(const HolidayModel& m, int year) {
  int days_in_a_row = 7;
  for (const auto& [from, n] : m.max_run) {
    if (year >= from) {
      days_in_a_row = n;
    }
  }
  return days_in_a_row;
}

Text joined(const Text& a, const Text& b) {
  Text t;
  for (const auto& [lang, s] : a.by_lang) {
    if (b.has(lang)) {
      t.by_lang[lang] =
          lang == "en" ? s + " and " + b.in(lang) : s + "、" + b.in(lang);
    }
  }
  return t;
}

std::vector<Date> days_of(const StatutoryHoliday& h, int year) {
  std::vector<Date> out;
  for (const DayRule& r : h.days) {
    out.push_back(r.in(year));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Date DayRule::in(int year) const {
  switch (kind) {
    case Kind::date:
      return Date{date::year{year} / static_cast<unsigned>(month) /
                  static_cast<unsigned>(day)};
    case Kind::lunar:
      return *from_lunar(LunarDate{year, month, day, false});
    case Kind::eve:
      return new_years_eve(year);
    case Kind::qingming:
      return qingming(year);
  }
  return Date{};
}

HolidayModel parse_holiday_model(std::string_view law_json,
                                 const std::string& law_name,
                                 std::string_view model_json,
                                 const std::string& model_name) {
  HolidayModel m;
  const nlohmann::json law = json_util::parse(law_json, law_name);
  m.law = read_law(Reader(law, law_name));
  const nlohmann::json model = json_util::parse(model_json, model_name);
  read_model(Reader(model, model_name), m);
  return m;
}

const HolidayModel& bundled_holiday_model() {
  static const HolidayModel model = [] {
    constexpr std::string_view law = "provisional/statutory.json";
    constexpr std::string_view params = "provisional/model.json";
    return parse_holiday_model(*bundled_file(law), std::string(law),
                               *bundled_file(params), std::string(params));
  }();
  return model;
}

const LawVersion* law_in_force(const HolidayModel& model, int year) {
  const LawVersion* found = nullptr;
  for (const LawVersion& v : model.law) {
    if (year >= v.from) {
      found = &v;
    }
  }
  return found;
}

std::vector<Date> statutory_days(const HolidayModel& model, int year) {
  std::vector<Date> out;
  if (const LawVersion* law = law_in_force(model, year)) {
    for (const StatutoryHoliday& h : law->holidays) {
      const auto ds = days_of(h, year);
      out.insert(out.end(), ds.begin(), ds.end());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

HolidayYear provisional_year(const HolidayModel& model, int year,
                             ModelLevel level) {
  HolidayYear out;
  out.year = year;
  out.origin = Origin::provisional;
  const LawVersion* law = law_in_force(model, year);
  if (law == nullptr || level == ModelLevel::weekdays ||
      year < k_provisional_first_year || year > k_provisional_last_year) {
    return out;
  }
  out.notice = fmt::format("provisional: {}", law->law);
  Building b{Plan(year), {}, statutory_days(model, year)};

  const auto find = [&](std::string_view id) -> const StatutoryHoliday* {
    for (const StatutoryHoliday& h : law->holidays) {
      if (h.id == id) {
        return &h;
      }
    }
    return nullptr;
  };
  const StatutoryHoliday* mid_autumn = find("mid_autumn");
  const StatutoryHoliday* national_day = find("national_day");
  std::optional<Date> merged_mid_autumn;
  if (level == ModelLevel::full && mid_autumn != nullptr &&
      national_day != nullptr && year >= model.merge_from) {
    const Date ma = days_of(*mid_autumn, year).front();
    const Date from{date::year{year} /
                    static_cast<unsigned>(model.merge_window_from[0]) /
                    static_cast<unsigned>(model.merge_window_from[1])};
    const Date to{date::year{year} /
                  static_cast<unsigned>(model.merge_window_to[0]) /
                  static_cast<unsigned>(model.merge_window_to[1])};
    if (ma >= from && ma <= to) {
      merged_mid_autumn = ma;
    }
  }

  const int limit = max_run_in(model, year);
  for (const StatutoryHoliday& h : law->holidays) {
    const std::vector<Date> stat = days_of(h, year);
    if (level != ModelLevel::full) {
      Holiday hol = statutory_only(b, h.name, stat,
                                   level == ModelLevel::statutory_makeup);
      b.add(std::move(hol));
      continue;
    }
    if (&h == mid_autumn && merged_mid_autumn) {
      continue;  // arranged with National Day below
    }
    if (&h == national_day && merged_mid_autumn) {
      std::vector<Date> all = stat;
      all.push_back(*merged_mid_autumn);
      const Date first = std::min(*merged_mid_autumn, stat.front());
      const Date last =
          std::max(first + days{model.merge_days - 1}, *merged_mid_autumn);
      const Text name = *merged_mid_autumn < stat.front()
                            ? joined(mid_autumn->name, h.name)
                            : joined(h.name, mid_autumn->name);
      long_break(b, name, all, first, last, model.merge_days, false, limit,
                 static_cast<int>(stat.size()) + 1);
      continue;
    }
    if (const BreakRule* rule = break_for(model, h.id, year)) {
      const Date first =
          rule->required_from ? rule->required_from->in(year) : stat.front();
      const Date last = rule->required_from
                            ? first + days{rule->required_days - 1}
                            : stat.back();
      long_break(b, h.name, stat, first, last, rule->days, rule->whole_weekend,
                 limit, static_cast<int>(stat.size()));
      continue;
    }
    if (stat.size() == 1) {
      b.add(single_day(b, model, h.name, stat.front()));
      continue;
    }
    Holiday hol = statutory_only(b, h.name, stat, true);
    b.mark_assumed(hol, {});
    b.add(std::move(hol));
  }
  std::sort(b.holidays.begin(), b.holidays.end(),
            [](const Holiday& x, const Holiday& y) {
              return x.first_off < y.first_off;
            });
  out.holidays = std::move(b.holidays);
  return out;
}

std::vector<HolidayYear> provisional_years(
    const HolidayModel& model, const std::vector<HolidayYear>& official) {
  std::vector<HolidayYear> out;
  for (int y = k_provisional_first_year; y <= k_provisional_last_year; ++y) {
    const bool have =
        std::any_of(official.begin(), official.end(),
                    [y](const HolidayYear& o) { return o.year == y; });
    if (!have) {
      out.push_back(provisional_year(model, y));
    }
  }
  return out;
}

std::vector<HolidayYear> with_provisional(std::vector<HolidayYear> official,
                                          const HolidayModel& model) {
  std::vector<HolidayYear> provisional = provisional_years(model, official);
  std::move(provisional.begin(), provisional.end(),
            std::back_inserter(official));
  return official;
}

}  // namespace rpx
