// Identifiers for new state files.
#pragma once

#include <string>

namespace rpx {

/// A random RFC 4122 version-4 UUID in lower case, from libuuid (which reads
/// the kernel's random source).
std::string make_uuid();

}  // namespace rpx
