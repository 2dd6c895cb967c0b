// One function per command group, each in its own file: it adds the
// subcommand to `app` and, when chosen, sets `ctx.run`.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace rpx::cli {

void add_deadline(CLI::App& app, Context& ctx);
void add_workdays(CLI::App& app, Context& ctx);
void add_holidays(CLI::App& app, Context& ctx);
void add_holidays_import(CLI::App& holidays, Context& ctx);
/// `rpx holidays` with no year: every year and where its schedule is from.
int holidays_overview(Context& ctx, const std::string& format);
void add_info(CLI::App& app, Context& ctx);
void add_calendar(CLI::App& app, Context& ctx);
void add_status(CLI::App& app, Context& ctx);  // status, history, plan
void add_init(CLI::App& app, Context& ctx);
void add_set(CLI::App& app, Context& ctx);  // set expiry|name|student-id|extra
void add_steps(CLI::App& app, Context& ctx);  // done, undo, submit, collect
void add_check(CLI::App& app, Context& ctx);  // check, remind
void add_import(CLI::App& app, Context& ctx);
void add_export(CLI::App& app, Context& ctx);  // export ics
/// `rpx completion bash|zsh|fish`, made from `app`'s commands when it runs.
void add_completion(CLI::App& app, Context& ctx);

/// What bare `rpx` does: `rpx status`.
int run_default(Context& ctx);

}  // namespace rpx::cli
