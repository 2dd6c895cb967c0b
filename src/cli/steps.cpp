// rpx done, undo, submit, collect: ticking the five steps off.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>
#include <rpx/render.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "student.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

constexpr std::size_t k_submit = step_index(StepId::submit);
constexpr std::size_t k_collect = step_index(StepId::collect);

std::size_t require_step(const std::string& arg) {
  const std::string_view id = step_id(arg);
  if (id.empty()) {
    throw UsageError(Message("error.unknown_step", {{"value", arg}}));
  }
  return static_cast<std::size_t>(step_number(id) - 1);
}

std::string title(Context& ctx, std::size_t i) {
  return fmt::format("{}. {}", i + 1, local(ctx.rules().steps[i].title));
}

void warn_step(const StepWarning& w) {
  warn(render_warning_line(step_warning_text(w)));
}

/// A step recorded on a day its office is closed is kept, with a warning on
/// stderr.
void warn_closed_day(Context& ctx, StepId step, Date d) {
  if (const auto w = closed_day_warning(step, d, ctx.rules(), ctx.calendar())) {
    warn_step(*w);
  }
}

/// Step 4: the progress note is handed out at submission and dates it.
int submit(Context& ctx, const std::string& on, const std::string& phone,
           bool phone_given) {
  const bool date_given = !on.empty();
  require_length(phone, k_max_phone_bytes, "--phone");
  const Date d = on_date(ctx, on, "--on");
  const StudentState saved = student_store(ctx).update([&](StudentState& s) {
    Cycle& c = s.current;
    ProgressNote pn = c.progress_note.value_or(ProgressNote{d, "", {}});
    // Resubmitting only to add the phone keeps the recorded date.
    if (date_given || !c.progress_note) {
      pn.date = d;
    }
    if (phone_given) {
      pn.phone = phone;
    }
    c.progress_note = pn;
    c.steps[k_submit].done = pn.date;
  });
  Assessment a = assess_student(ctx, saved);
  // A closed submission day goes to stderr, as with every step; the other
  // warnings come with the result.
  const auto closed =
      std::find_if(a.warnings.begin(), a.warnings.end(), [](const auto& w) {
        return w.code == StepWarning::Code::closed_day &&
               w.step == StepId::submit;
      });
  if (closed != a.warnings.end()) {
    warn_step(*closed);
    a.warnings.erase(closed);
  }
  fmt::print("✓ {}\n",
             tr("steps.submitted", {{"step", title(ctx, k_submit)},
                                    {"date", show_date(*a.progress_note)}}));
  fmt::print("{}\n", tr("steps.passport_back",
                        {{"date", show_weekday_date(*a.ready_estimate)},
                         {"n", ctx.rules().processing_workdays.value}}));
  for (const std::string& w : assessment_warnings(a)) {
    fmt::print("{}\n", tr("warning.line", {{"text", w}}));
  }
  return 0;
}

/// Step 5; with a new expiry, the finished cycle moves to history.
int collect(Context& ctx, const std::string& on,
            const std::string& new_expiry) {
  const Date d = on_date(ctx, on, "--on");
  std::optional<Date> next;
  if (!new_expiry.empty()) {
    next = require_date(new_expiry, "--new-expiry");
    if (*next <= d) {
      throw DataError(
          Message("error.new_expiry_not_after",
                  {{"value", new_expiry}, {"date", format_date(d)}}));
    }
  }
  const StudentState saved = student_store(ctx).update([&](StudentState& s) {
    Cycle& c = s.current;
    const bool submitted = c.progress_note || c.steps[k_submit].done;
    if (!submitted) {
      throw DataError(Message("error.collect_before_submit"));
    }
    const Date filed = c.steps[k_submit].done.value_or(
        c.progress_note ? c.progress_note->date : d);
    if (d < filed) {
      throw DataError(Message(
          "error.collect_before_submission",
          {{"date", format_date(d)}, {"submitted", format_date(filed)}}));
    }
    c.steps[k_collect].done = d;
    if (next) {
      Cycle finished = c;
      finished.new_expiry = next;
      s.history.push_back(std::move(finished));
      c = Cycle{};
      c.expiry = *next;
    }
  });
  warn_closed_day(ctx, StepId::collect, d);
  fmt::print("✓ {}\n", tr("steps.collected", {{"step", title(ctx, k_collect)},
                                              {"date", show_date(d)}}));
  if (next) {
    fmt::print("{}\n{}",
               tr("steps.new_cycle", {{"date", show_weekday_date(*next)}}),
               deadline_summary(ctx, saved));
  } else {
    fmt::print("{}\n", tr("steps.record_new_expiry"));
  }
  return 0;
}

int done(Context& ctx, const std::string& step, const std::string& on,
         const std::string& note, bool note_given) {
  const std::size_t i = require_step(step);
  if (i == k_submit) {
    return submit(ctx, on, "", false);
  }
  if (i == k_collect) {
    return collect(ctx, on, "");
  }
  require_length(note, k_max_note_bytes, "--note");
  const Date d = on_date(ctx, on, "--on");
  const StudentState saved = student_store(ctx).update([&](StudentState& s) {
    StepRecord& r = s.current.steps[i];
    r.done = d;
    if (note_given) {
      r.note = note;
    }
  });
  fmt::print("✓ {}\n", tr("steps.done",
                          {{"step", title(ctx, i)}, {"date", show_date(d)}}));
  const Assessment a = assess_student(ctx, saved);
  if (!a.next_step.empty()) {
    const auto n = static_cast<std::size_t>(step_number(a.next_step));
    fmt::print("{}\n", tr("steps.next", {{"step", title(ctx, n - 1)}}));
  }
  return 0;
}

