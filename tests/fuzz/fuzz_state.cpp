// libFuzzer target: the state-file parser (docs/reliability.md).
//
// `DataError` (an `rpx::Error`) is the parser refusing bad input, as
// designed; anything else -- another exception, a crash, a leak, undefined
// behaviour -- is a finding. A file that parses must also survive what a
// save does to it: serialized and read back, it is the same state. And the
// fast reader never disagrees with the strict one: where it answers, the
// strict reader reads the same state.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <rpx/errors.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<rpx::StudentState> fast = rpx::parse_state_fast(text);
  rpx::StudentState state;
  try {
    state = rpx::parse_state_strict(text, "fuzz.json");
  } catch (const rpx::Error&) {
    if (fast) {
      std::abort();  // the fast reader took what the strict one refuses
    }
    return 0;
  }
  if (fast && !(*fast == state)) {
    std::abort();
  }
  // Not guarded: what rpx writes, rpx must read back unchanged.
  const std::string saved = rpx::serialize_state(state);
  if (!(rpx::parse_state(saved, "saved.json") == state)) {
    std::abort();
  }
  return 0;
}
