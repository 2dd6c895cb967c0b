// Small file-system helpers for reading data files (not state files: those
// belong to store).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rpx {

/// The whole content of `path`. Throws `IoError` ("cannot read FILE:
/// reason") when it cannot be opened or read, `DataError` when it is larger
/// than `limit` bytes or is a directory.
std::string read_file(const std::filesystem::path& path, std::size_t limit);

/// The `*.json` regular files directly in `dir`, sorted by name; empty when
/// `dir` does not exist.
std::vector<std::filesystem::path> json_files_in(
    const std::filesystem::path& dir);

}  // namespace rpx
