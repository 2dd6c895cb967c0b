#include <gtest/gtest.h>

#include <rpx/bundled.hpp>
#include <rpx/calendar.hpp>
#include <rpx/holidays.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "test_data.hpp"

namespace rpx {

// gtest prints values through PrintTo, found by argument-dependent lookup.
static void PrintTo(Workdays w, std::ostream* os) {
  *os << "Workdays{" << w.value << "}";
}

static void PrintTo(DayKind k, std::ostream* os) {
  constexpr const char* k_names[] = {"workday", "weekend", "holiday",
                                     "adjusted_workday"};
  *os << "DayKind::" << k_names[static_cast<int>(k)];
}

}  // namespace rpx

namespace {

using rpx::Date;
using rpx::DayKind;
using rpx::WorkCalendar;
using rpx::Workdays;

using rpx::test::iso;
using rpx::test::ymd;

// Facts the tables below rely on, checked at compile time.
static_assert(rpx::is_weekend(ymd(2024, 9, 29)));   // adjusted workday (Sun)
static_assert(rpx::is_weekend(ymd(2026, 2, 14)));   // adjusted workday (Sat)
static_assert(rpx::is_weekend(ymd(2018, 12, 29)));  // notice 2019's (Sat)
static_assert(!rpx::is_weekend(ymd(2024, 10, 1)));  // National Day, Tuesday
static_assert(!rpx::is_weekend(ymd(2027, 1, 1)));   // uncovered Friday
static_assert(ymd(2024, 10, 5) - ymd(2024, 9, 30) == date::days{5});
static_assert(Workdays{1} < Workdays{2});
static_assert(Workdays{-1} == Workdays{-1});

/// The calendar of the bundled tables, built the way rpx builds it: each
/// holidays/*.json parsed as bundled data and overlaid.
const WorkCalendar& bundled() {
  static const WorkCalendar k_calendar = [] {
    std::vector<rpx::HolidayYear> years;
    for (const rpx::BundledFile& f : rpx::bundled_files()) {
      if (f.path.starts_with("holidays/")) {
        years = rpx::overlay(std::move(years), rpx::parse_holiday_file(
                                                   f.text, std::string(f.path),
                                                   rpx::Origin::bundled));
      }
    }
    return WorkCalendar(std::move(years));
  }();
  return k_calendar;
}

constexpr DayKind k_off = DayKind::holiday;
constexpr DayKind k_work = DayKind::adjusted_workday;

struct Fact {
  Date day;
  DayKind kind;
  std::string_view en;
  std::string_view zh;
  int notice;
};

/// Every row of china-holidays.tsv from 2023-12-25 to 2025-12-31: the days
/// off and adjusted workdays of notices 2024 and 2025, with the notice-year
/// each belongs to (china-holidays.md). The independent truth.
constexpr Fact k_facts_2024_2025[] = {
    {ymd(2023, 12, 30), k_off, "New Year's Day", "元旦", 2024},
    {ymd(2023, 12, 31), k_off, "New Year's Day", "元旦", 2024},
    {ymd(2024, 1, 1), k_off, "New Year's Day", "元旦", 2024},
    {ymd(2024, 2, 4), k_work, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 10), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 11), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 12), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 13), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 14), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 15), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 16), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 17), k_off, "Spring Festival", "春节", 2024},
    {ymd(2024, 2, 18), k_work, "Spring Festival", "春节", 2024},
    {ymd(2024, 4, 4), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2024},
    {ymd(2024, 4, 5), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2024},
    {ymd(2024, 4, 6), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2024},
    {ymd(2024, 4, 7), k_work, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2024},
    {ymd(2024, 4, 28), k_work, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 1), k_off, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 2), k_off, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 3), k_off, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 4), k_off, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 5), k_off, "Labour Day", "劳动节", 2024},
    {ymd(2024, 5, 11), k_work, "Labour Day", "劳动节", 2024},
    {ymd(2024, 6, 8), k_off, "Dragon Boat Festival", "端午节", 2024},
    {ymd(2024, 6, 9), k_off, "Dragon Boat Festival", "端午节", 2024},
    {ymd(2024, 6, 10), k_off, "Dragon Boat Festival", "端午节", 2024},
    {ymd(2024, 9, 14), k_work, "Mid-Autumn Festival", "中秋节", 2024},
    {ymd(2024, 9, 15), k_off, "Mid-Autumn Festival", "中秋节", 2024},
    {ymd(2024, 9, 16), k_off, "Mid-Autumn Festival", "中秋节", 2024},
    {ymd(2024, 9, 17), k_off, "Mid-Autumn Festival", "中秋节", 2024},
    {ymd(2024, 9, 29), k_work, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 1), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 2), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 3), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 4), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 5), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 6), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 7), k_off, "National Day", "国庆节", 2024},
    {ymd(2024, 10, 12), k_work, "National Day", "国庆节", 2024},
    {ymd(2025, 1, 1), k_off, "New Year's Day", "元旦", 2025},
    {ymd(2025, 1, 26), k_work, "Spring Festival", "春节", 2025},
    {ymd(2025, 1, 28), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 1, 29), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 1, 30), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 1, 31), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 2, 1), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 2, 2), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 2, 3), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 2, 4), k_off, "Spring Festival", "春节", 2025},
    {ymd(2025, 2, 8), k_work, "Spring Festival", "春节", 2025},
    {ymd(2025, 4, 4), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2025},
    {ymd(2025, 4, 5), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2025},
    {ymd(2025, 4, 6), k_off, "Qingming Festival (Tomb-Sweeping Day)", "清明节",
     2025},
    {ymd(2025, 4, 27), k_work, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 1), k_off, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 2), k_off, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 3), k_off, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 4), k_off, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 5), k_off, "Labour Day", "劳动节", 2025},
    {ymd(2025, 5, 31), k_off, "Dragon Boat Festival", "端午节", 2025},
    {ymd(2025, 6, 1), k_off, "Dragon Boat Festival", "端午节", 2025},
    {ymd(2025, 6, 2), k_off, "Dragon Boat Festival", "端午节", 2025},
    {ymd(2025, 9, 28), k_work, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 1), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 2), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 3), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 4), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 5), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 6), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 7), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 8), k_off, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
    {ymd(2025, 10, 11), k_work, "National Day and Mid-Autumn Festival",
     "国庆节、中秋节", 2025},
};

