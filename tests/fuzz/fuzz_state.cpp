// libFuzzer target: the state-file parser (docs/reliability.md).
//
// `DataError` (an `rpx::Error`) is the parser refusing bad input, as
// designed; anything else -- another exception, a crash, a leak, undefined
// behaviour -- is a finding. A file that parses must also survive what a
// save does to it: serialized and read back, it is the same state.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <rpx/errors.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rpx::StudentState state;
  try {
    state = rpx::parse_state(text, "fuzz.json");
  } catch (const rpx::Error&) {
    return 0;
  }
  // Not guarded: what rpx writes, rpx must read back unchanged.
  const std::string saved = rpx::serialize_state(state);
  if (!(rpx::parse_state(saved, "saved.json") == state)) {
    std::abort();
  }
  return 0;
}
