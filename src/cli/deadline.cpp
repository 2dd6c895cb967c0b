// rpx deadline EXPIRY: the 30-day rule for one expiry, with no state file.
#include <fmt/format.h>

#include <rpx/assess.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

void add_deadline(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("deadline", tr("help.deadline.about") + "\n\n" +
                                         tr("help.deadline.text"));
  auto expiry = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("EXPIRY", *expiry, tr("help.deadline.expiry"))->required();
  const std::vector<std::string> formats{"text", "json"};
  accept_only(cmd->add_option(
                  "--format", *format,
                  tr("help.deadline.format", {{"values", or_list(formats)}})),
              ctx, formats)
      ->type_name("FORMAT");
  set_help_footer(
      *cmd,
      {{"rpx deadline 2026-03-20", tr("help.deadline.example.holiday")},
       {"rpx deadline 2027-10-31", tr("help.deadline.example.provisional")},
       {"rpx deadline 2026-03-20 --format json",
        tr("help.deadline.example.json")}});
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
