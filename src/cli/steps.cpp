// rpx done, undo, submit, collect: ticking the five steps off.
#include <fmt/format.h>

#include <algorithm>
#include <rpx/calendar.hpp>
#include <rpx/errors.hpp>
#include <rpx/render.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "student.hpp"

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
  const Text& t = ctx.rules().steps[i].title;
  return fmt::format("{}. {}", i + 1, t.in(lang_code(output_lang())));
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
  fmt::print("✓ {}\n", tr("steps.submitted",
                            {{"step", title(ctx, k_submit)},
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
    fmt::print("{}\n{}", tr("steps.new_cycle", {{"date", show_weekday_date(*next)}}),
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
  fmt::print("✓ {}\n",
             tr("steps.done", {{"step", title(ctx, i)}, {"date", show_date(d)}}));
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
  fmt::print("✗ {}\n", tr(i == k_submit ? "steps.undone_submit" : "steps.undone",
                          {{"step", title(ctx, i)}}));
  return 0;
}

}  // namespace

void add_steps(CLI::App& app, Context& ctx) {
  struct Args {
    std::string step, on, note, phone, new_expiry;
  };
  auto args = std::make_shared<Args>();

  auto* d = app.add_subcommand("done", "Tick a step (default date: today)");
  d->add_option("STEP", args->step,
                "registration, photo, letter, submit, "
                "collect, or 1–5")
      ->required();
  d->add_option("--on", args->on, "The date it was done (YYYY-MM-DD)");
  auto* note = d->add_option("--note", args->note, "A note to keep with it");
  d->callback([&ctx, args, note] {
    ctx.run = [&ctx, args, note] {
      return done(ctx, args->step, args->on, args->note, note->count() > 0);
    };
  });

  auto* u = app.add_subcommand("undo", "Untick a step");
  u->add_option("STEP", args->step,
                "registration, photo, letter, submit, "
                "collect, or 1–5")
      ->required();
  u->callback([&ctx, args] {
    ctx.run = [&ctx, args] { return undo(ctx, args->step); };
  });

  auto* s = app.add_subcommand(
      "submit", "Step 4 done: record the Progress Note and its phone number");
  s->add_option("--on", args->on, "The Progress Note's date (YYYY-MM-DD)");
  auto* phone = s->add_option("--phone", args->phone,
                              "The phone number printed on the Progress Note");
  s->callback([&ctx, args, phone] {
    ctx.run = [&ctx, args, phone] {
      return submit(ctx, args->on, args->phone, phone->count() > 0);
    };
  });

  auto* c = app.add_subcommand(
      "collect", "Step 5 done; --new-expiry starts the next cycle");
  c->add_option("--on", args->on, "The collection date (YYYY-MM-DD)");
  c->add_option("--new-expiry", args->new_expiry,
                "The expiry printed on the new permit (YYYY-MM-DD)");
  c->callback([&ctx, args] {
    ctx.run = [&ctx, args] { return collect(ctx, args->on, args->new_expiry); };
  });
}

}  // namespace rpx::cli
