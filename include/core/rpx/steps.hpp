// The five steps of the seed page, by name: the one table that the state
// file, the rules, assess and render index steps by.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rpx {

/// The steps in order (docs/cli.md); numbers 1–5 name them too.
enum class StepId : std::uint8_t {
  registration,
  photo,
  letter,
  submit,
  collect
};

inline constexpr std::size_t k_step_count = 5;

/// The stable step ids, indexed like StepId.
inline constexpr std::array<std::string_view, k_step_count> k_step_ids = {
    "registration", "photo", "letter", "submit", "collect"};

/// The index of `s` in k_step_ids and in every per-step array.
constexpr std::size_t step_index(StepId s) noexcept {
  return static_cast<std::size_t>(s);
}

/// The step at index `i` (< k_step_count).
constexpr StepId step_at(std::size_t i) noexcept {
  return static_cast<StepId>(i);
}

/// 1–5.
constexpr int step_number(StepId s) noexcept {
  return static_cast<int>(step_index(s)) + 1;
}

/// "registration", ..., "collect".
constexpr std::string_view step_id(StepId s) noexcept {
  return k_step_ids[step_index(s)];
}

/// The step id for `id_or_number` ("photo" or "2"), or "" if it names none.
std::string_view step_id(std::string_view id_or_number) noexcept;
/// 1-based number of a stable step id; 0 if unknown.
int step_number(std::string_view id) noexcept;

}  // namespace rpx
