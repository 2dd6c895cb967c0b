// rpx info [steps|offices|fees]: the process as the rules describe it.
#include <fmt/format.h>

#include <rpx/messages.hpp>
#include <rpx/render_info.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

void add_info(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "info", tr("help.info.about") + "\n\n" + tr("help.info.text"));
  auto topic = std::make_shared<std::string>();
  const std::vector<std::string> topics{"steps", "offices", "fees"};
  accept_only(
      cmd->add_option("TOPIC", *topic,
                      tr("help.info.topic", {{"values", or_list(topics)}})),
      ctx, topics);
  set_help_footer(*cmd, {{"rpx info", tr("help.info.example.all")},
                         {"rpx info offices", tr("help.info.example.offices")},
                         {"rpx info fees", tr("help.info.example.fees")}});
  cmd->callback([&ctx, topic] {
    ctx.run = [&ctx, topic] {
      const InfoTopic t = *topic == "steps"     ? InfoTopic::steps
                          : *topic == "offices" ? InfoTopic::offices
                          : *topic == "fees"    ? InfoTopic::fees
                                                : InfoTopic::all;
      print_text(ctx, render_info(ctx.rules(), t));
      return 0;
    };
  });
}

}  // namespace rpx::cli
