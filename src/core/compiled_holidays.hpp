// The bundled official tables (data/holidays/) as constant data, written at
// build time by cmake/compile_holidays.cmake: every run would otherwise
// parse the same JSON.
#pragma once

#include <rpx/dates.hpp>
#include <span>
#include <string_view>

namespace rpx::detail {

struct CompiledName {
  std::string_view lang;
  std::string_view text;
};

struct CompiledHoliday {
  std::span<const CompiledName> name;
  Date first_off;
  Date last_off;
  std::span<const Date> workdays;
};

struct CompiledYear {
  int year;
  std::string_view notice;
  std::span<const CompiledHoliday> holidays;
};

/// The notice-years of data/holidays/, sorted by year.
std::span<const CompiledYear> compiled_holiday_years() noexcept;

}  // namespace rpx::detail
