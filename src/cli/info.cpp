// rpx info [steps|offices|fees]: the process as the rules describe it.
#include <fmt/format.h>

#include <rpx/render_info.hpp>

#include "commands.hpp"

namespace rpx::cli {

void add_info(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("info", "The process, the offices and the fees");
  auto topic = std::make_shared<std::string>();
  cmd->add_option("TOPIC", *topic, "steps, offices or fees (default: all)")
      ->check(CLI::IsMember({"steps", "offices", "fees"}));
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
