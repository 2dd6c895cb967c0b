// rpx status, rpx plan, rpx init, rpx set expiry: the student's view and
// the commands that create or correct the state file.
#include <fmt/format.h>

#include <rpx/errors.hpp>
#include <rpx/render.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/roster.hpp>
#include <rpx/uuid.hpp>

#include "commands.hpp"
#include "student.hpp"

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
      "status", "The checklist, dates, phase, days left and the next action");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, format] {
    ctx.run = [&ctx, format] { return show_status(ctx, *format); };
  });

  auto* plan = app.add_subcommand(
      "plan", "A dated plan: deadline, last office day, ready estimate");
  plan->callback([&ctx] {
    ctx.run = [&ctx] {
      const StudentState state = student_store(ctx).load();
      const Assessment a = assess_student(ctx, state);
      print_text(ctx, render_plan_text(state, a, ctx.rules(), ctx.today()));
      return 0;
    };
  });
}

int run_default(Context& ctx) { return show_status(ctx, "text"); }

void add_init(CLI::App& app, Context& ctx) {
  struct Args {
    std::string expiry, name, student_id;
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("init", "Create the state file");
  cmd->add_option("--expiry", args->expiry,
                  "The residence permit's expiry date (YYYY-MM-DD)")
      ->required();
  cmd->add_option("--name", args->name, "Your name");
  cmd->add_option("--student-id", args->student_id, "Your student id");
  cmd->add_flag("--force", args->force, "Replace an existing state file");
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
        fmt::print("{}\n", tr("init.kept_backup",
                              {{"reason", printable(backup->reason.in(output_lang()))},
                               {"file", printable(backup->file.string())}}));
      }
      print_text(ctx, deadline_summary(ctx, state));
      return 0;
    };
  });

  auto* set = app.add_subcommand("set", "Correct a recorded fact");
  set->require_subcommand(1);
  auto expiry = std::make_shared<std::string>();
  auto* set_expiry =
      set->add_subcommand("expiry", "Correct the permit's expiry date");
  set_expiry->add_option("DATE", *expiry, "The expiry date (YYYY-MM-DD)")
      ->required();
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
