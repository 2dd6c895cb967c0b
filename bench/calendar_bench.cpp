// Google Benchmark: the calendar's queries and one whole assessment.
//   cmake --preset bench && cmake --build --preset bench -j2
//   build/bench/bench/calendar_bench
#include <benchmark/benchmark.h>

#include <rpx/assess.hpp>

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

void BM_BuildCalendar(benchmark::State& state) {
  const auto years = bundled_calendar().years();
  for (auto _ : state) {
    rpx::WorkCalendar cal(years);
    benchmark::DoNotOptimize(cal);
  }
}
BENCHMARK(BM_BuildCalendar)->Unit(benchmark::kMicrosecond);

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
