// Mistakes on the command line: the checks that refuse a value while CLI11
// parses, and CLI11's parse errors worded from the catalogue, one line each,
// with a suggestion when a name was misspelt (docs/cli.md, "Usage errors").
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace rpx::cli {

/// `opt` accepts only `values`; a refusal is kept in `ctx.rejected`, the
/// values in `ctx.accepted`.
CLI::Option* accept_only(CLI::Option* opt, Context& ctx,
                         std::vector<std::string> values);

/// `opt` (STEP) accepts a step id or its number 1–5.
CLI::Option* accept_step(CLI::Option* opt, Context& ctx);

/// `opt` accepts `values` (each of them, for a list), checked when the
/// command runs rather than while parsing: kept in `ctx.accepted`.
CLI::Option* accept_later(CLI::Option* opt, Context& ctx,
                          std::vector<std::string> values);

/// `opt` is a positional that a misspelt subcommand of its own command would
/// land in (`rpx holidays imprt x.txt` gives YEAR "imprt"): a value close to
/// one of `commands` is refused as a misspelt command. Other values pass,
/// for the command to check.
CLI::Option* refuse_misspelt_commands(CLI::Option* opt, Context& ctx,
                                      std::vector<std::string> commands);

/// `opt` refuses an empty value, expecting `expected` ("YYYY-MM-DD").
CLI::Option* refuse_empty(CLI::Option* opt, Context& ctx, std::string expected);

/// "a, b or c" in the output language.
std::string or_list(const std::vector<std::string>& items);

/// "a, b, c" in the output language ("a、b、c").
std::string comma_list(const std::vector<std::string>& items);

/// The names of `app`'s subcommands, in the order they were added.
std::vector<std::string> command_names(const CLI::App& app);

/// "rpx holidays import": `app`'s full command line name.
std::string command_path(const CLI::App& app);

/// The one-line message for a failed parse of `root`'s command line (no
/// "rpx: "), from what CLI11 threw, what it parsed and `rejected`.
std::string usage_message(const CLI::App& root, const CLI::ParseError& e,
                          const std::optional<RejectedValue>& rejected);

/// The command that `words` name under `root` (`{"holidays", "import"}`);
/// UsageError naming the first word that is not one, with a suggestion.
const CLI::App& resolve_command(const CLI::App& root,
                                const std::vector<std::string>& words);

}  // namespace rpx::cli
