// rpx export ics [-o FILE]: the student's dates for a phone's calendar
// (docs/calendar-export.md).
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <rpx/atomic_file.hpp>
#include <rpx/batch.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/messages.hpp>
#include <rpx/render_batch.hpp>
#include <rpx/render_ics.hpp>

#include "app.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "student.hpp"

namespace rpx::cli {

namespace {

namespace fs = std::filesystem;

/// The mode a file made by `> FILE` would get, or an existing file's own.
mode_t output_mode(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0) {
    return st.st_mode & 07777;
  }
  return umask_mode(0666);
}

/// True when `target` (which exists) is the student's state file or any
/// file that reads as a state file.
bool is_state_file(const fs::path& target, const struct stat& st,
                   const fs::path& state_file) {
  struct stat state_st {};
  if (::stat(state_file.c_str(), &state_st) == 0 &&
      state_st.st_dev == st.st_dev && state_st.st_ino == st.st_ino) {
    return true;
  }
  try {
    parse_state(read_file(target, std::size_t{1} << 20), target.string());
    return true;
  } catch (const Error&) {
    return false;
  }
}

/// Replaces `file` by `text` in one rename, so that a calendar program
/// watching it never reads half a file. A symlink is followed, as for the
/// state file; anything but a regular file (a device, a FIFO) and a state
/// file are refused.
void write_file_atomically(const std::string& file, std::string_view text,
                           const fs::path& state_file) {
  const fs::path target = resolve_symlinks(file);
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    require_regular(file, st.st_mode);
    if (is_state_file(target, st, state_file)) {
      throw UsageError(Message("error.ics_onto_state_file", {{"file", file}}));
    }
  }
  AtomicFile out(target, file);
  out.set_mode(output_mode(target));
  out.write(text);
  out.commit();
}

/// DTSTAMP: midnight UTC of a pinned today (so that tests and scripts get
/// the same bytes every run), else the real time.
date::sys_seconds stamp(Context& ctx) {
  if (!ctx.globals.today.empty()) {
    return date::sys_seconds(ctx.today());
  }
  return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

/// Every student under `paths` in one calendar, most urgent first; the
/// unreadable ones on stderr (exit 3), the others still written.
int export_cohort(Context& ctx, const std::vector<std::string>& paths,
                  const std::string& output) {
  const date::sys_seconds when = stamp(ctx);
  // It grows when a notice is imported, which can move a date.
  const auto generation =
      static_cast<std::int64_t>(official_years(ctx.calendar().tables()).size());
  std::vector<Ranked<std::string>> events;
  const BatchContext batch{ctx.rules(), ctx.calendar(), ctx.today(), {}};
  const std::vector<BatchError> errors = for_each_student(
      paths, batch,
      [&](const std::string& file, const StudentState& s, const Assessment& a) {
        events.push_back(
            {urgency_of(file, s, a),
             render_ics_cohort_events(s, a, ctx.rules(), when, generation)});
      });
  sort_by_urgency(events);
  std::vector<std::string> texts;
  texts.reserve(events.size());
  for (Ranked<std::string>& e : events) {
    texts.push_back(std::move(e.item));
  }
  const std::string ics = render_ics_cohort(texts);
  for (const BatchError& e : errors) {
    warn(render_error_line(e));
  }
  if (output.empty() || output == "-") {
    fmt::print("{}", ics);
  } else if (errors.empty()) {
    // The students' own files are under `paths`; none of them, nor any
    // other state file, may be overwritten (is_state_file reads it).
    write_file_atomically(output, ics, {});
  } else {
    // A calendar missing students would withdraw their events from every
    // subscriber: the old file stays until every input can be read.
    warn("rpx: " + tr("export.cohort.kept", {{"file", output}}) + "\n");
  }
  return errors.empty() ? 0 : exit_status::k_bad_input;
}

int export_ics(Context& ctx, const std::vector<std::string>& paths,
               const std::string& output) {
  if (!paths.empty()) {
    return export_cohort(ctx, paths, output);
  }
  const StudentState state = student_store(ctx).load();
  const Assessment a = assess_student(ctx, state);
  const std::string ics = render_ics(state, a, ctx.rules(), stamp(ctx));
  if (output.empty() || output == "-") {
    fmt::print("{}", ics);
  } else {
    write_file_atomically(output, ics, ctx.state_file());
  }
  return 0;
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "export", tr("help.export.about") + "\n\n" + tr("help.export.text"));
  cmd->require_subcommand(1);
  auto output = std::make_shared<std::string>();
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* ics = cmd->add_subcommand(
      "ics", tr("help.export.ics.about") + "\n\n" + tr("help.export.ics.text"));
  ics->add_option("PATH", *paths, tr("help.export.ics.path"))
      ->type_name("PATH");
  ics->add_option("-o,--output", *output, tr("help.export.ics.output"))
      ->type_name("FILE");
  const std::vector<Example> examples{
      {"rpx export ics -o permit.ics", tr("help.export.ics.example.file")},
      {"rpx --file kim.json export ics -o kim.ics",
       tr("help.export.ics.example.file_option")},
      {"rpx export ics /srv/rpx/students -o /srv/www/cohort.ics",
       tr("help.export.ics.example.cohort")}};
  set_help_footer(*ics, examples);
  set_help_footer(*cmd, examples);
  ics->callback([&ctx, output, paths] {
    ctx.run = [&ctx, output, paths] {
      return export_ics(ctx, *paths, *output);
    };
  });
}

}  // namespace rpx::cli
