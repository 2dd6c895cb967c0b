// Shell completion (docs/cli.md, "Completions"): `rpx completion SHELL`
// prints a script for bash, zsh or fish made from the command table that
// --help prints, so that what a shell offers cannot drift from what rpx
// accepts.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"

namespace rpx::cli {

/// What an option or an argument takes, as completion offers it.
enum class ValueKind : std::uint8_t {
  none,         // a flag: no value
  text,         // a value, with nothing to offer (DATE, TEXT, N)
  words,        // one of a few words
  files,        // a file name (PATH, FILE)
  directories,  // a directory name (DIR)
};

struct CompletedValue {
  ValueKind kind = ValueKind::none;
  std::string label;  // "DATE", "STEP": what --help calls the value
  std::vector<std::string> words;
  /// Several values joined by commas (`--phase due,overdue`): each word
  /// is offered after the last comma.
  bool comma_list = false;
};

struct CompletedOption {
  std::vector<std::string> names;  // "-o", "--output"
  std::string description;         // the first line of its help
  CompletedValue value;
};

/// A command, with its own options and arguments: rpx's options (the
/// global ones) are valid after every command too.
struct CompletedCommand {
  std::vector<std::string> path;      // {"holidays", "import"}; {} for rpx
  std::string description;            // the first line of its help
  std::vector<std::string> commands;  // its subcommands' names
  std::vector<CompletedOption> options;
  std::vector<CompletedValue> arguments;  // in order
  /// Whether the last argument takes any number of values (check PATH...).
  bool last_repeats = false;
};

/// The commands of `root` as --help shows them, rpx first, then each
/// command before its subcommands, in the order they were added; the values
/// options accept from `ctx.accepted`. Hidden options are left out.
std::vector<CompletedCommand> completion_table(const CLI::App& root,
                                               const Context& ctx);

/// The scripts: `complete -F _rpx rpx` for bash, a `#compdef rpx` function
/// for zsh, `complete -c rpx` lines for fish.
std::string bash_completion(const std::vector<CompletedCommand>& table);
std::string zsh_completion(const std::vector<CompletedCommand>& table);
std::string fish_completion(const std::vector<CompletedCommand>& table);

/// The options valid after `cmd`: its own, then those of rpx (the first
/// of `table`) that it does not have.
std::vector<CompletedOption> valid_options(
    const std::vector<CompletedCommand>& table, const CompletedCommand& cmd);

/// The subcommands of `cmd` in `table`, in order.
std::vector<const CompletedCommand*> subcommands_of(
    const std::vector<CompletedCommand>& table, const CompletedCommand& cmd);

/// "holidays import"; "" for rpx.
std::string joined_path(const CompletedCommand& cmd);

/// `words` with a space between each two.
std::string joined(const std::vector<std::string>& words);

/// `word` in single quotes for bash and zsh (`it's` → `'it'\''s'`).
std::string single_quoted(std::string_view word);

}  // namespace rpx::cli
