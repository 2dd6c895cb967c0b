// The colours of the terminal outputs (`--color`, docs/cli.md): one ANSI SGR
// code per meaning. Internal to render_*.cpp.
#pragma once

#include <fmt/format.h>

#include <rpx/assess.hpp>
#include <string>
#include <string_view>

namespace rpx::render_detail {

// SGR parameters (ECMA-48 8.3.117). Bold and colour go in one sequence
// ("1;31"); fmt/color.h would write two.
inline constexpr std::string_view k_bold = "1";
inline constexpr std::string_view k_red = "1;31";     // bold red
inline constexpr std::string_view k_yellow = "1;33";  // bold yellow
inline constexpr std::string_view k_green = "32";
inline constexpr std::string_view k_cyan = "36";

/// The colour a phase is painted in: red for expired and overdue, yellow
/// for due, green for ready and collected, cyan otherwise.
constexpr std::string_view phase_colour(Phase p) noexcept {
  switch (p) {
    case Phase::expired:
    case Phase::overdue:
      return k_red;
    case Phase::due:
      return k_yellow;
    case Phase::ready:
    case Phase::collected:
      return k_green;
    case Phase::processing:
    case Phase::upcoming:
      break;
  }
  return k_cyan;
}

/// Paints text in an SGR code, reset after it; when `on` is false, leaves
/// it as it is. Paint after padding: escape sequences take no columns.
struct Paint {
  bool on;

  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text)
              : std::string(text);
  }
};

}  // namespace rpx::render_detail
