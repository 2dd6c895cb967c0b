// The calendar made a year at a time: the same answers as the whole
// schedule given at once, from any thread, and arithmetic across years
// that agrees with stepping day by day.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <rpx/calendar.hpp>
#include <rpx/provisional.hpp>
#include <thread>
#include <vector>

#include "test_data.hpp"

namespace {

using date::days;
using rpx::Date;
using rpx::WorkCalendar;
using rpx::Workdays;
using rpx::test::iso;
using rpx::test::ymd;

constexpr Date k_first = ymd(1969, 1, 1);
constexpr Date k_last = ymd(2102, 12, 31);

WorkCalendar from_model() {
  return WorkCalendar(rpx::bundled_holiday_years(),
                      &rpx::bundled_holiday_model);
}

/// The days of a calendar as text, one per line: kind, basis, assumed, and
/// the holiday's notice-year and name.
std::string describe(const WorkCalendar& cal, Date d) {
  const rpx::DayInfo i = cal.day(d);
  std::string s = iso(d) + ' ' + std::to_string(static_cast<int>(i.kind)) +
                  ' ' + std::string(rpx::basis_name(i.basis)) +
                  (i.assumed ? " assumed" : "") + (i.covered ? " covered" : "");
  if (i.holiday != nullptr) {
    s += ' ' + std::to_string(i.notice->year) + ' ' + i.holiday->name.en();
  }
  return s;
}

TEST(LazyCalendar, MadeFromTheModelIsTheWholeScheduleGivenAtOnce) {
  const WorkCalendar lazy = from_model();
  const WorkCalendar whole(rpx::with_provisional(rpx::bundled_holiday_years(),
                                                 rpx::bundled_holiday_model()));
  int failures = 0;
  // Backwards, so that blocks are made late year first.
  for (Date d = k_last; d >= k_first && failures < 10; d -= days{1}) {
    if (describe(lazy, d) != describe(whole, d)) {
      ADD_FAILURE() << describe(lazy, d) << " != " << describe(whole, d);
      ++failures;
    }
  }
  EXPECT_EQ(lazy.years(), whole.years());
  EXPECT_EQ(lazy.years().size(), 12u + 90u);
  EXPECT_EQ(iso(*lazy.first_uncovered(ymd(2026, 6, 1), ymd(2030, 1, 1))),
            "2026-12-25");
  EXPECT_EQ(lazy.note(ymd(2026, 12, 1), ymd(2027, 3, 1)),
            whole.note(ymd(2026, 12, 1), ymd(2027, 3, 1)));
}

/// The bundled model, counting how often it is asked for.
int g_model_asked = 0;
const rpx::HolidayModel& counted_model() {
  ++g_model_asked;
  return rpx::bundled_holiday_model();
}

TEST(LazyCalendar, TheModelIsAskedForOnTheFirstProvisionalScheduleOnly) {
  g_model_asked = 0;
  const WorkCalendar cal(rpx::bundled_holiday_years(), &counted_model);
  // Years the official tables decide (2025 needs notices 2025 and 2026),
  // the tables, coverage: no schedule, no model.
  EXPECT_EQ(iso(cal.add(ymd(2025, 9, 30), Workdays{1})), "2025-10-09");
  EXPECT_EQ(cal.tables().size(), 12u);
  EXPECT_EQ(cal.official_notice(2027), nullptr);
  EXPECT_EQ(cal.last_official_year(), 2026);
  EXPECT_EQ(g_model_asked, 0);
  // 2026's last week needs notice 2027: made with the year, from the model.
  EXPECT_EQ(cal.basis(ymd(2026, 3, 2)), rpx::Basis::official);
  EXPECT_EQ(cal.basis(ymd(2026, 12, 28)), rpx::Basis::provisional);
  EXPECT_EQ(g_model_asked, 1);
  // 2027 needs notice 2028 too.
  EXPECT_EQ(cal.basis(ymd(2027, 6, 1)), rpx::Basis::provisional);
  EXPECT_EQ(g_model_asked, 2);
  EXPECT_EQ(iso(cal.add(ymd(2027, 9, 30), Workdays{1})), "2027-10-08");
  EXPECT_EQ(g_model_asked, 2);
}

TEST(LazyCalendar, TablesAreTheYearsGiven) {
  const WorkCalendar cal = from_model();
  ASSERT_EQ(cal.tables().size(), 12u);
  EXPECT_EQ(cal.tables().front().year, 2015);
  EXPECT_EQ(cal.tables().back().year, 2026);
  EXPECT_EQ(cal.official_notice(2027), nullptr);
  ASSERT_NE(cal.notice(2027), nullptr);
  EXPECT_TRUE(cal.notice(2027)->is_provisional());
  EXPECT_EQ(cal.notice(2027), cal.notice(2027));  // made once
  EXPECT_EQ(cal.notice(1999), nullptr);           // before the law's model
  EXPECT_EQ(cal.notice(2102), nullptr);           // after the lunar table
  EXPECT_EQ(cal.last_official_year(), 2026);
}

/// The kind of every day from the schedules alone, one holiday at a time
/// and without the calendar's years: Monday–Friday, then the provisional
/// notices' days, then the official ones', later notices over earlier.
std::map<Date, std::pair<rpx::DayKind, std::string>> reference_days(
    const std::vector<rpx::HolidayYear>& years) {
  std::map<Date, std::pair<rpx::DayKind, std::string>> out;
  for (const bool provisional : {true, false}) {
    for (const rpx::HolidayYear& y : years) {
      if (y.is_provisional() != provisional) {
        continue;
      }
      for (const rpx::Holiday& h : y.holidays) {
        for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
          out[d] = {rpx::DayKind::holiday, h.name.en()};
        }
        for (const Date d : h.workdays) {
          out[d] = {rpx::DayKind::adjusted_workday, h.name.en()};
        }
      }
    }
  }
  return out;
}

