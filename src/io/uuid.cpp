#include <uuid/uuid.h>

#include <array>
#include <rpx/uuid.hpp>

namespace rpx {

std::string make_uuid() {
  uuid_t id;
  uuid_generate_random(id);
  std::array<char, 37> text{};
  uuid_unparse_lower(id, text.data());
  return std::string(text.data(), 36);
}

}  // namespace rpx
