// "Did you mean ...?": the name a person most likely meant when they typed
// one that does not exist, as git suggests `status` for `git statsu`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace rpx {

/// The Damerau–Levenshtein distance between `a` and `b` in its restricted
/// form (optimal string alignment): inserting, deleting or replacing a byte,
/// or swapping two neighbours, each costs 1, and no part is edited twice.
/// ASCII letters compare case-insensitively; other bytes as they are (the
/// names compared are ASCII, so a typed non-ASCII byte never matches one).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate that `typed` most likely meant: the nearest by
/// edit_distance when it is close enough (1 edit for up to 4 bytes typed, 2
/// for up to 8, 3 beyond), else the only candidate that starts with `typed`
/// when 3 bytes or more were typed. The nearest wins over a prefix, and of
/// two equally near the first in `candidates`. nullopt when none is close
/// enough: a guess far off would mislead more than no guess.
std::optional<std::string_view> suggest(
    std::string_view typed, const std::vector<std::string_view>& candidates);

}  // namespace rpx
