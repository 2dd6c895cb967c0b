// `rpx info`: the process, the offices and the fees as the rules describe
// them.
#pragma once

#include <cstdint>
#include <rpx/rules.hpp>
#include <string>

namespace rpx {

enum class InfoTopic : std::uint8_t { all, steps, offices, fees };

/// The steps with their offices and what to bring, the offices with their
/// addresses, hours and steps, or the fees; `all`: the three under headings.
std::string render_info(const Rules& rules, InfoTopic topic);

}  // namespace rpx
