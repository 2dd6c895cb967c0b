// The provisional model: a notice-year's schedule from the lunar calendar,
// the law and the arrangement's parameters (docs/holidays.md, "Provisional
// schedules"). The data files are read in provisional_data.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <rpx/lunar.hpp>
#include <rpx/provisional.hpp>

namespace rpx {

namespace {

using date::days;

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

/// Whether a statutory day on a weekend earns the law's make-up weekday.
enum class MakeUp : std::uint8_t { no, yes };

Holiday statutory_only(Building& b, const Text& name,
                       const std::vector<Date>& stat, MakeUp makeup) {
  Holiday h;
  h.name = name;
  h.first_off = stat.front();
  h.last_off = stat.back();
  if (makeup == MakeUp::yes) {
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
    h = statutory_only(b, name, stat, MakeUp::yes);
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
      const MakeUp makeup =
          level == ModelLevel::statutory_makeup ? MakeUp::yes : MakeUp::no;
      Holiday hol = statutory_only(b, h.name, stat, makeup);
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
    Holiday hol = statutory_only(b, h.name, stat, MakeUp::yes);
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