TEST(WorkCalendar, KnowsEveryHolidayDayOf2024And2025) {
  const WorkCalendar& cal = bundled();
  for (const Fact& f : k_facts_2024_2025) {
    SCOPED_TRACE(rpx::format_date(f.day));
    const rpx::DayInfo info = cal.day(f.day);
    EXPECT_EQ(info.kind, f.kind);
    EXPECT_EQ(info.is_workday(), f.kind == k_work);
    EXPECT_EQ(cal.is_workday(f.day), f.kind == k_work);
    EXPECT_TRUE(info.covered);
    ASSERT_NE(info.holiday, nullptr);
    EXPECT_EQ(info.holiday->name.en(), f.en);
    EXPECT_EQ(info.holiday->name.in("zh"), f.zh);
    ASSERT_NE(info.notice, nullptr);
    EXPECT_EQ(info.notice->year, f.notice);
    EXPECT_EQ(info.notice->origin, rpx::Origin::bundled);
  }
}

TEST(WorkCalendar, EveryOtherDayOf2024And2025IsMondayToFriday) {
  const WorkCalendar& cal = bundled();
  std::set<Date> listed;
  for (const Fact& f : k_facts_2024_2025) {
    listed.insert(f.day);
  }
  for (Date d = ymd(2023, 12, 25); d <= ymd(2025, 12, 31); d += date::days{1}) {
    if (listed.contains(d)) {
      continue;
    }
    SCOPED_TRACE(rpx::format_date(d));
    const rpx::DayInfo info = cal.day(d);
    EXPECT_EQ(info.kind,
              rpx::is_weekend(d) ? DayKind::weekend : DayKind::workday);
    EXPECT_EQ(info.holiday, nullptr);
    EXPECT_EQ(info.notice, nullptr);
    EXPECT_TRUE(info.covered);
  }
}

TEST(WorkCalendar, SpringFestivalEve2024IsAWorkday) {
  // The 2024 notice only encouraged a day off on 除夕 (china-holidays.md).
  EXPECT_EQ(bundled().day(ymd(2024, 2, 9)).kind, DayKind::workday);
}