bool is_done(const Cycle& c, std::size_t i) {
  return c.steps[i].done.has_value() ||
         (i == k_submit && c.progress_note.has_value());
}

int undo(Context& ctx, const std::string& step) {
  const std::size_t i = require_step(step);
  StateStore store = student_store(ctx);
  if (!is_done(store.load().current, i)) {
    // Nothing to change: leave the file, and its revision, alone.
    fmt::print("{}\n", tr("steps.not_done", {{"step", title(ctx, i)}}));
    return 0;
  }
  store.update([&](StudentState& s) {
    Cycle& c = s.current;
    if (i == k_submit && c.steps[k_collect].done) {
      throw DataError(Message("error.undo_submit_collected"));
    }
    c.steps[i].done.reset();
    c.steps[i].note.clear();
    if (i == k_submit) {
      c.progress_note.reset();
    }
  });
  fmt::print("✗ {}\n",
             tr(i == k_submit ? "steps.undone_submit" : "steps.undone",
                {{"step", title(ctx, i)}}));
  return 0;
}

}  // namespace

namespace {

struct StepArgs {
  std::string step, on, note, phone, new_expiry;
};

/// STEP, for done and undo: a step id or its number.
CLI::Option* add_step_argument(CLI::App& cmd, Context& ctx, std::string& step) {
  const std::string steps =
      or_list({"registration", "photo", "letter", "submit", "collect", "1–5"});
  return accept_step(
             cmd.add_option("STEP", step, tr("help.step", {{"values", steps}})),
             ctx)
      ->required();
}

void add_done(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<StepArgs>();
  auto* cmd = app.add_subcommand(
      "done", tr("help.done.about") + "\n\n" + tr("help.done.text"));
  add_step_argument(*cmd, ctx, args->step);
  cmd->add_option("--on", args->on, tr("help.done.on"))->type_name("DATE");
  auto* note = cmd->add_option("--note", args->note, tr("help.done.note"))
                   ->type_name("TEXT");
  set_help_footer(
      *cmd, {{"rpx done registration", tr("help.done.example.today")},
             {"rpx done photo --on 2026-11-03", tr("help.done.example.on")},
             {"rpx done 3 --note \"letter no. 2026-117\"",
              tr("help.done.example.note")}});
  cmd->callback([&ctx, args, note] {
    ctx.run = [&ctx, args, note] {
      return done(ctx, args->step, args->on, args->note, note->count() > 0);
    };
  });
}

void add_undo(CLI::App& app, Context& ctx) {
  auto step = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "undo", tr("help.undo.about") + "\n\n" + tr("help.undo.text"));
  add_step_argument(*cmd, ctx, *step);
  set_help_footer(*cmd, {{"rpx undo photo", tr("help.undo.example.photo")},
                         {"rpx undo 4", tr("help.undo.example.submit")}});
  cmd->callback(
      [&ctx, step] { ctx.run = [&ctx, step] { return undo(ctx, *step); }; });
}

void add_submit(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<StepArgs>();
  auto* cmd = app.add_subcommand(
      "submit", tr("help.submit.about") + "\n\n" + tr("help.submit.text"));
  cmd->add_option("--on", args->on, tr("help.submit.on"))->type_name("DATE");
  auto* phone = cmd->add_option("--phone", args->phone, tr("help.submit.phone"))
                    ->type_name("NUMBER");
  set_help_footer(*cmd,
                  {{"rpx submit", tr("help.submit.example.today")},
                   {"rpx submit --on 2026-12-01 --phone \"023-6396 1234\"",
                    tr("help.submit.example.on")},
                   {"rpx submit --phone \"023-6396 1234\"",
                    tr("help.submit.example.phone")}});
  cmd->callback([&ctx, args, phone] {
    ctx.run = [&ctx, args, phone] {
      return submit(ctx, args->on, args->phone, phone->count() > 0);
    };
  });
}

void add_collect(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<StepArgs>();
  auto* cmd = app.add_subcommand(
      "collect", tr("help.collect.about") + "\n\n" + tr("help.collect.text"));
  cmd->add_option("--on", args->on, tr("help.collect.on"))->type_name("DATE");
  cmd->add_option("--new-expiry", args->new_expiry,
                  tr("help.collect.new_expiry"))
      ->type_name("DATE");
  set_help_footer(*cmd, {{"rpx collect --new-expiry 2028-01-19",
                          tr("help.collect.example.new")},
                         {"rpx collect --on 2027-01-12 --new-expiry 2028-01-19",
                          tr("help.collect.example.on")}});
  cmd->callback([&ctx, args] {
    ctx.run = [&ctx, args] { return collect(ctx, args->on, args->new_expiry); };
  });
}

}  // namespace

void add_steps(CLI::App& app, Context& ctx) {
  add_done(app, ctx);
  add_undo(app, ctx);
  add_submit(app, ctx);
  add_collect(app, ctx);
}

}  // namespace rpx::cli
