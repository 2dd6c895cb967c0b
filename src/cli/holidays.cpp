// rpx holidays [YEAR]: one notice-year's schedule, and where every year's
// table comes from.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <rpx/exit_status.hpp>

#include "commands.hpp"

namespace rpx::cli {

namespace {

std::string_view origin_name(Origin o) {
  switch (o) {
    case Origin::bundled:
      return "bundled";
    case Origin::system:
      return "system";
    case Origin::user:
      return "user";
    case Origin::file:
      return "file";
  }
  return "bundled";
}

std::string source_of(const HolidayYear& y) {
  return y.origin == Origin::bundled ? "bundled with rpx" : y.path;
}

/// "2015–2026  bundled with rpx" lines, consecutive years of one source
/// joined.
std::string coverage_text(const std::vector<HolidayYear>& years) {
  if (years.empty()) {
    return "No holiday tables are loaded: every date assumes Monday–Friday.\n";
  }
  std::string out = "Tables:\n";
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1].year == years[j].year + 1 &&
           source_of(years[j + 1]) == source_of(years[i])) {
      ++j;
    }
    const std::string span =
        i == j ? fmt::format("{}", years[i].year)
               : fmt::format("{}–{}", years[i].year, years[j].year);
    out += fmt::format("  {:<10} {}\n", span, source_of(years[i]));
    i = j + 1;
  }
  return out;
}

std::string schedule_text(const HolidayYear& y) {
  std::string out =
      fmt::format("Holidays of {}: {} ({})\n\n", y.year, y.notice, source_of(y));
  for (const Holiday& h : y.holidays) {
    out += h.name.has("zh") ? fmt::format("{} ({})\n", h.name.en(),
                                          h.name.in("zh"))
                            : fmt::format("{}\n", h.name.en());
    const auto n = (h.last_off - h.first_off).count() + 1;
    out += n == 1 ? fmt::format("  off   {} (1 day)\n",
                                format_weekday_date(h.first_off))
                  : fmt::format("  off   {} to {} ({} days)\n",
                                format_weekday_date(h.first_off),
                                format_weekday_date(h.last_off), n);
    std::vector<std::string> work;
    for (Date d : h.workdays) {
      work.push_back(format_weekday_date(d));
    }
    if (!work.empty()) {
      out += fmt::format("  work  {}\n", fmt::join(work, ", "));
    }
  }
  return out;
}

nlohmann::ordered_json year_json(const HolidayYear& y) {
  nlohmann::ordered_json j;
  j["year"] = y.year;
  j["origin"] = origin_name(y.origin);
  j["path"] = y.path.empty() ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json(y.path);
  return j;
}

std::string schedule_json(const HolidayYear* y, int year,
                          const std::vector<HolidayYear>& years) {
  nlohmann::ordered_json j;
  j["year"] = year;
  j["covered"] = y != nullptr;
  if (y != nullptr) {
    j["notice"] = y->notice;
    j["origin"] = origin_name(y->origin);
    auto holidays = nlohmann::ordered_json::array();
    for (const Holiday& h : y->holidays) {
      nlohmann::ordered_json hj;
      hj["name"] = h.name.by_lang;
      hj["off"] = {{"from", format_date(h.first_off)},
                   {"to", format_date(h.last_off)}};
      auto work = nlohmann::ordered_json::array();
      for (Date d : h.workdays) {
        work.push_back(format_date(d));
      }
      hj["work"] = work;
      holidays.push_back(hj);
    }
    j["holidays"] = holidays;
  }
  auto tables = nlohmann::ordered_json::array();
  for (const HolidayYear& t : years) {
    tables.push_back(year_json(t));
  }
  j["tables"] = tables;
  return j.dump(2) + "\n";
}

}  // namespace

void add_holidays(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "holidays", "A year's official holiday schedule and the tables' coverage");
  auto year_arg = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("YEAR", *year_arg, "Notice-year (default: this year)");
  cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_holidays_import(*cmd, ctx);
  cmd->callback([&ctx, year_arg, format] {
    if (ctx.run) {
      return;  // a subcommand (import) chose
    }
    ctx.run = [&ctx, year_arg, format] {
      if (year_arg->empty()) {
        return holidays_overview(ctx, *format);
      }
      const int year = static_cast<int>(
          require_integer(*year_arg, k_min_year, k_max_year, "YEAR"));
      const WorkCalendar& cal = ctx.calendar();
      const HolidayYear* y = cal.notice(year);
      if (*format == "json") {
        fmt::print("{}", schedule_json(y, year, cal.years()));
      } else if (y != nullptr) {
        fmt::print("{}\n{}", schedule_text(*y), coverage_text(cal.years()));
      } else {
        fmt::print(
            "No official holiday schedule for {} is installed: dates in {} "
            "assume Monday–Friday.\nWhen the State Council publishes it, add "
            "it as described in docs/holidays.md.\n\n{}",
            year, year, coverage_text(cal.years()));
      }
      return y != nullptr ? exit_status::k_ok : exit_status::k_no_table;
    };
  });
}

}  // namespace rpx::cli
