#include <algorithm>
#include <rpx/calendar.hpp>

namespace rpx {

namespace {

using date::days;
using date::year_month_day;

// The span with O(1) arithmetic: the dates rpx accepts (1970–2100) and the
// notice-years it can hold a schedule for (to 2101), with a year's margin.
// An answer outside it (N up to 10 000 workdays, about 40 years, from a date
// near either end) is stepped to over Monday–Friday, as exact and still
// fast; a wider span cost every process its construction and its memory.
constexpr Date k_span_start = Date{date::year{1969} / 1 / 1};
constexpr Date k_span_end = Date{date::year{2102} / 12 / 31};
constexpr std::int32_t k_span_days =
    (k_span_end - k_span_start).count() + 1;  // [0, 48941]

int year_of(Date d) noexcept {
  return static_cast<int>(year_month_day{d}.year());
}

}  // namespace

WorkCalendar::WorkCalendar() : WorkCalendar(std::vector<HolidayYear>{}) {}

WorkCalendar::WorkCalendar(std::vector<HolidayYear> years)
    : m_years(std::move(years)) {
  std::sort(m_years.begin(), m_years.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });
  fill_weekends();
  set_bases();
  mark_holidays();
  count_prefixes();
}

void WorkCalendar::fill_weekends() {
  // Weekdays by stepping (0 = Sunday), not by date arithmetic per day: this
  // constructor runs once per process, cron included.
  m_cells.resize(static_cast<std::size_t>(k_span_days));
  unsigned weekday = date::weekday{k_span_start}.c_encoding();
  for (Cell& c : m_cells) {
    const bool weekend = weekday == 0 || weekday == 6;
    c = Cell{weekend ? DayKind::weekend : DayKind::workday, Basis::weekdays,
             false, 0};
    weekday = weekday == 6 ? 0 : weekday + 1;
  }
}

void WorkCalendar::set_bases() {
  // Basis: the weakest of the notices that decide a day — its own year's,
  // and for 25–31 December the next year's too.
  const auto basis_of = [this](int year) {
    const HolidayYear* y = notice(year);
    if (y == nullptr) {
      return Basis::weekdays;
    }
    return y->is_provisional() ? Basis::provisional : Basis::official;
  };
  for (const HolidayYear& y : m_years) {
    const Basis own = basis_of(y.year);
    const Basis late = std::min(own, basis_of(y.year + 1));
    const Date first = Date{date::year{y.year} / 1 / 1};
    const Date late_from = Date{date::year{y.year} / 12 / 25};
    const Date last = Date{date::year{y.year} / 12 / 31};
    for (Date d = first; d <= last; d += days{1}) {
      if (in_span(d)) {
        m_cells[static_cast<std::size_t>(index(d))].basis =
            d < late_from ? own : late;
      }
    }
  }
}

void WorkCalendar::mark_holidays() {
  // Provisional years first, so that an official table wins any day both
  // name (a provisional New Year break reaching back into December).
  std::vector<std::size_t> order(m_years.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_partition(order.begin(), order.end(), [this](std::size_t i) {
    return m_years[i].is_provisional();
  });
  for (const std::size_t yi : order) {
    for (std::size_t hi = 0; hi < m_years[yi].holidays.size(); ++hi) {
      const Holiday& h = m_years[yi].holidays[hi];
      m_holidays.emplace_back(static_cast<std::uint16_t>(yi),
                              static_cast<std::uint16_t>(hi));
      const auto tag = static_cast<std::uint16_t>(m_holidays.size());
      for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
        if (in_span(d)) {
          m_cells[index(d)].kind = DayKind::holiday;
          m_cells[index(d)].holiday = tag;
          m_cells[index(d)].assumed = false;
        }
      }
      for (Date d : h.workdays) {
        if (in_span(d)) {
          m_cells[index(d)].kind = DayKind::adjusted_workday;
          m_cells[index(d)].holiday = tag;
          m_cells[index(d)].assumed = false;
        }
      }
      for (Date d : h.assumed) {
        if (in_span(d)) {
          m_cells[index(d)].assumed = true;
        }
      }
    }
  }
}

void WorkCalendar::count_prefixes() {
  m_workday_at.reserve(m_cells.size() * 5 / 7 + 1);
  m_prefix.resize(m_cells.size());
  m_uncovered.resize(m_cells.size());
  m_weekdays.resize(m_cells.size());
  m_assumed.resize(m_cells.size());
  std::int32_t work = 0;
  std::int32_t uncovered = 0;
  std::int32_t weekdays = 0;
  std::int32_t assumed = 0;
  for (std::size_t i = 0; i < m_cells.size(); ++i) {
    const Cell c = m_cells[i];
    if (c.kind == DayKind::workday || c.kind == DayKind::adjusted_workday) {
      ++work;
      m_workday_at.push_back(static_cast<std::int32_t>(i));
    }
    uncovered += c.basis == Basis::official ? 0 : 1;
    weekdays += c.basis == Basis::weekdays ? 1 : 0;
    assumed += c.assumed ? 1 : 0;
    m_prefix[i] = work;
    m_uncovered[i] = uncovered;
    m_weekdays[i] = weekdays;
    m_assumed[i] = assumed;
  }
}

