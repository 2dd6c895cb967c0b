// Google Benchmark: the calendar's queries (in order and at random), its
// construction, the provisional schedule and the lunar calendar, and one
// whole assessment. scripts/bench runs it in a release build.
#include <benchmark/benchmark.h>

#include <random>
#include <rpx/assess.hpp>
#include <rpx/lunar.hpp>
#include <rpx/provisional.hpp>

#include "test_data.hpp"

namespace {

using rpx::Date;
using rpx::Workdays;
using rpx::test::bundled_calendar;

// Every day of 2015–2026, so lookups are not all cache-hot on one line.
std::vector<Date> days_2015_2026() {
  std::vector<Date> out;
  for (Date d = rpx::test::ymd(2015, 1, 1); d <= rpx::test::ymd(2026, 12, 31);
       d += date::days{1}) {
    out.push_back(d);
  }
  return out;
}

void BM_Add15(benchmark::State& state) {
  const auto& cal = bundled_calendar();
  const auto days = days_2015_2026();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add(days[i], Workdays{15}));
    i = i + 1 == days.size() ? 0 : i + 1;
  }
}
BENCHMARK(BM_Add15);

void BM_CountYear(benchmark::State& state) {
  const auto& cal = bundled_calendar();
  const auto days = days_2015_2026();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.count(days[i], days[i] + date::days{365}));
    i = i + 1 == days.size() ? 0 : i + 1;
  }
}
BENCHMARK(BM_CountYear);

void BM_IsWorkday(benchmark::State& state) {
  const auto& cal = bundled_calendar();
  const auto days = days_2015_2026();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.is_workday(days[i]));
    i = i + 1 == days.size() ? 0 : i + 1;
  }
}
BENCHMARK(BM_IsWorkday);

/// Queries over random days of 2015–2030 and random N in [-400, 400]: a
/// fixed seed, so every run asks the same questions, spread over the
/// tables so that the cache does not hold them all.
struct RandomQueries {
  std::vector<Date> days;
  std::vector<int> n;

  RandomQueries() {
    std::mt19937 random(20261202);
    const Date first = rpx::test::ymd(2015, 1, 1);
    const int span = (rpx::test::ymd(2030, 12, 31) - first).count();
    std::uniform_int_distribution<int> day(0, span);
    std::uniform_int_distribution<int> count(-400, 400);
    for (int i = 0; i < 4096; ++i) {
      days.push_back(first + date::days{day(random)});
      n.push_back(count(random));
    }
  }
};

void BM_AddRandom(benchmark::State& state) {
  const auto& cal = rpx::test::provisional_calendar();
  const RandomQueries q;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add(q.days[i], Workdays{q.n[i]}));
    i = (i + 1) % q.days.size();
  }
}
BENCHMARK(BM_AddRandom);

void BM_CountRandom(benchmark::State& state) {
  const auto& cal = rpx::test::provisional_calendar();
  const RandomQueries q;
  std::size_t i = 0;
  for (auto _ : state) {
    const Date a = q.days[i];
    benchmark::DoNotOptimize(cal.count(a, a + date::days{q.n[i]}));
    i = (i + 1) % q.days.size();
  }
}
BENCHMARK(BM_CountRandom);

void BM_IsWorkdayRandom(benchmark::State& state) {
  const auto& cal = rpx::test::provisional_calendar();
  const RandomQueries q;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.is_workday(q.days[i]));
    i = (i + 1) % q.days.size();
  }
}
BENCHMARK(BM_IsWorkdayRandom);

/// What every command that dates anything pays first: the calendar rpx
/// uses, from the bundled tables and model. No year is made yet.
void BM_BuildBundledCalendar(benchmark::State& state) {
  for (auto _ : state) {
    rpx::WorkCalendar cal(rpx::bundled_holiday_years(),
                          &rpx::bundled_holiday_model);
    benchmark::DoNotOptimize(cal);
  }
}
BENCHMARK(BM_BuildBundledCalendar)->Unit(benchmark::kMicrosecond);

/// What `status` pays for its calendar: built, then a day of 2026 and one
/// of 2027 (making those two years, and the provisional schedules of 2027
/// and 2028 that decide them).
void BM_BundledCalendarTwoYears(benchmark::State& state) {
  for (auto _ : state) {
    rpx::WorkCalendar cal(rpx::bundled_holiday_years(),
                          &rpx::bundled_holiday_model);
    benchmark::DoNotOptimize(
        cal.add(rpx::test::ymd(2026, 12, 20), Workdays{15}));
  }
}
BENCHMARK(BM_BundledCalendarTwoYears)->Unit(benchmark::kMicrosecond);

void BM_ParseBundledHolidays(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::bundled_holiday_years());
  }
}
BENCHMARK(BM_ParseBundledHolidays)->Unit(benchmark::kMicrosecond);

/// The model the provisional schedules are made from, parsed from its two
/// bundled files (once per process, on the first provisional year).
void BM_ParseHolidayModel(benchmark::State& state) {
  const std::string law = "provisional/statutory.json";
  const std::string params = "provisional/model.json";
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::parse_holiday_model(
        *rpx::bundled_file(law), law, *rpx::bundled_file(params), params));
  }
}
BENCHMARK(BM_ParseHolidayModel)->Unit(benchmark::kMicrosecond);

/// One year's provisional schedule (the lunar dates, the law, the breaks).
void BM_ProvisionalYear(benchmark::State& state) {
  const auto& model = rpx::bundled_holiday_model();
  int year = 2027;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::provisional_year(model, year));
    year = year == 2099 ? 2027 : year + 1;
  }
}
BENCHMARK(BM_ProvisionalYear)->Unit(benchmark::kMicrosecond);

void BM_ChineseNewYear(benchmark::State& state) {
  int year = 1971;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::chinese_new_year(year));
    year = year == 2099 ? 1971 : year + 1;
  }
}
BENCHMARK(BM_ChineseNewYear);

void BM_ToLunar(benchmark::State& state) {
  const RandomQueries q;
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::to_lunar(q.days[i]));
    i = (i + 1) % q.days.size();
  }
}
BENCHMARK(BM_ToLunar);

/// Every year of the span made, from schedules given whole: the cells
/// and counts of 1969–2102.
void BM_MakeEveryYear(benchmark::State& state) {
  const auto years = rpx::test::provisional_calendar().years();
  for (auto _ : state) {
    rpx::WorkCalendar cal(years);
    benchmark::DoNotOptimize(
        cal.count(rpx::test::ymd(1969, 1, 1), rpx::test::ymd(2102, 12, 31)));
  }
}
BENCHMARK(BM_MakeEveryYear)->Unit(benchmark::kMicrosecond);

void BM_Assess(benchmark::State& state) {
  rpx::StudentState s;
  s.current.expiry = rpx::test::ymd(2026, 3, 20);
  s.current.progress_note =
      rpx::ProgressNote{rpx::test::ymd(2026, 2, 10), "", {}};
  const auto& rules = rpx::test::bundled_rules();
  const auto& cal = bundled_calendar();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        rpx::assess(s, rules, cal, rpx::test::ymd(2026, 3, 1)));
  }
}
BENCHMARK(BM_Assess);

}  // namespace

BENCHMARK_MAIN();
