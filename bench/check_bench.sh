#!/usr/bin/env bash
# Times `rpx check` over a generated cohort and compares it with the read
# floor: walking the same tree and reading every file without parsing
# (docs/performance.md, "check").
#
#   bench/check_bench.sh RPX_BINARY [N] [WORKDIR]
#
# N students (default 10000) go to WORKDIR/cohort (default: a fresh temporary
# directory, removed at the end), 100 per directory, with today pinned to
# 2026-11-25. Use a Release build:
#
#   cmake -S . -B build/rel -DCMAKE_BUILD_TYPE=Release -DRPX_BUILD_TESTS=OFF
#   cmake --build build/rel -j2
#   bench/check_bench.sh build/rel/rpx 10000
#
# The read floor is /work/shared/bench/readfloor.c, or READFLOOR_C if set;
# without it, only rpx is timed. Each command runs once to warm the page
# cache, then RUNS times (default 3); the lines printed are the runs' wall
# time, CPU time and peak RSS from /usr/bin/time -v. Not part of ctest: 10^5 students
# take minutes to generate.
set -euo pipefail

rpx=$(realpath "$1")
if [ ! -x "$rpx" ]; then
  echo "check_bench.sh: $1 is not an executable rpx" >&2
  exit 2
fi
n=${2:-10000}
work=${3:-}
runs=${RUNS:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
readfloor_c=${READFLOOR_C:-/work/shared/bench/readfloor.c}

if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
cohort=$work/cohort
if [ ! -d "$cohort" ]; then
  /usr/bin/python3 "$src/tests/fixtures/make_cohort.py" "$cohort" \
    --today 2026-11-25 --count "$n" --per-dir 100
fi
echo "cohort: $(find "$cohort" -name '*.json' | wc -l) files," \
  "$(du -sh "$cohort" | cut -f1) in $cohort"

# Prints "LABEL: wall W, user U s, sys S s, peak RSS R KiB" for one run. On
# a shared machine, user + sys is the steadier number.
measure() {
  local label=$1
  shift
  local log=$work/time.log
  /usr/bin/time -v -o "$log" "$@" >/dev/null
  local wall user sys rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  sys=$(sed -n 's/.*System time (seconds): //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  echo "$label: wall $wall, user $user s, sys $sys s, peak RSS $rss KiB"
}

bench() {
  local label=$1
  shift
  "$@" >/dev/null || true  # warm the page cache
  for _ in $(seq "$runs"); do
    measure "$label" "$@" || true
  done
}

if [ -f "$readfloor_c" ]; then
  cc -O2 -o "$work/readfloor" "$readfloor_c"
  "$work/readfloor" "$cohort"
  bench "readfloor" "$work/readfloor" "$cohort"
fi
# check exits 1 or 2 when students need action: not a failure here.
for format in csv jsonl json table; do
  bench "rpx check --format $format" \
    "$rpx" --today 2026-11-25 check "$cohort" --format "$format"
done
bench "rpx remind" "$rpx" --today 2026-11-25 remind "$cohort"
