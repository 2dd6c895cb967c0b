// A student's state in a few bytes, for batches that must hold 10^5 of them
// until they can be printed in order (io/batch.hpp): lengths and numbers as
// varints, dates as day numbers, no padding and no pointers.
#pragma once

#include <rpx/state.hpp>
#include <string>
#include <string_view>

namespace rpx {

/// Appends `state` to `out`, starting with its student id, so that
/// `packed_student_id` can read it without unpacking the rest.
void pack_state(const StudentState& state, std::string& out);

/// The state `pack_state` wrote at the start of `packed`.
StudentState unpack_state(std::string_view packed);

/// The student id of a packed state.
std::string_view packed_student_id(std::string_view packed) noexcept;

}  // namespace rpx
