// rpx status, rpx plan, rpx init, rpx set expiry: the student's view and
// the commands that create or correct the state file.
#include <fmt/format.h>

#include <filesystem>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/roster.hpp>
#include <rpx/uuid.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "student.hpp"
#include "usage.hpp"

namespace rpx::cli {

StateStore student_store(Context& ctx) {
  return StateStore(ctx.state_file(), ctx.store_options());
}

Assessment assess_student(Context& ctx, const StudentState& state) {
  return assess(state, ctx.rules(), ctx.calendar(), ctx.today());
}

Date on_date(Context& ctx, const std::string& on, std::string_view what) {
  if (on.empty()) {
    return ctx.today();
  }
  const Date d = require_date(on, what);
  if (d > ctx.today()) {
    throw DataError(Message(
        "error.date_after_today",
        {{"what", what}, {"value", on}, {"today", format_date(ctx.today())}}));
  }
  return d;
}

std::string deadline_summary(Context& ctx, const StudentState& state) {
  return render_deadline_summary(assess_student(ctx, state));
}

namespace {

int show_status(Context& ctx, const std::string& format) {
  const StudentState state = student_store(ctx).load();
  const Assessment a = assess_student(ctx, state);
  if (format == "json") {
    fmt::print("{}", render_student_json(ctx.state_file().string(), state, a,
                                         ctx.today(), 2));
  } else {
    fmt::print("{}", render_status_text(state, a, ctx.rules(), ctx.today(),
                                        ctx.text_style()));
  }
  return 0;
}

}  // namespace

void add_status(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "status", tr("help.status.about") + "\n\n" + tr("help.status.text"));
  auto format = std::make_shared<std::string>("text");
  const std::vector<std::string> formats{"text", "json"};
  accept_only(
      cmd->add_option("--format", *format,
                      tr("help.status.format", {{"values", or_list(formats)}})),
      ctx, formats)
      ->type_name("FORMAT");
  set_help_footer(
      *cmd,
      {{"rpx status", tr("help.status.example.text")},
       {"rpx status --format json", tr("help.status.example.json")},
       {"rpx --today 2026-12-15 status", tr("help.status.example.today")}});
  cmd->callback([&ctx, format] {
    ctx.run = [&ctx, format] { return show_status(ctx, *format); };
  });

  auto* plan = app.add_subcommand(
      "plan", tr("help.plan.about") + "\n\n" + tr("help.plan.text"));
  set_help_footer(
      *plan, {{"rpx plan", tr("help.plan.example.plan")},
              {"rpx --today 2026-12-15 plan", tr("help.plan.example.today")}});
  plan->callback([&ctx] {
    ctx.run = [&ctx] {
      const StudentState state = student_store(ctx).load();
      const Assessment a = assess_student(ctx, state);
      print_text(ctx, render_plan_text(state, a, ctx.rules(), ctx.today()));
      return 0;
    };
  });
}

int run_default(Context& ctx) {
  // Before there is a state file, say how to make one rather than fail.
  const std::filesystem::path file = ctx.state_file();
  std::error_code ec;
  if (std::filesystem::symlink_status(file, ec).type() ==
      std::filesystem::file_type::not_found) {
    print_text(ctx, get_started_text(file));
    return 0;
  }
  return show_status(ctx, "text");
}

void add_init(CLI::App& app, Context& ctx) {
  struct Args {
    std::string expiry, name, student_id;
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "init", tr("help.init.about") + "\n\n" + tr("help.init.text"));
  cmd->add_option("--expiry", args->expiry, tr("help.init.expiry"))
      ->required()
      ->type_name("DATE");
  cmd->add_option("--name", args->name, tr("help.init.name"))
      ->type_name("TEXT");
  cmd->add_option("--student-id", args->student_id, tr("help.init.student_id"))
      ->type_name("ID");
  cmd->add_flag("--force", args->force, tr("help.init.force"));
  set_help_footer(
      *cmd, {{"rpx init --expiry 2027-01-20", tr("help.init.example.expiry")},
             {"rpx init --expiry 2027-01-20 --name \"Kim Minjun\" --student-id "
              "2021210001",
              tr("help.init.example.name")},
             {"rpx --file kim.json init --expiry 2027-01-20",
              tr("help.init.example.file")}});
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] {
      StudentState state;
      state.uuid = make_uuid();
      state.name = require_length(args->name, k_max_name_bytes, "--name");
      state.student_id = require_length(args->student_id,
                                        k_max_student_id_bytes, "--student-id");
      state.current.expiry = require_date(args->expiry, "--expiry");
      const auto backup = student_store(ctx).create(
          state, args->force ? Overwrite::yes : Overwrite::no);
      fmt::print("{}\n", tr("init.created",
                            {{"file", printable(ctx.state_file().string())}}));
      if (backup) {
        fmt::print("{}\n",
                   tr("init.kept_backup",
                      {{"reason", printable(backup->reason.in(output_lang()))},
                       {"file", printable(backup->file.string())}}));
      }
      print_text(ctx, deadline_summary(ctx, state));
      return 0;
    };
  });
}

void add_set(CLI::App& app, Context& ctx) {
  auto* set = app.add_subcommand(
      "set", tr("help.set.about") + "\n\n" + tr("help.set.text"));
  set->require_subcommand(1);
  auto expiry = std::make_shared<std::string>();
  auto* set_expiry =
      set->add_subcommand("expiry", tr("help.set.expiry.about") + "\n\n" +
                                        tr("help.set.expiry.text"));
  set_expiry->add_option("DATE", *expiry, tr("help.set.expiry.date"))
      ->required();
  const std::vector<Example> examples{
      {"rpx set expiry 2027-01-21", tr("help.set.expiry.example.fix")},
      {"rpx set expiry 2027-01-21 && rpx plan",
       tr("help.set.expiry.example.plan")}};
  set_help_footer(*set_expiry, examples);
  set_help_footer(*set, examples);
  set_expiry->callback([&ctx, expiry] {
    ctx.run = [&ctx, expiry] {
      const Date d = require_date(*expiry, "DATE");
      Date old{};
      const StudentState saved = student_store(ctx).update(
          [&](StudentState& s) {
            old = s.current.expiry;
            s.current.expiry = d;
          });
      fmt::print("{}\n{}",
                 tr("set.expiry_changed",
                    {{"old", show_date(old)}, {"new", show_date(d)}}),
                 deadline_summary(ctx, saved));
      return 0;
    };
  });
}

}  // namespace rpx::cli
