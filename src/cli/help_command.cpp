// rpx help [COMMAND [SUBCOMMAND]], and what bare rpx says before there is a
// state file.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/messages.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

/// Where the commands start in the get-started text's list.
constexpr std::size_t k_start_column = 20;

}  // namespace

void add_help(CLI::App& app, Context& ctx) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "help", tr("help.help.about") + "\n\n" + tr("help.help.text"));
  cmd->add_option("COMMAND", *words, tr("help.help.command"));
  // Listed by the footer of rpx --help, not among the commands.
  cmd->group("");
  set_help_footer(*cmd, {{"rpx help check", tr("help.help.example.check")},
                         {"rpx help holidays import",
                          tr("help.help.example.holidays_import")}});
  cmd->callback([&app, &ctx, words] {
    ctx.run = [&app, words] {
      fmt::print("{}", help_text(resolve_command(app, *words)));
      return 0;
    };
  });
}

std::string get_started_text(const std::filesystem::path& file) {
  // One line per paragraph: print_text wraps them to the terminal.
  const auto row = [](std::string_view command, const std::string& what) {
    std::string line(command);
    line.resize(std::max(line.size() + 2, k_start_column), ' ');
    return line + what + "\n";
  };
  std::string out = tr("start.intro") + "\n\n";
  out += "  rpx init --expiry DATE [--name TEXT] [--student-id ID]\n\n";
  out += tr("start.example") + "\n";
  out += "  rpx init --expiry 2027-01-20 --name \"Kim Minjun\"\n\n";
  out += tr("start.file") + "\n  " + file.string() + "\n" +
         tr("start.other_file") + "\n\n";
  out += tr("start.then") + "\n";
  out += row("  rpx status", tr("start.status"));
  out += row("  rpx info steps", tr("start.info"));
  out += row("  rpx --help", tr("start.help"));
  return out + "\n" + tr("start.staff") + "\n";
}

}  // namespace rpx::cli
