// Help that teaches (docs/cli.md, "Help"): `rpx --help` and `rpx COMMAND
// --help` in the output language, laid out for 80 columns by display width,
// each ending with examples; `rpx help [COMMAND]`; and what bare `rpx`
// says before there is a state file.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "context.hpp"

namespace rpx::cli {

/// An example in a command's help: the command line, verbatim in every
/// language, and what it does, in the output language.
struct Example {
  std::string command;
  std::string comment;
};

/// An exit code and what it means, in the output language.
struct ExitCode {
  int code = 0;
  std::string meaning;
};

/// Gives `app` (the root, before any option or command is added) the help
/// formatter and the help and version flags, worded in the output language.
/// Commands added later inherit them.
void setup_help(CLI::App& app);

/// `cmd`'s help ends with `exit_codes` (when given) and `examples`, then
/// `notes` (paragraphs), laid out when the help is shown.
void set_help_footer(CLI::App& cmd, std::vector<Example> examples,
                     std::vector<ExitCode> exit_codes = {},
                     std::vector<std::string> notes = {});

/// The help of `app`, as `rpx COMMAND --help` prints it.
std::string help_text(const CLI::App& app);

/// Adds `rpx help [COMMAND [SUBCOMMAND]]` to `app` (the root), which prints
/// the help of that command, or of rpx.
void add_help(CLI::App& app, Context& ctx);

/// What bare `rpx` prints when `file`, the state file, does not exist yet:
/// how to start, and where the file will be; one line per paragraph, for
/// print_text to wrap.
std::string get_started_text(const std::filesystem::path& file);

}  // namespace rpx::cli
