#include <algorithm>
#include <rpx/calendar.hpp>

#include "calendar_data.hpp"

namespace rpx {

namespace {

using date::days;
using detail::k_block_start;
using detail::k_span_days;
using detail::k_span_start;

constexpr Date k_span_end = k_span_start + days{k_span_days - 1};

int year_of(Date d) noexcept {
  return static_cast<int>(date::year_month_day{d}.year());
}

bool in_span(Date d) noexcept { return d >= k_span_start && d <= k_span_end; }

std::int32_t index(Date d) noexcept { return (d - k_span_start).count(); }

std::int32_t block_first(int b) noexcept {
  return k_block_start[static_cast<std::size_t>(b)];
}

std::int32_t block_last(int b) noexcept {
  return k_block_start[static_cast<std::size_t>(b) + 1] - 1;
}

/// What `field` (one of Cell's running counts) counts between span days
/// `a` and `b`, both included; 0 when b < a. One step per block.
std::int32_t count_in(detail::CalendarData& data,
                      std::int16_t detail::Cell::*field, std::int32_t a,
                      std::int32_t b) noexcept {
  std::int32_t n = 0;
  for (std::int32_t i = a; i <= b;) {
    const int blk = data.block(i);
    const std::int32_t end = std::min(b, block_last(blk));
    n += data.cell(end).*field -
         (i == block_first(blk) ? 0 : data.cell(i - 1).*field);
    i = end + 1;
  }
  return n;
}

/// The span day with rank `rank` (from 1) among the workdays of block
/// `blk`, when it lies in another block: moved a block at a time. Nullopt
/// when it falls beyond the span.
[[gnu::noinline]] std::optional<std::int32_t> add_across(
    detail::CalendarData& data, int blk, std::int64_t rank) noexcept {
  while (rank > data.total[static_cast<std::size_t>(blk)]) {
    rank -= data.total[static_cast<std::size_t>(blk)];
    if (++blk == detail::k_blocks) {
      return std::nullopt;
    }
    data.ready(blk);
  }
  while (rank < 1) {
    if (--blk < 0) {
      return std::nullopt;
    }
    data.ready(blk);
    rank += data.total[static_cast<std::size_t>(blk)];
  }
  return block_first(blk) +
         data.workday_at[static_cast<std::size_t>(block_first(blk) + rank - 1)];
}

}  // namespace

WorkCalendar::WorkCalendar() : WorkCalendar(std::vector<HolidayYear>{}) {}

WorkCalendar::WorkCalendar(std::vector<HolidayYear> tables)
    : m_data(
          std::make_unique<detail::CalendarData>(std::move(tables), nullptr)) {}

WorkCalendar::WorkCalendar(std::vector<HolidayYear> tables,
                           const HolidayModel& (*model)())
    : m_data(std::make_unique<detail::CalendarData>(std::move(tables), model)) {
}

WorkCalendar::WorkCalendar(WorkCalendar&&) noexcept = default;
WorkCalendar& WorkCalendar::operator=(WorkCalendar&&) noexcept = default;
WorkCalendar::~WorkCalendar() = default;

const std::vector<HolidayYear>& WorkCalendar::years() const {
  detail::CalendarData& data = *m_data;
  std::call_once(data.all_once, [&] {
    data.all = data.tables;
    if (data.model != nullptr) {
      for (int y = k_provisional_first_year; y <= k_provisional_last_year;
           ++y) {
        if (find_year(data.tables, y) == nullptr) {
          data.all.push_back(*data.provisional(y));
        }
      }
      std::sort(data.all.begin(), data.all.end(),
                [](const auto& a, const auto& b) { return a.year < b.year; });
    }
  });
  return data.all;
}

const std::vector<HolidayYear>& WorkCalendar::tables() const noexcept {
  return m_data->tables;
}

const HolidayYear* WorkCalendar::notice(int year) const {
  return m_data->notice(year);
}

const HolidayYear* WorkCalendar::official_notice(int year) const noexcept {
  const HolidayYear* y = find_year(m_data->tables, year);
  return y != nullptr && !y->is_provisional() ? y : nullptr;
}

int WorkCalendar::first_official_year() const noexcept {
  return rpx::first_official_year(m_data->tables);
}

int WorkCalendar::last_official_year() const noexcept {
  return rpx::last_official_year(m_data->tables);
}

int WorkCalendar::missing_notice(Date d) const noexcept {
  const int y = year_of(d);
  return official_notice(y) == nullptr ? y : y + 1;
}

DayInfo WorkCalendar::day(Date d) const noexcept {
  if (!in_span(d)) {
    return DayInfo{is_weekend(d) ? DayKind::weekend : DayKind::workday, nullptr,
                   nullptr, false};
  }
  const detail::Cell& c = m_data->cell(index(d));
  const auto [notice, holiday] = m_data->holiday(c.holiday);
  return DayInfo{c.kind,  holiday,  notice, c.basis == Basis::official,
                 c.basis, c.assumed};
}

DayFacts WorkCalendar::day_facts(Date d) const {
  const DayInfo info = day(d);
  DayFacts f;
  f.date = d;
  f.kind = info.kind;
  f.assumed = info.assumed;
  if (info.holiday != nullptr) {
    f.holiday = info.holiday->name;
    f.holiday_first_off = info.holiday->first_off;
    f.holiday_last_off = info.holiday->last_off;
  }
  if (info.notice != nullptr && info.notice->is_provisional()) {
    f.provisional_year = info.notice->year;
  }
  return f;
}

bool WorkCalendar::is_workday(Date d) const noexcept {
  if (!in_span(d)) {
    return !is_weekend(d);
  }
  return m_data->cell(index(d)).works();
}

bool WorkCalendar::covered(Date d) const noexcept {
  return basis(d) == Basis::official;
}

bool WorkCalendar::covered(Date a, Date b) const noexcept {
  return basis(a, b) == Basis::official;
}

Basis WorkCalendar::basis(Date d) const noexcept {
  if (!in_span(d)) {
    return Basis::weekdays;
  }
  return m_data->cell(index(d)).basis;
}

Basis WorkCalendar::basis(Date a, Date b) const noexcept {
  if (b < a) {
    std::swap(a, b);
  }
  if (!in_span(a) || !in_span(b)) {
    return Basis::weekdays;
  }
  detail::CalendarData& data = *m_data;
  if (count_in(data, &detail::Cell::n_weekdays, index(a), index(b)) != 0) {
    return Basis::weekdays;
  }
  return count_in(data, &detail::Cell::n_uncovered, index(a), index(b)) != 0
             ? Basis::provisional
             : Basis::official;
}

std::optional<Date> WorkCalendar::first_uncovered(Date a, Date b,
                                                  Basis than) const noexcept {
  if (b < a || than == Basis::weekdays) {
    return std::nullopt;
  }
  if (!in_span(a)) {
    return a;
  }
  // The days weaker than official are the uncovered ones; weaker than
  // provisional, the Monday–Friday ones. Block by block, the first day
  // whose running count exceeds the count before the range.
  detail::CalendarData& data = *m_data;
  std::int16_t detail::Cell::*counted = than == Basis::official
                                            ? &detail::Cell::n_uncovered
                                            : &detail::Cell::n_weekdays;
  const std::int32_t last = index(std::min(b, k_span_end));
  for (std::int32_t i = index(a); i <= last;) {
    const int blk = data.block(i);
    const std::int32_t end = std::min(last, block_last(blk));
    const int before = i == block_first(blk) ? 0 : data.cell(i - 1).*counted;
    if (data.cell(end).*counted != before) {
      while (data.cell(i).*counted == before) {
        ++i;
      }
      return k_span_start + days{i};
    }
    i = end + 1;
  }
  return b > k_span_end ? std::optional<Date>(k_span_end + days{1})
                        : std::nullopt;
}

bool WorkCalendar::assumed(Date a, Date b) const noexcept {
  if (b < a) {
    std::swap(a, b);
  }
  a = std::max(a, k_span_start);
  b = std::min(b, k_span_end);
  return a <= b &&
         count_in(*m_data, &detail::Cell::n_assumed, index(a), index(b)) != 0;
}

std::vector<const Holiday*> WorkCalendar::provisional_holidays(Date a,
                                                               Date b) const {
  std::vector<const Holiday*> out;
  if (b < a) {
    std::swap(a, b);
  }
  // Notice-years year_of(a) .. year_of(b) + 1 only (late December).
  for (int year = year_of(a); year <= year_of(b) + 1; ++year) {
    const HolidayYear* y = notice(year);
    if (y == nullptr || !y->is_provisional()) {
      continue;
    }
    for (const Holiday& h : y->holidays) {
      bool touches = h.first_off <= b && a <= h.last_off;
      for (Date d : h.workdays) {
        touches = touches || (a <= d && d <= b);
      }
      if (touches) {
        out.push_back(&h);
      }
    }
  }
  return out;
}

CalendarNote WorkCalendar::note(Date a, Date b) const {
  CalendarNote n;
  n.from = std::min(a, b);
  n.to = std::max(a, b);
  n.basis = basis(n.from, n.to);
  if (n.basis == Basis::official) {
    return n;
  }
  // Name a day no table or estimate decides, not a provisional one.
  const Basis than =
      n.basis == Basis::weekdays ? Basis::provisional : Basis::official;
  n.first_uncovered = first_uncovered(n.from, n.to, than).value_or(n.from);
  n.missing_year = missing_notice(n.first_uncovered);
  n.first_official_year = first_official_year();
  n.missing = missing_table(m_data->tables, n.missing_year);
  for (const Holiday* h : provisional_holidays(n.from, n.to)) {
    n.assumed.push_back(*h);
  }
  return n;
}

Date WorkCalendar::add(Date d, Workdays n) const noexcept {
  if (n.value != 0 && in_span(d)) {
    // The answer's rank among its block's workdays (from 1): for n > 0,
    // counting from the workdays up to d; for n < 0, from those before d.
    detail::CalendarData& data = *m_data;
    const auto [c, blk] = data.day(index(d));
    const std::int32_t rank =
        c.n_work + n.value + (n.value < 0 && !c.works() ? 1 : 0);
    if (rank >= 1 && rank <= data.total[static_cast<std::size_t>(blk)])
        [[likely]] {
      const std::int32_t first = block_first(blk);
      return k_span_start +
             days{first +
                  data.workday_at[static_cast<std::size_t>(first + rank - 1)]};
    }
    if (const auto at = add_across(data, blk, rank)) {
      return k_span_start + days{*at};
    }
  }
  return add_stepping(d, n);
}

Date WorkCalendar::add_stepping(Date d, Workdays n) const noexcept {
  // N = 0, or beyond the span: step day by day over Monday–Friday.
  const days step{n.value > 0 ? 1 : -1};
  int left = n.value > 0 ? n.value : -n.value;
  while (left > 0) {
    d += step;
    left -= is_workday(d) ? 1 : 0;
  }
  return d;
}

Workdays WorkCalendar::count(Date a, Date b) const noexcept {
  if (b < a) {
    return Workdays{-count(b, a).value};
  }
  if (in_span(a) && in_span(b)) {
    // The workdays after a in its year, the years between, and those up to
    // b in its own.
    detail::CalendarData& data = *m_data;
    const std::int32_t ia = index(a);
    const std::int32_t ib = index(b);
    const auto [from, first] = data.day(ia);
    const auto [to, last] = data.day(ib);
    int blk = first;
    std::int32_t n = to.n_work - from.n_work;
    for (; blk < last; ++blk) {
      data.ready(blk);
      n += data.total[static_cast<std::size_t>(blk)];
    }
    return Workdays{n};
  }
  int n = 0;
  for (Date d = a + days{1}; d <= b; d += days{1}) {
    n += is_workday(d) ? 1 : 0;
  }
  return Workdays{n};
}

Date WorkCalendar::prev_workday_on_or_before(Date d) const noexcept {
  return is_workday(d) ? d : add(d, Workdays{-1});
}

}  // namespace rpx
