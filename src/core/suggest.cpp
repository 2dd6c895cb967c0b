#include <algorithm>
#include <rpx/suggest.hpp>
#include <vector>

namespace rpx {

namespace {

constexpr char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// How many edits a name of `n` bytes may be off by and still be meant: a
/// quarter to a third of it, as a person mistypes one key in four.
constexpr std::size_t max_edits(std::size_t n) noexcept {
  if (n <= 4) {
    return 1;
  }
  return n <= 8 ? 2 : 3;
}

constexpr std::size_t k_min_prefix = 3;

bool starts_with(std::string_view name, std::string_view prefix) {
  return name.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), name.begin(),
                    [](char a, char b) { return lower(a) == lower(b); });
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: the distance between the first i bytes of a and the first j of
  // b, three rows kept (the swap looks two back).
  const std::size_t m = b.size();
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) {
    prev[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string_view> suggest(
    std::string_view typed, const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> nearest;
  std::size_t best = max_edits(typed.size()) + 1;
  std::optional<std::string_view> prefixed;
  std::size_t prefixes = 0;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(typed, c);
    if (d < best) {
      best = d;
      nearest = c;
    }
    if (typed.size() >= k_min_prefix && starts_with(c, typed)) {
      ++prefixes;
      prefixed = c;
    }
  }
  if (nearest) {
    return nearest;
  }
  return prefixes == 1 ? prefixed : std::nullopt;
}

}  // namespace rpx
