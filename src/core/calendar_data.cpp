#include "calendar_data.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <stdexcept>

namespace rpx::detail {

namespace {

using date::days;

int year_of(Date d) noexcept {
  return static_cast<int>(date::year_month_day{d}.year());
}

}  // namespace

ZeroCells::ZeroCells(std::size_t n) : m_bytes(n * sizeof(Cell)) {
  void* p = ::mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    throw std::bad_alloc();
  }
  m_cells = static_cast<Cell*>(p);
}

ZeroCells::~ZeroCells() { ::munmap(m_cells, m_bytes); }

CalendarData::CalendarData(std::vector<HolidayYear> given, Model m)
    : tables(std::move(given)),
      model(m),
      cells(k_span_days),
      // Uninitialised: a block writes its workdays when it is made.
      workday_at(new std::int16_t[k_span_days]) {
  std::sort(tables.begin(), tables.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });
  // What a cell's tag can name (Cell::holiday); files hold far fewer.
  if (tables.size() >= k_provisional_tag) {
    throw std::length_error("too many holiday tables for one calendar");
  }
  // A notice-year decides 25 December of the year before to the end of its
  // own (the holiday files' rule, and the model's). A table made some other
  // way may reach further; the blocks then consult more notices.
  for (const HolidayYear& y : tables) {
    const Date from = Date{date::year{y.year - 1} / 12 / 25};
    const Date to = Date{date::year{y.year} / 12 / 31};
    const auto reach = [&](Date d) {
      if (d < from || to < d) {
        reach_lo = std::min(reach_lo, year_of(d) - y.year);
        reach_hi = std::max(reach_hi, year_of(d) - y.year);
      }
    };
    if (y.holidays.size() >= 0xffff) {
      throw std::length_error("too many holidays in one notice-year");
    }
    for (const Holiday& h : y.holidays) {
      reach(h.first_off);
      reach(h.last_off);
      std::for_each(h.workdays.begin(), h.workdays.end(), reach);
      std::for_each(h.assumed.begin(), h.assumed.end(), reach);
    }
  }
}

const HolidayYear* CalendarData::provisional(int year) {
  if (!models(year)) {
    return nullptr;
  }
  const auto slot = static_cast<std::size_t>(year - k_provisional_first_year);
  std::call_once(made_once[slot], [&] {
    made[slot] = std::make_unique<HolidayYear>(provisional_year(model(), year));
  });
  return made[slot].get();
}

Basis CalendarData::basis_of(int year) const noexcept {
  if (const HolidayYear* y = find_year(tables, year)) {
    return y->is_provisional() ? Basis::provisional : Basis::official;
  }
  return models(year) ? Basis::provisional : Basis::weekdays;
}

int CalendarData::make_block_of(std::int32_t i) noexcept {
  int b = i / 366;  // at most one short
  b += i >= k_block_start[static_cast<std::size_t>(b) + 1] ? 1 : 0;
  make_block(b);
  return b;
}

void CalendarData::make_block(int b) noexcept {
  std::call_once(block_once[static_cast<std::size_t>(b)], [&] {
    fill(b);
    mark(b);
    count(b);
    // Published day by day: a thread that sees a day made sees its block.
    for (std::int32_t d = k_block_start[static_cast<std::size_t>(b)];
         d < k_block_start[static_cast<std::size_t>(b) + 1]; ++d) {
      std::atomic_ref<std::uint8_t>(cells[static_cast<std::size_t>(d)].made)
          .store(static_cast<std::uint8_t>(b + 1), std::memory_order_release);
    }
    block_made[static_cast<std::size_t>(b)].store(true,
                                                  std::memory_order_release);
  });
}

