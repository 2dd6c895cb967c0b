// libFuzzer target: the strict date parser (docs/reliability.md). It never
// throws; what it accepts is exactly YYYY-MM-DD with a year in
// [k_min_year, k_max_year], so printing the date must give back the very
// same text, whose year is in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <rpx/dates.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto d = rpx::parse_date(text);
  if (!d) {
    return 0;
  }
  if (rpx::format_date(*d) != text) {
    std::abort();
  }
  const int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
                   (text[2] - '0') * 10 + (text[3] - '0');
  if (year < rpx::k_min_year || year > rpx::k_max_year) {
    std::abort();
  }
  return 0;
}