TEST(WorkCalendar, ExtendedSpringFestival2020MadeASaturdayADayOff) {
  // 2020-02-01 was an adjusted workday until the supplementary notice.
  const rpx::DayInfo info = bundled().day(ymd(2020, 2, 1));
  EXPECT_EQ(info.kind, DayKind::holiday);
  ASSERT_NE(info.holiday, nullptr);
  EXPECT_EQ(info.holiday->name.en(), "Spring Festival");
  EXPECT_TRUE(bundled().is_workday(ymd(2020, 2, 3)));
}

/// Workday-ness from k_facts_2024_2025 alone: Monday–Friday, minus the
/// days off, plus the adjusted workdays.
bool reference_is_workday(Date d) {
  for (const Fact& f : k_facts_2024_2025) {
    if (f.day == d) {
      return f.kind == k_work;
    }
  }
  return !rpx::is_weekend(d);
}

TEST(WorkCalendar, AddAgreesWithTheReferenceTable) {
  const WorkCalendar& cal = bundled();
  const Date first_known = ymd(2023, 12, 25);
  const Date last_known = ymd(2025, 12, 31);
  int failures = 0;
  for (Date d = ymd(2024, 3, 1); d <= ymd(2025, 10, 31); d += date::days{1}) {
    // Walk the reference table outwards from d, one workday at a time.
    Date forward = d;
    Date backward = d;
    for (int n = 1; n <= 40 && failures < 10; ++n) {
      do {
        forward += date::days{1};
      } while (!reference_is_workday(forward));
      do {
        backward -= date::days{1};
      } while (!reference_is_workday(backward));
      ASSERT_LE(forward, last_known);
      ASSERT_GE(backward, first_known);
      if (cal.add(d, Workdays{n}) != forward ||
          cal.add(d, Workdays{-n}) != backward) {
        ADD_FAILURE() << "add(" << rpx::format_date(d) << ", ±" << n << ")";
        ++failures;
      }
    }
  }
}

TEST(WorkCalendar, CountInvertsAddOverEveryDayOf2015To2026) {
  const WorkCalendar& cal = bundled();
  int failures = 0;
  for (Date d = ymd(2015, 1, 1); d <= ymd(2026, 12, 31) && failures < 10;
       d += date::days{1}) {
    const bool workday = cal.is_workday(d);
    for (int n = -40; n <= 40; ++n) {
      if (n < 0 && !workday) {
        continue;  // docs/cli.md: the round trip holds for N < 0 on workdays
                   // only
      }
      const Date to = cal.add(d, Workdays{n});
      if (cal.count(d, to) != Workdays{n}) {
        ADD_FAILURE() << "count(" << rpx::format_date(d) << ", add(.., " << n
                      << ") = " << rpx::format_date(to)
                      << ") = " << cal.count(d, to).value;
        ++failures;
      }
    }
  }
}

TEST(WorkCalendarAdd, ZeroIsTheDayItself) {
  EXPECT_EQ(iso(bundled().add(ymd(2024, 10, 5), Workdays{0})), "2024-10-05");
  EXPECT_EQ(iso(bundled().add(ymd(2024, 10, 8), Workdays{0})), "2024-10-08");
}

TEST(WorkCalendarAdd, LandsOnAdjustedSunday) {
  // Friday 2024-09-27, then Sunday 2024-09-29 is worked for National Day.
  EXPECT_EQ(iso(bundled().add(ymd(2024, 9, 27), Workdays{1})), "2024-09-29");
  EXPECT_EQ(iso(bundled().add(ymd(2024, 9, 27), Workdays{2})), "2024-09-30");
  EXPECT_EQ(iso(bundled().add(ymd(2024, 9, 27), Workdays{3})), "2024-10-08");
}

TEST(WorkCalendarAdd, SkipsNationalDayWeek) {
  EXPECT_EQ(iso(bundled().add(ymd(2024, 9, 30), Workdays{1})), "2024-10-08");
  EXPECT_EQ(iso(bundled().add(ymd(2024, 10, 8), Workdays{-1})), "2024-09-30");
  // 2024-10-12 (Saturday) is worked too.
  EXPECT_EQ(iso(bundled().add(ymd(2024, 10, 11), Workdays{1})), "2024-10-12");
}

