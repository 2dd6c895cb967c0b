// One holiday item of a notice, read by notice.cpp's parser.
#pragma once

#include <cstddef>
#include <optional>
#include <rpx/notice.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx::notice_item {

/// Reads the holiday item starting on `lines[i]` (after its ordinal, `rest`,
/// with its colon at `colon`), running on over the lines that continue it;
/// `i` ends on its last line. Nullopt for an unknown holiday; errors go to
/// `errors`.
std::optional<NamedDays> read_item(const std::vector<std::string>& lines,
                                   std::size_t& i, std::string_view rest,
                                   std::size_t colon, int year,
                                   std::vector<NoticeError>& errors);

}  // namespace rpx::notice_item
