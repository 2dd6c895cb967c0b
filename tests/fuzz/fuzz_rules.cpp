// libFuzzer target: the rules parser (docs/reliability.md). `rpx::Error`
// is a refusal, as designed; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <rpx/errors.hpp>
#include <rpx/rules.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    rpx::parse_rules(text, "fuzz.json");
  } catch (const rpx::Error&) {
  }
  return 0;
}
