// rpx help [COMMAND [SUBCOMMAND]].
#include <fmt/format.h>

#include <rpx/messages.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

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

}  // namespace rpx::cli
