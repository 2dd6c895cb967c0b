#include <rpx/steps.hpp>

namespace rpx {

std::string_view step_id(std::string_view id_or_number) noexcept {
  if (id_or_number.size() == 1 && id_or_number[0] >= '1' &&
      id_or_number[0] <= '5') {
    return k_step_ids[static_cast<std::size_t>(id_or_number[0] - '1')];
  }
  for (std::string_view id : k_step_ids) {
    if (id == id_or_number) {
      return id;
    }
  }
  return {};
}

int step_number(std::string_view id) noexcept {
  for (std::size_t i = 0; i < k_step_ids.size(); ++i) {
    if (k_step_ids[i] == id) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

}  // namespace rpx