TEST(LazyCalendar, AgreesWithTheSchedulesReadOneHolidayAtATime) {
  const WorkCalendar cal = from_model();
  const auto reference = reference_days(cal.years());
  int failures = 0;
  for (Date d = k_first; d <= k_last && failures < 10; d += days{1}) {
    const auto it = reference.find(d);
    const rpx::DayKind want =
        it != reference.end() ? it->second.first
                              : (rpx::is_weekend(d) ? rpx::DayKind::weekend
                                                    : rpx::DayKind::workday);
    const rpx::DayInfo got = cal.day(d);
    const std::string name = got.holiday ? got.holiday->name.en() : "";
    if (got.kind != want ||
        name != (it != reference.end() ? it->second.second : "")) {
      ADD_FAILURE() << describe(cal, d);
      ++failures;
    }
  }
  // And one fact each way, from the tables as published: 2026-02-14
  // (a Saturday) worked for Spring Festival, 2026-10-07 off.
  EXPECT_EQ(cal.day(ymd(2026, 2, 14)).kind, rpx::DayKind::adjusted_workday);
  EXPECT_EQ(cal.day(ymd(2026, 10, 7)).kind, rpx::DayKind::holiday);
}

TEST(LazyCalendar, AnOfficialTableWinsADayAProvisionalOneAlsoNames) {
  // A provisional New Year break reaching back into a December that an
  // official table decides.
  const auto holiday = [](const char* name, Date from, Date to) {
    rpx::Holiday h;
    h.name.by_lang["en"] = name;
    h.first_off = from;
    h.last_off = to;
    return h;
  };
  rpx::HolidayYear official;
  official.year = 2030;
  official.holidays = {
      holiday("Official", ymd(2030, 12, 31), ymd(2030, 12, 31))};
  rpx::HolidayYear guess;
  guess.year = 2031;
  guess.origin = rpx::Origin::provisional;
  guess.holidays = {holiday("Guess", ymd(2030, 12, 30), ymd(2031, 1, 1))};
  // Given either way round.
  for (const bool official_first : {true, false}) {
    const WorkCalendar cal(
        official_first ? std::vector<rpx::HolidayYear>{official, guess}
                       : std::vector<rpx::HolidayYear>{guess, official});
    EXPECT_EQ(cal.day(ymd(2030, 12, 30)).holiday->name.en(), "Guess");
    EXPECT_EQ(cal.day(ymd(2030, 12, 31)).holiday->name.en(), "Official");
    EXPECT_EQ(cal.day(ymd(2031, 1, 1)).holiday->name.en(), "Guess");
    EXPECT_EQ(cal.basis(ymd(2030, 12, 31)), rpx::Basis::provisional);
  }
}

TEST(LazyCalendar, EveryProvisionalYearStaysInsideItsNoticeSpan) {
  // The blocks consult the notices of their own year and the next; a
  // provisional schedule reaching further would be missed.
  for (int y = rpx::k_provisional_first_year; y <= rpx::k_provisional_last_year;
       ++y) {
    const rpx::HolidayYear s =
        rpx::provisional_year(rpx::bundled_holiday_model(), y);
    const Date from = ymd(y - 1, 12, 25);
    const Date to = ymd(y, 12, 31);
    for (const rpx::Holiday& h : s.holidays) {
      EXPECT_LE(from, h.first_off) << y;
      EXPECT_LE(h.last_off, to) << y;
      for (const Date d : h.workdays) {
        EXPECT_TRUE(from <= d && d <= to) << y << ' ' << iso(d);
      }
    }
  }
}

