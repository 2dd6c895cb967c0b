#include "app.hpp"

#include <rpx/messages.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

void add_global_options(CLI::App& app, Context& ctx) {
  Globals& g = ctx.globals;
  app.add_option("--file", g.file, tr("help.global.file"))
      ->envname("RPX_FILE")
      ->type_name("PATH");
  // "" would silently mean the real today.
  refuse_empty(app.add_option("--today", g.today, tr("help.global.today")), ctx,
               "YYYY-MM-DD")
      ->envname("RPX_TODAY")
      ->type_name("DATE");
  app.add_option("--rules", g.rules, tr("help.global.rules"))
      ->type_name("FILE");
  app.add_option("--holidays", g.holidays, tr("help.global.holidays"))
      ->type_name("FILE");
  // Read before parsing, by choose_lang(): help is worded in it too.
  std::vector<std::string> langs;
  for (const Lang lang : k_langs) {
    langs.emplace_back(lang_code(lang));
  }
  accept_later(
      app.add_option("--lang", g.lang,
                     tr("help.global.lang", {{"values", or_list(langs)}})),
      ctx, langs)
      ->envname("RPX_LANG")
      ->type_name("LANG");
  const std::vector<std::string> when{"auto", "always", "never"};
  accept_only(
      app.add_option("--color", g.color,
                     tr("help.global.color", {{"values", or_list(when)}})),
      ctx, when)
      ->type_name("WHEN");
}

/// The commands of `rpx --help`, by who uses them.
void group_commands(CLI::App& app) {
  const std::string student = tr("help.group.student");
  const std::string staff = tr("help.group.staff");
  const std::string dates = tr("help.group.dates");
  const std::string shell = tr("help.group.shell");
  const std::pair<const char*, const std::string*> groups[] = {
      {"init", &student},   {"set", &student},     {"status", &student},
      {"plan", &student},   {"history", &student}, {"done", &student},
      {"undo", &student},   {"submit", &student},  {"collect", &student},
      {"export", &student}, {"check", &staff},     {"remind", &staff},
      {"import", &staff},   {"deadline", &dates},  {"workdays", &dates},
      {"holidays", &dates}, {"calendar", &dates},  {"info", &dates},
      {"completion", &shell}};
  for (const auto& [name, group] : groups) {
    app.get_subcommand(name)->group(*group);
  }
}

}  // namespace

void build_app(CLI::App& app, Context& ctx) {
  app.name("rpx");
  app.description(tr("help.rpx.about") + "\n" + tr("help.rpx.text"));
  // The root's options are the global ones; commands' own are "Options".
  app.option_defaults()->group(tr("help.label.global_options"));
  setup_help(app);
  // CLI11 2.1: fallthrough before adding subcommands, so that global options
  // work after the command too; at most one command.
  app.fallthrough();
  app.require_subcommand(0, 1);
  add_global_options(app, ctx);
  app.option_defaults()->group("Options");

  add_init(app, ctx);
  add_set(app, ctx);
  add_status(app, ctx);
  add_steps(app, ctx);
  add_check(app, ctx);
  add_import(app, ctx);
  add_export(app, ctx);
  add_deadline(app, ctx);
  add_workdays(app, ctx);
  add_holidays(app, ctx);
  add_calendar(app, ctx);
  add_info(app, ctx);
  add_completion(app, ctx);
  add_help(app, ctx);
  group_commands(app);

  set_help_footer(
      app,
      {{"rpx init --expiry 2027-01-20 --name \"Kim Minjun\"",
        tr("help.rpx.example.init")},
       {"rpx done photo --on 2026-11-03", tr("help.rpx.example.done")},
       {"rpx check students --format csv", tr("help.rpx.example.check")},
       {"rpx deadline 2026-03-20", tr("help.rpx.example.deadline")},
       {"rpx workdays add 2024-09-27 15", tr("help.rpx.example.workdays")}},
      {}, {tr("help.rpx.more")});
}

}  // namespace rpx::cli
