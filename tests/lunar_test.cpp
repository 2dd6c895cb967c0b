#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <rpx/lunar.hpp>
#include <sstream>
#include <string>

#include "test_data.hpp"

namespace {

using rpx::Date;
using rpx::LunarDate;

using rpx::test::iso;
using rpx::test::ymd;

std::string iso(std::optional<Date> d) {
  return d ? rpx::format_date(*d) : "nullopt";
}

// The calendar is constexpr: these hold at compile time.
static_assert(rpx::chinese_new_year(2027) == ymd(2027, 2, 6));
static_assert(rpx::new_years_eve(2026) == ymd(2026, 2, 16));
static_assert(rpx::qingming(2027) == ymd(2027, 4, 5));
static_assert(*rpx::from_lunar(LunarDate{2027, 8, 15, false}) ==
              ymd(2027, 9, 15));
static_assert(rpx::to_lunar(ymd(2027, 2, 5)) == LunarDate{2026, 12, 29, false});
static_assert(rpx::leap_month(2033) == 11);
static_assert(!rpx::from_lunar(LunarDate{2027, 6, 1, true}));  // no leap 6th

/// tests/data/lunar-published.tsv: Chinese New Year, Dragon Boat (5/5) and
/// Mid-Autumn (8/15) of every year 1970–2100, as the Hong Kong Observatory
/// publishes them.
struct Published {
  int year;
  std::string new_year;
  std::string dragon_boat;
  std::string mid_autumn;
};

std::vector<Published> published() {
  const char* src = std::getenv("RPX_SOURCE_DIR");
  std::ifstream in(std::string(src == nullptr ? "." : src) +
                   "/tests/data/lunar-published.tsv");
  std::vector<Published> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("year")) {
      continue;
    }
    std::istringstream fields(line);
    Published p;
    fields >> p.year >> p.new_year >> p.dragon_boat >> p.mid_autumn;
    out.push_back(p);
  }
  return out;
}

TEST(Lunar, FestivalsMatchThePublishedCalendar1970To2100) {
  const auto rows = published();
  ASSERT_EQ(rows.size(), 131U);
  for (const Published& p : rows) {
    SCOPED_TRACE(p.year);
    EXPECT_EQ(iso(rpx::chinese_new_year(p.year)), p.new_year);
    EXPECT_EQ(iso(rpx::from_lunar(LunarDate{p.year, 5, 5, false})),
              p.dragon_boat);
    EXPECT_EQ(iso(rpx::from_lunar(LunarDate{p.year, 8, 15, false})),
              p.mid_autumn);
  }
}

TEST(Lunar, QingmingOnItsPublishedDays) {
  // 清明 as the State Council's notices and the almanacs give it.
  const std::pair<int, unsigned> days[] = {
      {1976, 4}, {1985, 5}, {2000, 4}, {2008, 4}, {2009, 4}, {2010, 5},
      {2011, 5}, {2012, 4}, {2013, 4}, {2014, 5}, {2015, 5}, {2016, 4},
      {2017, 4}, {2018, 5}, {2019, 5}, {2020, 4}, {2021, 4}, {2022, 5},
      {2023, 5}, {2024, 4}, {2025, 4}, {2026, 5}, {2027, 5}, {2028, 4},
      {2029, 4}, {2030, 5}, {2031, 5}, {2032, 4}, {2036, 4}, {2040, 4},
  };
  for (const auto& [year, day] : days) {
    EXPECT_EQ(iso(rpx::qingming(year)), iso(ymd(year, 4, day))) << year;
  }
  for (int y = 1970; y <= 2100; ++y) {
    const unsigned d =
        static_cast<unsigned>(date::year_month_day{rpx::qingming(y)}.day());
    EXPECT_TRUE(d == 4 || d == 5) << y;
  }
}

TEST(Lunar, LeapMonthsAsPublished) {
  // Years with a leap month (闰月) and which one.
  const std::pair<int, int> leaps[] = {
      {1971, 5}, {1987, 6}, {2001, 4},  {2004, 2}, {2006, 7}, {2009, 5},
      {2012, 4}, {2014, 9}, {2017, 6},  {2020, 4}, {2023, 2}, {2025, 6},
      {2028, 5}, {2031, 3}, {2033, 11}, {2036, 6}, {2039, 5}, {2042, 2}};
  for (const auto& [year, month] : leaps) {
    EXPECT_EQ(rpx::leap_month(year), month) << year;
  }
  EXPECT_EQ(rpx::leap_month(2027), 0);
  EXPECT_EQ(rpx::leap_month(2026), 0);
  // 2025: 闰六月 began on 2025-07-25 and had 29 days.
  EXPECT_EQ(iso(rpx::from_lunar(LunarDate{2025, 6, 1, true})), "2025-07-25");
  EXPECT_EQ(rpx::lunar_month_days(2025, 6, true), 29);
  // 2033: 闰十一月 began on 2033-12-22.
  EXPECT_EQ(iso(rpx::from_lunar(LunarDate{2033, 11, 1, true})), "2033-12-22");
}

TEST(Lunar, EveryDayRoundTrips) {
  // to_lunar and from_lunar are inverses on every day 1970–2100, and the
  // lunar day advances by one each day or starts a new month at 1.
  std::optional<LunarDate> prev;
  for (Date d = ymd(1970, 1, 1); d <= ymd(2100, 12, 31); d += date::days{1}) {
    const auto l = rpx::to_lunar(d);
    ASSERT_TRUE(l) << iso(d);
    ASSERT_EQ(iso(rpx::from_lunar(*l)), iso(d));
    if (prev && l->day != 1) {
      ASSERT_EQ(l->day, prev->day + 1) << iso(d);
    }
    if (prev && l->day == 1) {
      ASSERT_GE(prev->day, 29) << iso(d);
    }
    prev = l;
  }
}

TEST(Lunar, OutsideTheTableIsNullopt) {
  EXPECT_FALSE(rpx::to_lunar(ymd(1969, 1, 1)));
  EXPECT_FALSE(rpx::from_lunar(LunarDate{1968, 1, 1, false}));
  EXPECT_FALSE(rpx::from_lunar(LunarDate{2102, 1, 1, false}));
  EXPECT_FALSE(rpx::from_lunar(LunarDate{2027, 13, 1, false}));
  EXPECT_FALSE(rpx::from_lunar(LunarDate{2027, 1, 31, false}));
  EXPECT_EQ(rpx::lunar_month_days(2027, 12), 29);
  EXPECT_EQ(iso(rpx::new_years_eve(2028)), "2028-01-25");
}

}  // namespace
