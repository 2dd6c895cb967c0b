// The provisional model: a notice-year's schedule from the lunar calendar,
// the law and the arrangement's parameters (docs/holidays.md, "Provisional
// schedules"). Long breaks are arranged in provisional_breaks.cpp; the data
// files are read in provisional_data.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/lunar.hpp>
#include <rpx/provisional.hpp>

#include "provisional_plan.hpp"

namespace rpx {

namespace provisional_detail {

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

}  // namespace provisional_detail

namespace {

using namespace provisional_detail;

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
      const std::string_view sep = lang == "en"   ? " and "
                                   : lang == "ko" ? "·"
                                                  : "、";
      t.by_lang[lang] = s + std::string(sep) + b.in(lang);
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

const StatutoryHoliday* find(const LawVersion& law, std::string_view id) {
  for (const StatutoryHoliday& h : law.holidays) {
    if (h.id == id) {
      return &h;
    }
  }
  return nullptr;
}

/// One notice-year being arranged, holiday by holiday.
struct Arrangement {
  const HolidayModel& model;
  const LawVersion& law;
  int year;
  ModelLevel level;
  Building b;
  int limit;  // working days in a row
  const StatutoryHoliday* mid_autumn;
  const StatutoryHoliday* national_day;
  /// Mid-Autumn's day when it joins National Day's break.
  std::optional<Date> merged_mid_autumn;

  void add(const StatutoryHoliday& h);
};

/// Mid-Autumn's day when it falls in the window where it joins National
/// Day (the full model only).
std::optional<Date> merged_mid_autumn(const Arrangement& a) {
  const HolidayModel& m = a.model;
  if (a.level != ModelLevel::full || a.mid_autumn == nullptr ||
      a.national_day == nullptr || a.year < m.merge_from) {
    return std::nullopt;
  }
  const Date ma = days_of(*a.mid_autumn, a.year).front();
  const Date from{date::year{a.year} /
                  static_cast<unsigned>(m.merge_window_from[0]) /
                  static_cast<unsigned>(m.merge_window_from[1])};
  const Date to{date::year{a.year} /
                static_cast<unsigned>(m.merge_window_to[0]) /
                static_cast<unsigned>(m.merge_window_to[1])};
  if (ma >= from && ma <= to) {
    return ma;
  }
  return std::nullopt;
}

void Arrangement::add(const StatutoryHoliday& h) {
  const std::vector<Date> stat = days_of(h, year);
  if (level != ModelLevel::full) {
    const MakeUp makeup =
        level == ModelLevel::statutory_makeup ? MakeUp::yes : MakeUp::no;
    b.add(statutory_only(b, h.name, stat, makeup));
    return;
  }
  if (&h == mid_autumn && merged_mid_autumn) {
    return;  // arranged with National Day
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
    return;
  }
  if (const BreakRule* rule = break_for(model, h.id, year)) {
    const Date first =
        rule->required_from ? rule->required_from->in(year) : stat.front();
    const Date last = rule->required_from
                          ? first + days{rule->required_days - 1}
                          : stat.back();
    long_break(b, h.name, stat, first, last, rule->days, rule->whole_weekend,
               limit, static_cast<int>(stat.size()));
    return;
  }
  if (stat.size() == 1) {
    b.add(single_day(b, model, h.name, stat.front()));
    return;
  }
  Holiday hol = statutory_only(b, h.name, stat, MakeUp::yes);
  b.mark_assumed(hol, {});
  b.add(std::move(hol));
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
  Arrangement arrange{model,
                      *law,
                      year,
                      level,
                      {Plan(year), {}, statutory_days(model, year)},
                      max_run_in(model, year),
                      find(*law, "mid_autumn"),
                      find(*law, "national_day"),
                      std::nullopt};
  arrange.merged_mid_autumn = merged_mid_autumn(arrange);
  for (const StatutoryHoliday& h : law->holidays) {
    arrange.add(h);
  }
  Building& b = arrange.b;
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
