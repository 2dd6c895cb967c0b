#include <algorithm>
#include <map>
#include <rpx/calendar.hpp>

namespace rpx {

namespace {

using date::days;
using date::year_month_day;

// The span with O(1) arithmetic. Inputs are limited to 1970–2100 and |N| to
// 10 000 workdays (about 40 years), so every answer falls inside it.
constexpr Date k_span_start = Date{date::year{1900} / 1 / 1};
constexpr Date k_span_end = Date{date::year{2200} / 12 / 31};
constexpr std::int32_t k_span_days =
    (k_span_end - k_span_start).count() + 1;  // [0, 109572]

int year_of(Date d) noexcept {
  return static_cast<int>(year_month_day{d}.year());
}

}  // namespace

std::vector<HolidayYear> overlay(std::vector<HolidayYear> base,
                                 std::vector<HolidayYear> top) {
  std::map<int, HolidayYear> by_year;
  for (auto* layer : {&base, &top}) {
    for (HolidayYear& y : *layer) {
      by_year.insert_or_assign(y.year, std::move(y));
    }
  }
  std::vector<HolidayYear> out;
  out.reserve(by_year.size());
  for (auto& [year, y] : by_year) {
    out.push_back(std::move(y));
  }
  return out;
}

WorkCalendar::WorkCalendar() : WorkCalendar(std::vector<HolidayYear>{}) {}

WorkCalendar::WorkCalendar(std::vector<HolidayYear> years)
    : m_years(std::move(years)) {
  std::sort(m_years.begin(), m_years.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });

  // Weekdays by stepping (0 = Sunday), not by date arithmetic per day: this
  // constructor runs once per process, cron included.
  m_cells.resize(static_cast<std::size_t>(k_span_days));
  unsigned weekday = date::weekday{k_span_start}.c_encoding();
  for (Cell& c : m_cells) {
    const bool weekend = weekday == 0 || weekday == 6;
    c = Cell{weekend ? DayKind::weekend : DayKind::workday, false, 0};
    weekday = weekday == 6 ? 0 : weekday + 1;
  }

  // Covered: the days of each loaded year, but 25–31 December only when the
  // next year's notice is loaded too.
  for (const HolidayYear& y : m_years) {
    const Date first = Date{date::year{y.year} / 1 / 1};
    const Date last = notice(y.year + 1) != nullptr
                          ? Date{date::year{y.year} / 12 / 31}
                          : Date{date::year{y.year} / 12 / 24};
    for (Date d = first; d <= last; d += days{1}) {
      if (in_span(d)) {
        m_cells[static_cast<std::size_t>(index(d))].covered = true;
      }
    }
  }

  for (std::size_t yi = 0; yi < m_years.size(); ++yi) {
    for (std::size_t hi = 0; hi < m_years[yi].holidays.size(); ++hi) {
      const Holiday& h = m_years[yi].holidays[hi];
      m_holidays.emplace_back(static_cast<std::uint16_t>(yi),
                              static_cast<std::uint16_t>(hi));
      const auto tag = static_cast<std::uint16_t>(m_holidays.size());
      for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
        if (in_span(d)) {
          m_cells[index(d)].kind = DayKind::holiday;
          m_cells[index(d)].holiday = tag;
        }
      }
      for (Date d : h.workdays) {
        if (in_span(d)) {
          m_cells[index(d)].kind = DayKind::adjusted_workday;
          m_cells[index(d)].holiday = tag;
        }
      }
    }
  }

  m_prefix.resize(m_cells.size());
  m_uncovered.resize(m_cells.size());
  std::int32_t work = 0;
  std::int32_t uncovered = 0;
  for (std::size_t i = 0; i < m_cells.size(); ++i) {
    const Cell c = m_cells[i];
    if (c.kind == DayKind::workday || c.kind == DayKind::adjusted_workday) {
      ++work;
      m_workday_at.push_back(static_cast<std::int32_t>(i));
    }
    uncovered += c.covered ? 0 : 1;
    m_prefix[i] = work;
    m_uncovered[i] = uncovered;
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
  auto it =
      std::lower_bound(m_years.begin(), m_years.end(), year,
                       [](const HolidayYear& y, int v) { return y.year < v; });
  return it != m_years.end() && it->year == year ? &*it : nullptr;
}

int WorkCalendar::missing_notice(Date d) const noexcept {
  const int y = year_of(d);
  return notice(y) == nullptr ? y : y + 1;
}

DayInfo WorkCalendar::day(Date d) const noexcept {
  if (!in_span(d)) {
    return DayInfo{is_weekend(d) ? DayKind::weekend : DayKind::workday, nullptr,
                   nullptr, false};
  }
  const Cell c = m_cells[static_cast<std::size_t>(index(d))];
  DayInfo info{c.kind, nullptr, nullptr, c.covered};
  if (c.holiday != 0) {
    const auto [yi, hi] = m_holidays[c.holiday - 1];
    info.notice = &m_years[yi];
    info.holiday = &m_years[yi].holidays[hi];
  }
  return info;
}

bool WorkCalendar::is_workday(Date d) const noexcept {
  return day(d).is_workday();
}

bool WorkCalendar::covered(Date d) const noexcept {
  return in_span(d) && m_cells[static_cast<std::size_t>(index(d))].covered;
}

bool WorkCalendar::covered(Date a, Date b) const noexcept {
  if (b < a) {
    std::swap(a, b);
  }
  if (!in_span(a) || !in_span(b)) {
    return false;
  }
  const std::int32_t before = index(a) == 0 ? 0 : m_uncovered[index(a) - 1];
  return m_uncovered[index(b)] == before;
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
