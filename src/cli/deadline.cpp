// rpx deadline EXPIRY: the 30-day rule for one expiry, with no state file.
#include <fmt/format.h>

#include <rpx/assess.hpp>
#include <rpx/render.hpp>

#include "commands.hpp"

namespace rpx::cli {

void add_deadline(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "deadline", "Filing deadline and last office day for a permit expiry");
  auto expiry = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("EXPIRY", *expiry, "The permit's expiry date (YYYY-MM-DD)")
      ->required();
  cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, expiry, format] {
    ctx.run = [&ctx, expiry, format] {
      const Date e = require_date(*expiry, "EXPIRY");
      const Deadline dl = deadline_for(e, ctx.rules(), ctx.calendar());
      if (*format == "json") {
        fmt::print("{}", render_deadline_json(dl, ctx.rules()));
      } else {
        print_text(ctx, render_deadline_text(dl, ctx.rules()));
      }
      return 0;
    };
  });
}

}  // namespace rpx::cli
