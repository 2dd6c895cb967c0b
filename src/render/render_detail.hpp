// Pieces shared by the text renderers. Internal to render_*.cpp.
#pragma once

#include <rpx/assess.hpp>
#include <rpx/rules.hpp>
#include <string>
#include <string_view>

namespace rpx::render_detail {

/// The lines after "Filing deadline": why the office is closed that day and
/// which other closed days push the last office day back. "" when the
/// deadline is a workday. Each line starts with `indent`.
std::string moved_explanation(const Deadline& deadline,
                              std::string_view indent);

/// ", an adjusted workday (Spring Festival)", ", the filing deadline
/// itself" or "".
std::string last_office_day_qualifier(const Deadline& deadline);


}  // namespace rpx::render_detail
