#include "app.hpp"

#include "commands.hpp"

namespace rpx::cli {

void build_app(CLI::App& app, Context& ctx) {
  app.name("rpx");
  app.description(
      "rpx — residence-permit extension checklist and deadline tracker.\n"
      "Dates are YYYY-MM-DD; workdays follow China's official holidays.");
  app.set_version_flag("--version", "rpx " RPX_VERSION);
  // CLI11 2.1: fallthrough before adding subcommands, so that global options
  // work after the command too; at most one command.
  app.fallthrough();
  app.require_subcommand(0, 1);

  Globals& g = ctx.globals;
  app.add_option("--file", g.file, "State file (default: $XDG_DATA_HOME/rpx/state.json)")
      ->envname("RPX_FILE")
      ->type_name("PATH");
  app.add_option("--today", g.today, "Pretend today is DATE (YYYY-MM-DD)")
      ->envname("RPX_TODAY")
      ->check(
          [](const std::string& v) {
            // "" would silently mean the real today.
            return v.empty() ? std::string(
                                   "invalid date \"\" for --today: "
                                   "expected YYYY-MM-DD")
                             : std::string();
          },
          "DATE")
      ->type_name("DATE");
  app.add_option("--rules", g.rules, "Rules file to use instead of the bundled one")
      ->type_name("FILE");
  app.add_option("--holidays", g.holidays,
                 "Extra holiday table; replaces the years it contains")
      ->type_name("FILE");
  // Read before parsing, by choose_lang(): help is worded in it too.
  app.add_option("--lang", g.lang, "Language of text output: en, zh or ko")
      ->envname("RPX_LANG")
      ->type_name("LANG");
  app.add_option("--color", g.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");

  add_init(app, ctx);
  add_status(app, ctx);
  add_steps(app, ctx);
  add_deadline(app, ctx);
  add_workdays(app, ctx);
  add_holidays(app, ctx);
  add_info(app, ctx);
  add_check(app, ctx);
  add_import(app, ctx);
  add_export(app, ctx);
}

}  // namespace rpx::cli
