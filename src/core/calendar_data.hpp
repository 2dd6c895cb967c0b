// WorkCalendar's storage: the notice-years, the provisional schedules made
// so far, and the days of each calendar year, made on first use.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <rpx/calendar.hpp>
#include <rpx/provisional.hpp>
#include <vector>

namespace rpx::detail {

/// The calendar years kept, one block each: [1969, 2102]. The span covers
/// the dates rpx accepts (1970–2100) and the notice-years it can hold a
/// schedule for (to 2101), with a year's margin.
inline constexpr int k_first_block_year = 1969;
inline constexpr int k_blocks = 2102 - k_first_block_year + 1;
inline constexpr Date k_span_start =
    Date{date::year{k_first_block_year} / 1 / 1};

/// Span day of 1 January of each block's year, and one past the end.
inline constexpr auto k_block_start = [] {
  std::array<std::int32_t, k_blocks + 1> starts{};
  for (int b = 0; b <= k_blocks; ++b) {
    starts[static_cast<std::size_t>(b)] =
        (Date{date::year{k_first_block_year + b} / 1 / 1} - k_span_start)
            .count();
  }
  return starts;
}();
inline constexpr std::int32_t k_span_days = k_block_start[k_blocks];

inline constexpr int k_provisional_slots =
    k_provisional_last_year - k_provisional_first_year + 1;

/// A cell's tag for a provisional schedule: this plus its slot.
inline constexpr std::uint32_t k_provisional_tag = 0x8000;

/// One day as a block holds it: 16 bytes, so that a query reads one line.
struct Cell {
  /// 0 until the day's block is made, then the block plus one. Read only
  /// by `CalendarData::day`, atomically.
  std::uint8_t made;
  DayKind kind;
  Basis basis;
  bool assumed;
  /// The holiday the day belongs to, 0 when none: in the upper 16 bits the
  /// notice-year (an index into `tables` below k_provisional_tag, else
  /// k_provisional_tag plus a provisional slot), in the lower the holiday's
  /// index plus one.
  std::uint32_t holiday;
  // Running counts from the block's 1 January, the day included: workdays,
  // days not official, days only Monday–Friday decides, days the model
  // assumed.
  std::int16_t n_work;
  std::int16_t n_uncovered;
  std::int16_t n_weekdays;
  std::int16_t n_assumed;

  bool works() const noexcept {
    return kind == DayKind::workday || kind == DayKind::adjusted_workday;
  }
};
static_assert(sizeof(Cell) == 16);

/// An array of zeroed cells, mapped from the kernel: pages no block touches
/// cost nothing, and none is cleared by hand (calloc clears memory it
/// reuses, as in a second calendar in one process).
class ZeroCells {
 public:
  explicit ZeroCells(std::size_t n);
  ZeroCells(const ZeroCells&) = delete;
  ZeroCells& operator=(const ZeroCells&) = delete;
  ~ZeroCells();

  Cell& operator[](std::size_t i) noexcept { return m_cells[i]; }

 private:
  Cell* m_cells;
  std::size_t m_bytes;
};

struct CalendarData {
  /// Gives the model the provisional schedules are made from; asked on
  /// the first one.
  using Model = const HolidayModel& (*)();

  CalendarData(std::vector<HolidayYear> given, Model m);

  /// Sorted by year.
  std::vector<HolidayYear> tables;
  /// Makes the provisional schedules of the years `tables` lacks; null
  /// for none.
  Model model = nullptr;
  /// The widest offsets, in calendar years, from a notice-year to a day it
  /// decides: a notice of Y reaches [Y + reach_lo, Y + reach_hi].
  int reach_lo = -1;
  int reach_hi = 0;

  std::array<std::once_flag, k_provisional_slots> made_once;
  std::array<std::unique_ptr<HolidayYear>, k_provisional_slots> made;

  std::once_flag all_once;
  std::vector<HolidayYear> all;

  std::array<std::once_flag, k_blocks> block_once;
  /// Set when a block's days are all published.
  std::array<std::atomic<bool>, k_blocks> block_made{};
  /// Workdays in each block's year.
  std::array<std::int32_t, k_blocks> total{};
  /// By span day.
  ZeroCells cells;
  /// `workday_at[start + k]`: the k-th workday (from 0) of the block
  /// starting at span day `start`, as days after `start`. Two bytes a day,
  /// so that the allocation stays on the heap, not in an mmap of its own.
  std::unique_ptr<std::int16_t[]> workday_at;

  /// True when the model makes notice-year `year`'s schedule (one that
  /// `tables` lacks).
  bool models(int year) const noexcept {
    return model != nullptr && year >= k_provisional_first_year &&
           year <= k_provisional_last_year;
  }
  /// The model's schedule of notice-year `year`, made if need be; null
  /// when the model makes none.
  const HolidayYear* provisional(int year);
  /// The notice of `year`: its table, else the model's schedule, else null.
  const HolidayYear* notice(int year) {
    const HolidayYear* y = find_year(tables, year);
    return y != nullptr ? y : provisional(year);
  }
  /// What decides the days of notice-year `year`, without making it.
  Basis basis_of(int year) const noexcept;
  /// The notice-year and holiday a cell's tag names.
  std::pair<const HolidayYear*, const Holiday*> holiday(
      std::uint32_t tag) const noexcept {
    if (tag == 0) {
      return {nullptr, nullptr};
    }
    const std::uint32_t year = tag >> 16;
    const HolidayYear* y = year < k_provisional_tag
                               ? &tables[year]
                               : made[year - k_provisional_tag].get();
    return {y, &y->holidays[(tag & 0xffff) - 1]};
  }

  /// A day of the span and its block.
  struct Day {
    const Cell& cell;
    int block;
  };
  /// Day `i` of the span, its block made if need be. `made` is read here
  /// and nowhere else, always through `std::atomic_ref`.
  Day day(std::int32_t i) noexcept {
    Cell& c = cells[static_cast<std::size_t>(i)];
    const std::uint8_t made =
        std::atomic_ref<std::uint8_t>(c.made).load(std::memory_order_acquire);
    if (made == 0) [[unlikely]] {
      return {c, make_block_of(i)};
    }
    return {c, made - 1};
  }
  const Cell& cell(std::int32_t i) noexcept { return day(i).cell; }
  /// The block holding span day `i`, made if need be.
  int block(std::int32_t i) noexcept { return day(i).block; }
  /// Makes block `b` if no thread has.
  void ready(int b) noexcept {
    if (!block_made[static_cast<std::size_t>(b)].load(
            std::memory_order_acquire)) [[unlikely]] {
      make_block(b);
    }
  }

 private:
  /// Makes the block holding span day `i`; returns it.
  int make_block_of(std::int32_t i) noexcept;
  void make_block(int b) noexcept;
  void fill(int b) noexcept;
  void mark(int b) noexcept;
  void count(int b) noexcept;
};

}  // namespace rpx::detail