TEST(WorkCalendarAdd, BackwardsFromAHolidayYetCountIsZero) {
  // docs/cli.md: add(2024-10-05, -1) is 2024-09-30, yet count(2024-10-05,
  // 2024-09-30) is 0: no workday d has 2024-09-30 < d <= 2024-10-05.
  EXPECT_EQ(iso(bundled().add(ymd(2024, 10, 5), Workdays{-1})), "2024-09-30");
  EXPECT_EQ(bundled().count(ymd(2024, 10, 5), ymd(2024, 9, 30)), Workdays{0});
}

TEST(WorkCalendarAdd, FifteenWorkdaysAcrossSpringFestival2025) {
  // Progress note Monday 2025-01-20: 01-21..24 (4), 01-26 Sunday worked (5),
  // 01-27 (6), break 01-28..02-04, 02-05..07 (9), 02-08 Saturday worked
  // (10), 02-10..14 (15).
  EXPECT_EQ(iso(bundled().add(ymd(2025, 1, 20), Workdays{15})), "2025-02-14");
}

TEST(WorkCalendarCount, IsMirroredWhenBackwards) {
  const WorkCalendar& cal = bundled();
  EXPECT_EQ(cal.count(ymd(2024, 9, 30), ymd(2024, 10, 8)), Workdays{1});
  EXPECT_EQ(cal.count(ymd(2024, 10, 8), ymd(2024, 9, 30)), Workdays{-1});
  EXPECT_EQ(cal.count(ymd(2024, 9, 27), ymd(2024, 10, 12)), Workdays{7});
  EXPECT_EQ(cal.count(ymd(2024, 10, 1), ymd(2024, 10, 1)), Workdays{0});
}

TEST(WorkCalendar, NewYearBreaksSpanDecemberAndJanuary) {
  const WorkCalendar& cal = bundled();
  // Notice 2024: 2023-12-30 .. 2024-01-01 off.
  EXPECT_EQ(iso(cal.add(ymd(2023, 12, 29), Workdays{1})), "2024-01-02");
  EXPECT_EQ(iso(cal.add(ymd(2024, 1, 2), Workdays{-1})), "2023-12-29");
  EXPECT_EQ(cal.count(ymd(2023, 12, 29), ymd(2024, 1, 2)), Workdays{1});
  // Notice 2019: Saturday 2018-12-29 worked, 2018-12-30 .. 2019-01-01 off.
  const rpx::DayInfo sat = cal.day(ymd(2018, 12, 29));
  EXPECT_EQ(sat.kind, DayKind::adjusted_workday);
  ASSERT_NE(sat.notice, nullptr);
  EXPECT_EQ(sat.notice->year, 2019);
  EXPECT_EQ(sat.holiday->name.en(), "New Year's Day");
  EXPECT_EQ(iso(cal.add(ymd(2018, 12, 28), Workdays{1})), "2018-12-29");
  EXPECT_EQ(iso(cal.add(ymd(2018, 12, 28), Workdays{2})), "2019-01-02");
  EXPECT_EQ(cal.count(ymd(2018, 12, 28), ymd(2019, 1, 2)), Workdays{2});
  // Notice 2017: 2016-12-31 .. 2017-01-02; notice 2023: 2022-12-31 ..
  // 2023-01-02.
  EXPECT_EQ(iso(cal.add(ymd(2016, 12, 30), Workdays{1})), "2017-01-03");
  EXPECT_EQ(cal.day(ymd(2016, 12, 31)).notice->year, 2017);
  EXPECT_EQ(iso(cal.add(ymd(2022, 12, 30), Workdays{1})), "2023-01-03");
  EXPECT_EQ(cal.day(ymd(2022, 12, 31)).notice->year, 2023);
  // Notice 2026: Sunday 2026-01-04 worked after 2026-01-01 .. 03 off.
  EXPECT_EQ(iso(cal.add(ymd(2025, 12, 31), Workdays{1})), "2026-01-04");
}

