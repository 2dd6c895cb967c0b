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

/// Writes `text` to stderr, unbuffered; never throws and ignores failure:
/// a diagnostic that cannot be shown must not change the exit code.
void write_stderr(std::string_view text) noexcept;

}  // namespace rpx::cli
