// Exit codes of docs/cli.md, in one place.
#pragma once

namespace rpx::exit_status {

inline constexpr int k_ok = 0;
inline constexpr int k_needs_action = 1;  // check/remind: due or ready
inline constexpr int k_not_workday = 1;   // workdays is
inline constexpr int k_no_table = 1;      // holidays YEAR: year not covered
inline constexpr int k_late = 2;          // check/remind: overdue or expired
inline constexpr int k_bad_input = 3;     // check/remind: unreadable input
inline constexpr int k_usage = 64;
inline constexpr int k_data = 65;
inline constexpr int k_no_state = 66;
inline constexpr int k_internal = 70;
inline constexpr int k_exists = 73;
inline constexpr int k_io = 74;
inline constexpr int k_locked = 75;

}  // namespace rpx::exit_status
