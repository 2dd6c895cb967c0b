// rpx help [COMMAND [SUBCOMMAND]], and what bare rpx says before there is a
// state file.
#include <fmt/format.h>

#include <rpx/messages.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "help_layout.hpp"
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
  std::string out = wrapped(tr("start.intro")) + "\n";
  out += "  rpx init --expiry DATE [--name TEXT] [--student-id ID]\n\n";
  out += wrapped(tr("start.example"));
  out += "  rpx init --expiry 2027-01-20 --name \"Kim Minjun\"\n\n";
  out += wrapped(tr("start.file")) + "  " + file.string() + "\n" +
         wrapped(tr("start.other_file")) + "\n";
  out += wrapped(tr("start.then"));
  out += two_columns("  rpx status", tr("start.status"), k_start_column);
  out += two_columns("  rpx info steps", tr("start.info"), k_start_column);
  out += two_columns("  rpx --help", tr("start.help"), k_start_column);
  out += "\n" + wrapped(tr("start.staff"));
  return out;
}

}  // namespace rpx::cli