TEST(WorkCalendar, YearsWithoutANoticeAreMondayToFridayAndUncovered) {
  const WorkCalendar& cal = bundled();
  for (Date d : {ymd(2027, 1, 1), ymd(2027, 2, 8), ymd(2027, 10, 1),
                 ymd(2014, 1, 31), ymd(2014, 10, 1), ymd(2014, 12, 31)}) {
    SCOPED_TRACE(rpx::format_date(d));
    const rpx::DayInfo info = cal.day(d);
    EXPECT_EQ(info.kind, DayKind::workday);  // all Monday–Friday
    EXPECT_FALSE(info.covered);
    EXPECT_FALSE(cal.covered(d));
    EXPECT_EQ(info.holiday, nullptr);
  }
  EXPECT_EQ(cal.day(ymd(2027, 1, 2)).kind, DayKind::weekend);
  EXPECT_EQ(cal.notice(2027), nullptr);
  EXPECT_EQ(cal.notice(2014), nullptr);
  // Friday 2027-10-01 + 1 is Monday 2027-10-04.
  EXPECT_EQ(iso(cal.add(ymd(2027, 10, 1), Workdays{1})), "2027-10-04");
}

TEST(WorkCalendar, LastDaysOfDecemberNeedTheNextNotice) {
  const WorkCalendar& cal = bundled();
  // Notice 2027 is missing, so 2026-12-25 .. 31 are not covered.
  EXPECT_TRUE(cal.covered(ymd(2026, 12, 24)));
  for (unsigned d = 25; d <= 31; ++d) {
    EXPECT_FALSE(cal.covered(ymd(2026, 12, d))) << d;
    EXPECT_TRUE(cal.covered(ymd(2025, 12, d))) << d;
  }
  // Likewise 2014 is not covered at all, though notice 2015 is loaded.
  EXPECT_FALSE(cal.covered(ymd(2014, 12, 31)));
  EXPECT_TRUE(cal.covered(ymd(2015, 1, 1)));
}

TEST(WorkCalendar, CoveredRangeNeedsEveryDay) {
  const WorkCalendar& cal = bundled();
  EXPECT_TRUE(cal.covered(ymd(2015, 1, 1), ymd(2026, 12, 24)));
  EXPECT_TRUE(cal.covered(ymd(2026, 12, 24), ymd(2015, 1, 1)));
  EXPECT_FALSE(cal.covered(ymd(2015, 1, 1), ymd(2026, 12, 25)));
  EXPECT_FALSE(cal.covered(ymd(2014, 12, 31), ymd(2015, 1, 1)));
  EXPECT_TRUE(cal.covered(ymd(2024, 10, 1), ymd(2024, 10, 1)));
}

TEST(WorkCalendarPrevWorkday, SkipsSpringFestival) {
  const WorkCalendar& cal = bundled();
  // 2026-02-15 .. 23 off; Saturday 2026-02-14 is an adjusted workday.
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2026, 2, 18))), "2026-02-14");
  // 2025-01-28 .. 02-04 off; Monday 2025-01-27 is the last workday before.
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2025, 1, 29))), "2025-01-27");
}

TEST(WorkCalendarPrevWorkday, IsTheDayItselfOnAWorkday) {
  const WorkCalendar& cal = bundled();
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2024, 9, 29))), "2024-09-29");
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2024, 10, 8))), "2024-10-08");
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2024, 10, 5))), "2024-09-30");
  // Sunday 2024-12-29 falls back to Friday 2024-12-27.
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2024, 12, 29))),
            "2024-12-27");
}

/// Notice 2024 as a user might rewrite it: New Year's Day alone, with
/// Sunday 2023-12-31 worked, and a made-up holiday in March.
std::vector<rpx::HolidayYear> replacement_2024() {
  return rpx::parse_holiday_file(R"({
    "format": "rpx-holidays/1",
    "years": [{
      "year": 2024,
      "notice": "test",
      "holidays": [
        {"name": {"en": "New Year's Day"},
         "off": {"from": "2024-01-01", "to": "2024-01-01"},
         "work": ["2023-12-31"]},
        {"name": {"en": "Test Day"},
         "off": {"from": "2024-03-04", "to": "2024-03-05"},
         "work": []}
      ]
    }, {
      "year": 2027,
      "notice": "test",
      "holidays": [
        {"name": {"en": "New Year's Day"},
         "off": {"from": "2027-01-01", "to": "2027-01-03"},
         "work": []}
      ]
    }]
  })",
                                 "test.json", rpx::Origin::file);
}

