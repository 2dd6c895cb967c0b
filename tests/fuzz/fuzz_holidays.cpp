// libFuzzer target: the holiday-table parser (docs/reliability.md).
// `rpx::Error` is a refusal, as designed; anything else is a finding. A
// table that parses must also make a calendar whose arithmetic keeps the
// convention of docs/cli.md: count(d, add(d, n)) == n for n >= 0.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/holidays.hpp>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<rpx::HolidayYear> years;
  try {
    years = rpx::parse_holiday_file(text, "fuzz.json", rpx::Origin::file);
  } catch (const rpx::Error&) {
    return 0;
  }
  const rpx::WorkCalendar calendar(rpx::overlay({}, std::move(years)));
  for (const rpx::HolidayYear& y : calendar.years()) {
    for (const rpx::Holiday& h : y.holidays) {
      for (const rpx::Date d : {h.first_off, h.last_off}) {
        for (const int n : {0, 1, 15, 40}) {
          const rpx::Date later = calendar.add(d, rpx::Workdays{n});
          if (calendar.count(d, later).value != n ||
              !(n == 0 || calendar.is_workday(later))) {
            std::abort();
          }
        }
        (void)calendar.prev_workday_on_or_before(d);
      }
    }
  }
  return 0;
}
