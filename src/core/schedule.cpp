#include <algorithm>
#include <rpx/schedule.hpp>

namespace rpx {

std::string_view basis_name(Basis b) noexcept {
  switch (b) {
    case Basis::official:
      return "official";
    case Basis::provisional:
      return "provisional";
    case Basis::weekdays:
      break;
  }
  return "weekdays";
}

std::string_view day_kind_name(DayKind k) noexcept {
  switch (k) {
    case DayKind::weekend:
      return "weekend";
    case DayKind::holiday:
      return "holiday";
    case DayKind::adjusted_workday:
      return "adjusted_workday";
    case DayKind::workday:
      break;
  }
  return "workday";
}

const HolidayYear* find_year(const std::vector<HolidayYear>& years,
                             int year) noexcept {
  auto it =
      std::lower_bound(years.begin(), years.end(), year,
                       [](const HolidayYear& y, int v) { return y.year < v; });
  return it != years.end() && it->year == year ? &*it : nullptr;
}

int first_official_year(const std::vector<HolidayYear>& years) noexcept {
  for (const HolidayYear& y : years) {
    if (!y.is_provisional()) {
      return y.year;
    }
  }
  return 0;
}

int last_official_year(const std::vector<HolidayYear>& years) noexcept {
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    if (!it->is_provisional()) {
      return it->year;
    }
  }
  return 0;
}

MissingTable missing_table(const std::vector<HolidayYear>& years,
                           int year) noexcept {
  const int first = first_official_year(years);
  if (first == 0 || year > last_official_year(years)) {
    return MissingTable::unpublished;
  }
  return year < first ? MissingTable::before_tables : MissingTable::not_loaded;
}

}  // namespace rpx