TEST(CalendarOverlay, ReplacesAYearWholesale) {
  const auto years = rpx::overlay(bundled().years(), replacement_2024());
  ASSERT_EQ(years.size(), 13u);  // 2015 .. 2027
  for (std::size_t i = 1; i < years.size(); ++i) {
    EXPECT_LT(years[i - 1].year, years[i].year);
  }
  const WorkCalendar cal(years);

  // The bundled 2024 schedule is gone entirely, December 2023 included.
  EXPECT_EQ(cal.day(ymd(2023, 12, 30)).kind, DayKind::weekend);
  EXPECT_EQ(cal.day(ymd(2023, 12, 30)).holiday, nullptr);
  const rpx::DayInfo sunday = cal.day(ymd(2023, 12, 31));
  EXPECT_EQ(sunday.kind, DayKind::adjusted_workday);
  ASSERT_NE(sunday.notice, nullptr);
  EXPECT_EQ(sunday.notice->year, 2024);
  EXPECT_EQ(sunday.notice->origin, rpx::Origin::file);
  EXPECT_EQ(sunday.notice->path, "test.json");
  EXPECT_EQ(cal.day(ymd(2024, 1, 1)).kind, DayKind::holiday);
  EXPECT_EQ(cal.day(ymd(2024, 2, 12)).kind, DayKind::workday);
  EXPECT_EQ(cal.day(ymd(2024, 2, 18)).kind, DayKind::weekend);
  EXPECT_EQ(cal.day(ymd(2024, 10, 1)).kind, DayKind::workday);
  EXPECT_EQ(cal.day(ymd(2024, 3, 4)).holiday->name.en(), "Test Day");

  // The neighbouring years are untouched.
  EXPECT_EQ(cal.day(ymd(2023, 10, 2)).kind, DayKind::holiday);
  EXPECT_EQ(cal.day(ymd(2023, 10, 2)).notice->origin, rpx::Origin::bundled);
  EXPECT_EQ(cal.day(ymd(2025, 1, 1)).kind, DayKind::holiday);

  // A new notice-year extends coverage: 2026-12-25 .. 31 now are, 2027's
  // last week is not (no notice 2028).
  EXPECT_TRUE(cal.covered(ymd(2026, 12, 31)));
  EXPECT_TRUE(cal.covered(ymd(2027, 6, 1)));
  EXPECT_FALSE(cal.covered(ymd(2027, 12, 25)));
}

TEST(CalendarOverlay, LaterLayerWins) {
  // The replacement laid under the bundled tables: bundled 2024 wins.
  const WorkCalendar cal(rpx::overlay(replacement_2024(), bundled().years()));
  EXPECT_EQ(cal.years().size(), 13u);
  ASSERT_NE(cal.notice(2024), nullptr);
  EXPECT_EQ(cal.notice(2024)->origin, rpx::Origin::bundled);
  EXPECT_EQ(cal.day(ymd(2023, 12, 30)).kind, DayKind::holiday);
  EXPECT_EQ(cal.day(ymd(2023, 12, 31)).kind, DayKind::holiday);
  // Nothing bundled names 2027, so the lower layer's year stays.
  ASSERT_NE(cal.notice(2027), nullptr);
  EXPECT_EQ(cal.notice(2027)->origin, rpx::Origin::file);
}

TEST(WorkCalendar, DefaultIsMondayToFridayAndCoversNothing) {
  const WorkCalendar cal;
  EXPECT_TRUE(cal.years().empty());
  EXPECT_EQ(cal.notice(2024), nullptr);
  const rpx::DayInfo info = cal.day(ymd(2024, 10, 1));
  EXPECT_EQ(info.kind, DayKind::workday);
  EXPECT_FALSE(info.covered);
  EXPECT_EQ(info.holiday, nullptr);
  EXPECT_EQ(info.notice, nullptr);
  EXPECT_EQ(cal.day(ymd(2024, 9, 29)).kind, DayKind::weekend);
  EXPECT_FALSE(cal.covered(ymd(2024, 10, 1)));
  EXPECT_FALSE(cal.covered(ymd(2024, 1, 1), ymd(2024, 12, 31)));
  EXPECT_EQ(iso(cal.add(ymd(2024, 9, 27), Workdays{1})), "2024-09-30");
  EXPECT_EQ(iso(cal.add(ymd(2024, 10, 5), Workdays{-1})), "2024-10-04");
  EXPECT_EQ(cal.count(ymd(2024, 9, 27), ymd(2024, 10, 4)), Workdays{5});
  EXPECT_EQ(iso(cal.prev_workday_on_or_before(ymd(2024, 10, 6))), "2024-10-04");
}

}  // namespace
