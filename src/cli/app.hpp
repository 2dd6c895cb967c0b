#pragma once

#include <CLI/CLI.hpp>
#include <string_view>

#include "context.hpp"

namespace rpx::cli {

/// Builds the whole command line: global options and every command.
void build_app(CLI::App& app, Context& ctx);

/// Parses argv and runs the chosen command; the process's exit code. The
/// only place that turns errors into messages and exit codes (errors.cpp).
int run(int argc, char** argv);

/// Writes `lines` (whole lines as render makes them, e.g. "rpx: warning:
/// ...\n") to stderr after what stdout holds so far. With the failure line of
/// `run`, the only writes to stderr. Never throws and ignores failure: a
/// diagnostic that cannot be shown must not change the exit code.
void warn(std::string_view lines) noexcept;

}  // namespace rpx::cli
