// libFuzzer target: the notice parser (docs/reliability.md). Errors are
// refusals, as designed; a crash, a sanitizer report or a notice that
// parses without error into a table rpx itself would refuse is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/holiday_import.hpp>
#include <rpx/holidays.hpp>
#include <rpx/notice.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const rpx::Notice notice = rpx::parse_notice(text);
  if (!notice.errors.empty()) {
    for (const rpx::NoticeError& e : notice.errors) {
      if (e.line < 1 || e.message.in(rpx::Lang::en).empty()) {
        std::abort();
      }
    }
    return 0;
  }
  try {
    const auto years =
        rpx::parse_holiday_file(rpx::format_holiday_table({notice.year}),
                                "fuzz.json", rpx::Origin::file);
    const rpx::WorkCalendar calendar(years);
    for (const rpx::Holiday& h : notice.year.holidays) {
      if (calendar.is_workday(h.first_off) || calendar.is_workday(h.last_off)) {
        std::abort();
      }
    }
  } catch (const rpx::Error&) {
    std::abort();
  }
  return 0;
}
