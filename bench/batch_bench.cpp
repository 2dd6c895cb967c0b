// Google Benchmark: one student of a batch, piece by piece: reading the
// state file (fast and strict readers), packing it, assessing it and
// rendering each output's row. scripts/bench runs it in a release build.
#include <benchmark/benchmark.h>

#include <rpx/assess.hpp>
#include <rpx/columns.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/state.hpp>
#include <rpx/state_pack.hpp>

#include "test_data.hpp"

namespace {

using rpx::test::ymd;

const rpx::Date k_today = ymd(2026, 11, 25);

/// A student as `rpx import` writes one, with two extra fields and a
/// finished permit in the history.
rpx::StudentState typical_student() {
  rpx::StudentState s;
  s.rules = "cqupt-chongqing";
  s.uuid = "fb684986-00ec-5d2a-b2db-44d4c8ae74a0";
  s.revision = 4;
  s.name = "Kim Minjun";
  s.student_id = "2021210001";
  s.current.expiry = ymd(2027, 1, 20);
  s.current.steps[0].done = ymd(2026, 11, 2);
  s.current.steps[1].done = ymd(2026, 11, 3);
  rpx::Cycle old;
  old.expiry = ymd(2026, 1, 20);
  for (auto& step : old.steps) {
    step.done = ymd(2025, 12, 10);
  }
  old.new_expiry = ymd(2027, 1, 20);
  s.history.push_back(old);
  s.unknown = {{"advisor", R"("Li Wei")"}, {"dormitory", R"("1-100")"}};
  return s;
}

rpx::Assessment assessed(const rpx::StudentState& s) {
  return rpx::assess(s, rpx::test::bundled_rules(),
                     rpx::test::provisional_calendar(), k_today);
}

void BM_ParseStateFast(benchmark::State& state) {
  const std::string text = rpx::serialize_state(typical_student());
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::parse_state(text, "s.json"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseStateFast);

void BM_ParseStateStrict(benchmark::State& state) {
  const std::string text = rpx::serialize_state(typical_student());
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::parse_state_strict(text, "s.json"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseStateStrict);

void BM_PackUnpack(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  std::string packed;
  for (auto _ : state) {
    packed.clear();
    rpx::pack_state(s, packed);
    benchmark::DoNotOptimize(rpx::unpack_state(packed));
  }
  state.counters["bytes"] = static_cast<double>(packed.size());
}
BENCHMARK(BM_PackUnpack);

void BM_AssessTypical(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  for (auto _ : state) {
    benchmark::DoNotOptimize(assessed(s));
  }
}
BENCHMARK(BM_AssessTypical);

void BM_RenderCsvRow(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  const rpx::Assessment a = assessed(s);
  const auto columns = rpx::default_csv_columns();
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::render_csv_row(columns, "g000/s.json", s, a));
  }
}
BENCHMARK(BM_RenderCsvRow);

void BM_RenderJsonl(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  const rpx::Assessment a = assessed(s);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        rpx::render_student_json("g000/s.json", s, a, k_today, -1));
  }
}
BENCHMARK(BM_RenderJsonl);

void BM_RenderTableRow(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  const rpx::Assessment a = assessed(s);
  const auto columns = rpx::default_table_columns();
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::make_table_row(columns, "g000/s.json", s, a));
  }
}
BENCHMARK(BM_RenderTableRow);

void BM_RenderHtmlRow(benchmark::State& state) {
  const rpx::StudentState s = typical_student();
  const rpx::Assessment a = assessed(s);
  const auto columns = rpx::default_csv_columns();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        rpx::render_html_row(columns, "g000/s.json", s, a));
  }
}
BENCHMARK(BM_RenderHtmlRow);

void BM_RenderRemindLine(benchmark::State& state) {
  rpx::StudentState s = typical_student();
  s.current.expiry = ymd(2026, 12, 20);  // due: a line to print
  const rpx::Assessment a = assessed(s);
  for (auto _ : state) {
    benchmark::DoNotOptimize(rpx::render_remind_line(
        "g000/s.json", s, a, rpx::test::bundled_rules(), k_today));
  }
}
BENCHMARK(BM_RenderRemindLine);

}  // namespace

BENCHMARK_MAIN();
