// The data files compiled into the binary (data/holidays, data/rules, ...),
// so rpx works from any directory and from cron with no installed files.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rpx {

struct BundledFile {
  std::string_view
      path;  // relative to data/, e.g. "rules/cqupt-chongqing.json"
  std::string_view text;
};

/// Every bundled file, sorted by path.
std::span<const BundledFile> bundled_files() noexcept;

/// The text of bundled file `path`, if there is one.
std::optional<std::string_view> bundled_file(std::string_view path) noexcept;

}  // namespace rpx