void CalendarData::fill(int b) noexcept {
  // Basis: the weakest of the notices that decide a day — its own year's,
  // and for 25–31 December the next year's too. Weekdays by stepping
  // (0 = Sunday), not by date arithmetic per day.
  const int year = k_first_block_year + b;
  const Basis own = basis_of(year);
  const Basis late = std::min(own, basis_of(year + 1));
  const std::int32_t first = k_block_start[static_cast<std::size_t>(b)];
  const std::int32_t end = k_block_start[static_cast<std::size_t>(b) + 1];
  const std::int32_t late_from = end - 7;  // 25 December
  unsigned weekday = date::weekday{k_span_start + days{first}}.c_encoding();
  for (std::int32_t d = first; d < end; ++d) {
    const bool weekend = weekday == 0 || weekday == 6;
    // Field by field: `made` belongs to the readers until it is published.
    Cell& c = cells[static_cast<std::size_t>(d)];
    c.kind = weekend ? DayKind::weekend : DayKind::workday;
    c.basis = d < late_from ? own : late;
    c.assumed = false;
    c.holiday = 0;
    weekday = weekday == 6 ? 0 : weekday + 1;
  }
}

void CalendarData::mark(int b) noexcept {
  const int year = k_first_block_year + b;
  const Date first = k_span_start + days{k_block_start[std::size_t(b)]};
  const Date last = k_span_start + days{k_block_start[std::size_t(b) + 1] - 1};
  const auto in_block = [&](Date d) { return first <= d && d <= last; };
  const auto set = [](Cell& c, DayKind kind, std::uint32_t tag) {
    c.kind = kind;
    c.assumed = false;
    c.holiday = tag;
  };
  const auto at = [&](Date d) -> Cell& {
    return cells[static_cast<std::size_t>((d - k_span_start).count())];
  };
  // The notices that reach this year: provisional ones first, so that an
  // official table wins any day both name (a provisional New Year break
  // reaching back into December).
  for (const bool provisional_pass : {true, false}) {
    for (int n = year - reach_hi; n <= year - reach_lo; ++n) {
      // A tag names a table by its index, a model's schedule by its slot.
      const HolidayYear* table = find_year(tables, n);
      const HolidayYear* y = table != nullptr ? table : provisional(n);
      if (y == nullptr || y->is_provisional() != provisional_pass) {
        continue;
      }
      const std::uint32_t ref =
          table != nullptr
              ? static_cast<std::uint32_t>(table - tables.data())
              : k_provisional_tag +
                    static_cast<std::uint32_t>(n - k_provisional_first_year);
      for (std::size_t hi = 0; hi < y->holidays.size(); ++hi) {
        const Holiday& h = y->holidays[hi];
        const std::uint32_t tag =
            ref << 16 | static_cast<std::uint32_t>(hi + 1);
        const Date from = std::max(h.first_off, first);
        const Date to = std::min(h.last_off, last);
        for (Date d = from; d <= to; d += days{1}) {
          set(at(d), DayKind::holiday, tag);
        }
        for (const Date d : h.workdays) {
          if (in_block(d)) {
            set(at(d), DayKind::adjusted_workday, tag);
          }
        }
        for (const Date d : h.assumed) {
          if (in_block(d)) {
            at(d).assumed = true;
          }
        }
      }
    }
  }
}

void CalendarData::count(int b) noexcept {
  const std::int32_t first = k_block_start[static_cast<std::size_t>(b)];
  const std::int32_t end = k_block_start[static_cast<std::size_t>(b) + 1];
  std::int16_t work = 0;
  std::int16_t uncovered = 0;
  std::int16_t weekdays = 0;
  std::int16_t assumed = 0;
  for (std::int32_t d = first; d < end; ++d) {
    Cell& c = cells[static_cast<std::size_t>(d)];
    if (c.works()) {
      workday_at[static_cast<std::size_t>(first + work)] =
          static_cast<std::int16_t>(d - first);
      ++work;
    }
    uncovered += c.basis == Basis::official ? 0 : 1;
    weekdays += c.basis == Basis::weekdays ? 1 : 0;
    assumed += c.assumed ? 1 : 0;
    c.n_work = work;
    c.n_uncovered = uncovered;
    c.n_weekdays = weekdays;
    c.n_assumed = assumed;
  }
  total[static_cast<std::size_t>(b)] = work;
}

}  // namespace rpx::detail
