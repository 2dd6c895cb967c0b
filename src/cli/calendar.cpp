// rpx calendar [YEAR-MONTH | YEAR]: the months as China works them, with
// the student's dates when there is a state file.
#include <fmt/format.h>

#include <filesystem>
#include <rpx/assess.hpp>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>
#include <rpx/render_month.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "student.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

struct Span {
  date::year_month first;
  int months = 1;
  bool whole_year = false;
};

/// `YYYY-MM` or `YYYY`, with the year in [k_min_year, k_max_year]; not
/// `given`: this month. `-3` adds the months before and after, which must
/// stay in those years too.
Span parse_span(std::string_view arg, bool given, bool three, Date today) {
  const auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == s.npos;
  };
  const auto refuse = [&] {
    return UsageError(
        Message("error.invalid_month",
                {{"value", arg}, {"min", k_min_year}, {"max", k_max_year}}));
  };
  Span span;
  if (!given) {
    const date::year_month_day ymd{today};
    span.first = ymd.year() / ymd.month();
  } else if (arg.size() == 4 && digits(arg)) {
    span.first = date::year{std::stoi(std::string(arg))} / date::January;
    span.months = 12;
    span.whole_year = true;
  } else if (arg.size() == 7 && arg[4] == '-' && digits(arg.substr(0, 4)) &&
             digits(arg.substr(5))) {
    const int month = std::stoi(std::string(arg.substr(5)));
    if (month < 1 || month > 12) {
      throw refuse();
    }
    span.first = date::year{std::stoi(std::string(arg.substr(0, 4)))} /
                 date::month{static_cast<unsigned>(month)};
  } else {
    throw refuse();
  }
  const int year = int{span.first.year()};
  if (year < k_min_year || year > k_max_year) {
    throw refuse();
  }
  if (three) {
    if (span.whole_year) {
      throw UsageError(Message("error.calendar_three_year", {{"value", arg}}));
    }
    const std::string month = fmt::format("{:04}-{:02}", int{span.first.year()},
                                          unsigned{span.first.month()});
    span.first -= date::months{1};
    span.months = 3;
    const date::year_month last = span.first + date::months{2};
    if (int{span.first.year()} < k_min_year || int{last.year()} > k_max_year) {
      throw UsageError(Message(
          "error.calendar_three_range",
          {{"value", month}, {"min", k_min_year}, {"max", k_max_year}}));
    }
  }
  return span;
}

/// The state file whose dates are marked: the one named by --file or
/// RPX_FILE (which must exist), else the default one if there is one.
std::optional<StudentState> student_state(Context& ctx) {
  if (ctx.globals.file.empty()) {
    std::filesystem::path file;
    try {
      file = ctx.state_file();
    } catch (const UsageError&) {
      return std::nullopt;  // no HOME: no default state file to look at
    }
    if (no_state_file_yet(file)) {
      return std::nullopt;
    }
  }
  return student_store(ctx).load();
}

void mark(MonthView& view, Date d, DateMark m) {
  const auto i = (d - view.days.front().facts.date).count();
  if (i >= 0 && static_cast<std::size_t>(i) < view.days.size()) {
    view.days[static_cast<std::size_t>(i)].set(m);
  }
}

MonthView make_view(Context& ctx, const Span& span) {
  const WorkCalendar& cal = ctx.calendar();
  MonthView view;
  view.first_year = int{span.first.year()};
  view.first_month = unsigned{span.first.month()};
  view.months = span.months;
  view.whole_year = span.whole_year;
  view.today = ctx.today();
  const Date from{span.first / date::day{1}};
  const date::year_month last = span.first + date::months{span.months - 1};
  const Date to{last / date::last};
  std::vector<const Holiday*> seen;
  for (Date d = from; d <= to; d += date::days{1}) {
    const DayInfo info = cal.day(d);
    view.days.push_back(MonthDay{cal.day_facts(d), info.basis, 0});
    if (info.holiday != nullptr &&
        std::find(seen.begin(), seen.end(), info.holiday) == seen.end()) {
      seen.push_back(info.holiday);
      view.holidays.push_back(MonthHoliday{
          info.holiday->name, info.holiday->first_off, info.holiday->last_off,
          info.holiday->workdays, info.basis});
    }
  }
  std::stable_sort(view.holidays.begin(), view.holidays.end(),
                   [](const MonthHoliday& a, const MonthHoliday& b) {
                     return a.first_off < b.first_off;
                   });
  mark(view, view.today, DateMark::today);
  if (const auto state = student_state(ctx)) {
    const Assessment a = assess_student(ctx, *state);
    view.student = MonthStudent{ctx.state_file().string(),
                                state->name,
                                state->student_id,
                                a.deadline.last_office_day,
                                a.deadline.filing_deadline,
                                a.deadline.expiry,
                                a.ready_estimate};
    mark(view, a.deadline.last_office_day, DateMark::last_office_day);
    mark(view, a.deadline.filing_deadline, DateMark::filing_deadline);
    mark(view, a.deadline.expiry, DateMark::expiry);
    if (a.ready_estimate) {
      mark(view, *a.ready_estimate, DateMark::ready_estimate);
    }
  }
  return view;
}

}  // namespace

void add_calendar(CLI::App& app, Context& ctx) {
  struct Args {
    std::string when;
    bool three = false;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  auto* cmd =
      app.add_subcommand("calendar", tr("help.calendar.about") + "\n\n" +
                                         tr("help.calendar.text"));
  auto* when = cmd->add_option("WHEN", args->when, tr("help.calendar.when"))
                   ->type_name("YEAR-MONTH|YEAR");
  cmd->add_flag("-3,--three", args->three, tr("help.calendar.three"));
  const std::vector<std::string> formats{"text", "json"};
  accept_only(cmd->add_option(
                  "--format", args->format,
                  tr("help.calendar.format", {{"values", or_list(formats)}})),
              ctx, formats)
      ->type_name("FORMAT");
  set_help_footer(*cmd,
                  {{"rpx calendar 2026-02", tr("help.calendar.example.month")},
                   {"rpx calendar -3", tr("help.calendar.example.three")},
                   {"rpx calendar 2027", tr("help.calendar.example.year")},
                   {"rpx calendar 2026-10 --format json",
                    tr("help.calendar.example.json")}});
  cmd->callback([&ctx, args, when] {
    ctx.run = [&ctx, args, given = when->count() > 0] {
      const Span span = parse_span(args->when, given, args->three, ctx.today());
      const MonthView view = make_view(ctx, span);
      if (args->format == "json") {
        fmt::print("{}", render_month_json(view));
      } else {
        fmt::print("{}", render_month_text(view, ctx.text_style()));
      }
      return 0;
    };
  });
}

}  // namespace rpx::cli
