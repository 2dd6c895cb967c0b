#include <rpx/text.hpp>

namespace rpx {

const std::string& Text::en() const {
  static const std::string k_empty;
  auto it = by_lang.find("en");
  return it == by_lang.end() ? k_empty : it->second;
}

const std::string& Text::in(std::string_view lang) const {
  auto it = by_lang.find(lang);
  return it == by_lang.end() ? en() : it->second;
}

bool Text::has(std::string_view lang) const {
  return by_lang.find(lang) != by_lang.end();
}

}  // namespace rpx