bool WorkCalendar::in_span(Date d) const noexcept {
  return d >= k_span_start && d <= k_span_end;
}

std::int32_t WorkCalendar::index(Date d) const noexcept {
  return (d - k_span_start).count();
}

std::int32_t WorkCalendar::prefix(std::int32_t i) const noexcept {
  return i < 0 ? 0 : m_prefix[static_cast<std::size_t>(i)];
}

const HolidayYear* WorkCalendar::notice(int year) const noexcept {
  return find_year(m_years, year);
}

const HolidayYear* WorkCalendar::official_notice(int year) const noexcept {
  const HolidayYear* y = notice(year);
  return y != nullptr && !y->is_provisional() ? y : nullptr;
}

int WorkCalendar::first_official_year() const noexcept {
  return rpx::first_official_year(m_years);
}

int WorkCalendar::last_official_year() const noexcept {
  return rpx::last_official_year(m_years);
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
  const Cell c = m_cells[static_cast<std::size_t>(index(d))];
  DayInfo info{c.kind,  nullptr,  nullptr, c.basis == Basis::official,
               c.basis, c.assumed};
  if (c.holiday != 0) {
    const auto [yi, hi] = m_holidays[c.holiday - 1];
    info.notice = &m_years[yi];
    info.holiday = &m_years[yi].holidays[hi];
  }
  return info;
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
  return day(d).is_workday();
}

bool WorkCalendar::covered(Date d) const noexcept {
  return basis(d) == Basis::official;
}

bool WorkCalendar::covered(Date a, Date b) const noexcept {
  return basis(a, b) == Basis::official;
}

Basis WorkCalendar::basis(Date d) const noexcept {
  return in_span(d) ? m_cells[static_cast<std::size_t>(index(d))].basis
                    : Basis::weekdays;
}

std::int32_t WorkCalendar::count_in(const std::vector<std::int32_t>& prefix,
                                    Date a, Date b) const noexcept {
  const std::int32_t before =
      index(a) == 0 ? 0 : prefix[static_cast<std::size_t>(index(a) - 1)];
  return prefix[static_cast<std::size_t>(index(b))] - before;
}

Basis WorkCalendar::basis(Date a, Date b) const noexcept {
  if (b < a) {
    std::swap(a, b);
  }
  if (!in_span(a) || !in_span(b)) {
    return Basis::weekdays;
  }
  if (count_in(m_weekdays, a, b) != 0) {
    return Basis::weekdays;
  }
  return count_in(m_uncovered, a, b) != 0 ? Basis::provisional
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
  // provisional, the Monday–Friday ones.
  const std::vector<std::int32_t>& counted =
      than == Basis::official ? m_uncovered : m_weekdays;
  const Date end = std::min(b, k_span_end);
  if (count_in(counted, a, end) == 0) {
    return b > end ? std::optional<Date>(end + days{1}) : std::nullopt;
  }
  // The first day whose running count exceeds the count before `a`.
  const std::int32_t before =
      index(a) == 0 ? 0 : counted[static_cast<std::size_t>(index(a) - 1)];
  const auto it = std::upper_bound(counted.begin() + index(a),
                                   counted.begin() + index(end) + 1, before);
  return k_span_start + days{it - counted.begin()};
}

bool WorkCalendar::assumed(Date a, Date b) const noexcept {
  if (b < a) {
    std::swap(a, b);
  }
  a = std::max(a, k_span_start);
  b = std::min(b, k_span_end);
  return a <= b && count_in(m_assumed, a, b) != 0;
}

std::vector<const Holiday*> WorkCalendar::provisional_holidays(Date a,
                                                               Date b) const {
  std::vector<const Holiday*> out;
  if (b < a) {
    std::swap(a, b);
  }
  // Notice-years year_of(a) .. year_of(b) + 1 only (late December); the
  // years are sorted, so start at the first.
  const int last = year_of(b) + 1;
  auto it =
      std::lower_bound(m_years.begin(), m_years.end(), year_of(a),
                       [](const HolidayYear& y, int v) { return y.year < v; });
  for (; it != m_years.end() && it->year <= last; ++it) {
    const HolidayYear& y = *it;
    if (!y.is_provisional()) {
      continue;
    }
    for (const Holiday& h : y.holidays) {
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
  n.missing = missing_table(m_years, n.missing_year);
  for (const Holiday* h : provisional_holidays(n.from, n.to)) {
    n.assumed.push_back(*h);
  }
  return n;
}

Date WorkCalendar::add(Date d, Workdays n) const noexcept {
  if (n.value == 0) {
    return d;
  }
  if (in_span(d)) {
    // k workdays lie in [start, d]; the answer is the (k + n)-th workday
    // for n > 0, and for n < 0 the (k' + n + 1)-th, k' counting up to d - 1.
    const std::int64_t k =
        n.value > 0 ? prefix(index(d)) : prefix(index(d) - 1) + 1;
    const std::int64_t target = k + n.value - 1;  // 0-based
    if (target >= 0 &&
        target < static_cast<std::int64_t>(m_workday_at.size())) {
      return k_span_start +
             days{m_workday_at[static_cast<std::size_t>(target)]};
    }
  }
  // Outside the span: step day by day over Monday–Friday.
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
    return Workdays{prefix(index(b)) - prefix(index(a))};
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
