#include <fmt/format.h>

#include <array>
#include <rpx/dates.hpp>

namespace rpx {

namespace {

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr int digits(std::string_view s) noexcept {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) noexcept {
  // Exactly YYYY-MM-DD: 10 characters, dashes at 4 and 7, digits elsewhere.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_ascii_digit(text[i])) {
      return std::nullopt;
    }
  }
  const int y = digits(text.substr(0, 4));
  const auto m = static_cast<unsigned>(digits(text.substr(5, 2)));
  const auto d = static_cast<unsigned>(digits(text.substr(8, 2)));
  if (y < k_min_year || y > k_max_year) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date{ymd};
}

std::string format_date(Date d) {
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", y, m, day);
  }
  // Digit by digit: every output prints dates, a batch thousands of them.
  const auto digit = [](unsigned n) { return static_cast<char>('0' + n); };
  const auto year = static_cast<unsigned>(y);
  return {digit(year / 1000),
          digit(year / 100 % 10),
          digit(year / 10 % 10),
          digit(year % 10),
          '-',
          digit(m / 10),
          digit(m % 10),
          '-',
          digit(day / 10),
          digit(day % 10)};
}

std::string_view weekday_name(Date d) noexcept {
  static constexpr std::array<std::string_view, 7> k_names = {
      "Sunday",   "Monday", "Tuesday", "Wednesday",
      "Thursday", "Friday", "Saturday"};
  return k_names[date::weekday{d}.c_encoding()];
}

std::string format_weekday_date(Date d) {
  return fmt::format("{} {}", weekday_name(d), format_date(d));
}

}  // namespace rpx
