// rpx status, rpx plan, rpx init, rpx set expiry: the student's view and
// the commands that create or correct the state file.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
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

bool no_state_file_yet(const std::filesystem::path& file) {
  std::error_code ec;
  return std::filesystem::symlink_status(file, ec).type() ==
         std::filesystem::file_type::not_found;
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

  auto history_format = std::make_shared<std::string>("text");
  auto* history = app.add_subcommand(
      "history", tr("help.history.about") + "\n\n" + tr("help.history.text"));
  accept_only(history->add_option(
                  "--format", *history_format,
                  tr("help.history.format", {{"values", or_list(formats)}})),
              ctx, formats)
      ->type_name("FORMAT");
  set_help_footer(*history, {{"rpx history", tr("help.history.example.text")},
                             {"rpx history --format json",
                              tr("help.history.example.json")}});
  history->callback([&ctx, history_format] {
    ctx.run = [&ctx, history_format] {
      const StudentState state = student_store(ctx).load();
      if (*history_format == "json") {
        fmt::print("{}", render_history_json(ctx.state_file().string(), state));
      } else {
        fmt::print("{}", render_history_text(state, ctx.text_style()));
      }
      return 0;
    };
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
  if (no_state_file_yet(file)) {
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

namespace {

/// "Kim Minjun" quoted in the output language, or "(none)".
std::string shown_text(const std::string& value) {
  return value.empty() ? tr("set.none")
                       : tr("set.quoted", {{"text", printable(value)}});
}

void add_set_expiry(CLI::App& set, Context& ctx) {
  auto expiry = std::make_shared<std::string>();
  auto* cmd =
      set.add_subcommand("expiry", tr("help.set.expiry.about") + "\n\n" +
                                       tr("help.set.expiry.text"));
  cmd->add_option("DATE", *expiry, tr("help.set.expiry.date"))->required();
  set_help_footer(
      *cmd, {{"rpx set expiry 2027-01-21", tr("help.set.expiry.example.fix")},
             {"rpx set expiry 2027-01-21 && rpx plan",
              tr("help.set.expiry.example.plan")}});
  cmd->callback([&ctx, expiry] {
    ctx.run = [&ctx, expiry] {
      const Date d = require_date(*expiry, "DATE");
      Date old{};
      const StudentState saved =
          student_store(ctx).update([&](StudentState& s) {
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

/// `rpx set name TEXT`, `rpx set student-id ID`: one text member.
void add_set_text(CLI::App& set, Context& ctx, const std::string& name,
                  std::string StudentState::*member, std::size_t max_bytes,
                  const std::vector<Example>& examples) {
  auto value = std::make_shared<std::string>();
  const std::string key = name == "name" ? "name" : "student_id";
  auto* cmd = set.add_subcommand(name, tr("help.set." + key + ".about"));
  cmd->add_option("VALUE", *value, tr("help.set." + key + ".value"))
      ->required();
  set_help_footer(*cmd, examples);
  cmd->callback([&ctx, value, name, key, member, max_bytes] {
    ctx.run = [&ctx, value, name, key, member, max_bytes] {
      const std::string v = require_length(*value, max_bytes, "VALUE");
      std::string old;
      student_store(ctx).update([&](StudentState& s) {
        old = s.*member;
        s.*member = v;
      });
      fmt::print("{}\n",
                 tr("set." + key + "_changed",
                    {{"old", shown_text(old)}, {"new", shown_text(v)}}));
      return 0;
    };
  });
}

/// `rpx set extra KEY VALUE`, `rpx set extra KEY --unset`.
void add_set_extra(CLI::App& set, Context& ctx) {
  struct Args {
    std::string key, value;
    bool unset = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = set.add_subcommand(
      "extra", tr("help.set.extra.about") + "\n\n" + tr("help.set.extra.text"));
  cmd->add_option("KEY", args->key, tr("help.set.extra.key"))->required();
  cmd->add_option("VALUE", args->value, tr("help.set.extra.value"));
  cmd->add_flag("--unset", args->unset, tr("help.set.extra.unset"));
  set_help_footer(
      *cmd,
      {{"rpx set extra advisor \"Li Wei\"", tr("help.set.extra.example.set")},
       {"rpx set extra advisor --unset", tr("help.set.extra.example.unset")},
       {"rpx check students --where advisor=\"Li Wei\"",
        tr("help.set.extra.example.check")}});
  cmd->callback([&ctx, args, cmd] {
    ctx.run = [&ctx, args, cmd] {
      const bool has_value = cmd->get_option("VALUE")->count() > 0;
      if (args->unset == has_value) {
        throw UsageError(Message("error.extra.value_or_unset"));
      }
      if (const auto problem = extra_key_problem(args->key)) {
        throw UsageError(*problem);
      }
      // Bytes that are not UTF-8 become U+FFFD, as in a name: a state file
      // is always valid JSON.
      const std::string value = valid_utf8(
          require_length(args->value, k_max_extra_value_bytes, "VALUE"));
      std::string key = args->key;
      bool found = false;
      student_store(ctx).update([&](StudentState& s) {
        auto it = std::find_if(
            s.unknown.begin(), s.unknown.end(),
            [&](const auto& m) { return same_extra_key(m.first, key); });
        found = it != s.unknown.end();
        if (found) {
          key = it->first;  // the stored spelling
        }
        if (args->unset) {
          if (found) {
            s.unknown.erase(it);
          }
        } else if (found) {
          it->second = nlohmann::json(value).dump();
        } else {
          s.unknown.emplace_back(key, nlohmann::json(value).dump());
        }
      });
      if (args->unset) {
        fmt::print("{}\n", tr(found ? "set.extra_removed" : "set.extra_absent",
                              {{"key", printable(key)}}));
      } else {
        fmt::print("{}\n",
                   tr("set.extra_changed",
                      {{"key", printable(key)}, {"new", shown_text(value)}}));
      }
      return 0;
    };
  });
}

}  // namespace

void add_set(CLI::App& app, Context& ctx) {
  auto* set = app.add_subcommand(
      "set", tr("help.set.about") + "\n\n" + tr("help.set.text"));
  set->require_subcommand(1);
  add_set_expiry(*set, ctx);
  add_set_text(*set, ctx, "name", &StudentState::name, k_max_name_bytes,
               {{"rpx set name \"Kim Minjun\"", tr("help.set.name.example")},
                {"rpx --file students/2021210001.json set name \"Kim Minjun\"",
                 tr("help.set.example.staff")}});
  add_set_text(
      *set, ctx, "student-id", &StudentState::student_id,
      k_max_student_id_bytes,
      {{"rpx set student-id 2021210001", tr("help.set.student_id.example")},
       {"rpx --file students/kim.json set student-id 2021210001",
        tr("help.set.example.staff")}});
  add_set_extra(*set, ctx);
  set_help_footer(
      *set,
      {{"rpx set expiry 2027-01-21", tr("help.set.expiry.example.fix")},
       {"rpx set name \"Kim Minjun\"", tr("help.set.name.example")},
       {"rpx set extra advisor \"Li Wei\"", tr("help.set.extra.example.set")}});
}

}  // namespace rpx::cli
