// A count of workdays, kept apart from a count of days.
#pragma once

#include <compare>

namespace rpx {

/// A number of workdays. Deliberately not `date::days`: adding
/// `Workdays{15}` to a date needs a calendar, so a mix-up does not compile.
struct Workdays {
  int value = 0;
  friend constexpr auto operator<=>(Workdays, Workdays) = default;
};

}  // namespace rpx
