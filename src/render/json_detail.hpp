// Pieces shared by the JSON renderers. Internal to render_*.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <rpx/dates.hpp>

namespace rpx::render_detail {

/// An ISO date, or null when there is none.
inline nlohmann::ordered_json date_or_null(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(format_date(*d))
           : nlohmann::ordered_json(nullptr);
}

}  // namespace rpx::render_detail