TEST(LazyCalendar, ATableReachingPastItsYearStillMarksTheDays) {
  // Not a file rpx reads (the holiday files refuse it), but a calendar
  // made in code must not drop the days.
  rpx::HolidayYear y;
  y.year = 2030;
  y.notice = "test";
  rpx::Holiday h;
  h.name.by_lang["en"] = "Far";
  h.first_off = ymd(2032, 3, 1);
  h.last_off = ymd(2032, 3, 3);
  h.workdays = {ymd(2028, 3, 4)};
  y.holidays.push_back(h);
  const WorkCalendar cal({y});
  EXPECT_EQ(cal.day(ymd(2032, 3, 2)).kind, rpx::DayKind::holiday);
  EXPECT_EQ(cal.day(ymd(2028, 3, 4)).kind, rpx::DayKind::adjusted_workday);
  EXPECT_EQ(cal.day(ymd(2028, 3, 4)).notice->year, 2030);
}

TEST(LazyCalendar, AddAndCountAgreeWithSteppingAcrossYears) {
  // The reference steps over is_workday; add and count jump by whole
  // years. Random days of the whole span, N up to ±800 (three years).
  const WorkCalendar cal = from_model();
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<int> day_of(0, (k_last - k_first).count());
  std::uniform_int_distribution<int> n_of(-800, 800);
  int failures = 0;
  for (int i = 0; i < 3000 && failures < 10; ++i) {
    const Date d = k_first + days{day_of(rng)};
    const int n = n_of(rng);
    Date want = d;
    for (int left = n < 0 ? -n : n; left > 0;) {
      want += days{n > 0 ? 1 : -1};
      left -= cal.is_workday(want) ? 1 : 0;
    }
    const Date got = cal.add(d, Workdays{n});
    int between = 0;
    for (Date x = std::min(d, want) + days{1}; x <= std::max(d, want);
         x += days{1}) {
      between += cal.is_workday(x) ? 1 : 0;
    }
    const int signed_between = want < d ? -between : between;
    if (got != want || cal.count(d, want).value != signed_between) {
      ADD_FAILURE() << "add(" << iso(d) << ", " << n << ") = " << iso(got)
                    << ", stepping gives " << iso(want) << "; count "
                    << cal.count(d, want).value << " vs " << signed_between;
      ++failures;
    }
  }
}

TEST(LazyCalendar, ArithmeticLeavesTheSpanByStepping) {
  const WorkCalendar cal = from_model();
  // Saturday 2102-12-30 is in the span's last year; past its end the
  // days are Monday–Friday, 1 January included.
  EXPECT_EQ(iso(cal.add(ymd(2102, 12, 30), Workdays{3})), "2103-01-03");
  EXPECT_EQ(iso(cal.add(ymd(1969, 1, 2), Workdays{-3})), "1968-12-30");
  EXPECT_EQ(cal.count(ymd(1968, 12, 27), ymd(1969, 1, 3)).value, 5);
  EXPECT_EQ(iso(*cal.first_uncovered(ymd(2100, 1, 1), ymd(2104, 1, 1),
                                     rpx::Basis::provisional)),
            "2101-12-25");
}

TEST(LazyCalendar, ThreadsMakingTheSameYearsAgree) {
  const WorkCalendar whole(rpx::with_provisional(rpx::bundled_holiday_years(),
                                                 rpx::bundled_holiday_model()));
  for (int round = 0; round < 4; ++round) {
    const WorkCalendar cal = from_model();
    std::vector<std::thread> threads;
    std::vector<int> wrong(8, 0);
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        // Every thread walks the same years, starting at a different one.
        for (int k = 0; k < 40; ++k) {
          const int year = 2000 + (t * 5 + k) % 40;
          for (Date d = ymd(year, 1, 1); d <= ymd(year, 12, 31); d += days{7}) {
            wrong[static_cast<std::size_t>(t)] +=
                cal.add(d, Workdays{15}) != whole.add(d, Workdays{15}) ||
                        describe(cal, d) != describe(whole, d)
                    ? 1
                    : 0;
          }
        }
      });
    }
    for (std::thread& t : threads) {
      t.join();
    }
    EXPECT_EQ(wrong, std::vector<int>(8, 0)) << "round " << round;
  }
}

}  // namespace
