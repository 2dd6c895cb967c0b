// rpx holidays [YEAR]: one notice-year's schedule, and where every year's
// table comes from.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/provisional.hpp>

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
    case Origin::provisional:
      return "provisional";
  }
  return "bundled";
}

std::string source_of(const HolidayYear& y) {
  switch (y.origin) {
    case Origin::bundled:
      return "bundled with rpx";
    case Origin::provisional:
      return "provisional: rpx's estimate from the law and the usual pattern";
    case Origin::system:
    case Origin::user:
    case Origin::file:
      break;
  }
  return y.path;
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

std::vector<std::string> dates(const std::vector<Date>& ds) {
  std::vector<std::string> out;
  for (Date d : ds) {
    out.push_back(format_weekday_date(d));
  }
  return out;
}

std::string holidays_text(const HolidayYear& y) {
  std::string out;
  for (const Holiday& h : y.holidays) {
    out += h.name.has("zh")
               ? fmt::format("{} ({})\n", h.name.en(), h.name.in("zh"))
               : fmt::format("{}\n", h.name.en());
    const auto n = (h.last_off - h.first_off).count() + 1;
    out += n == 1 ? fmt::format("  off      {} (1 day)\n",
                                format_weekday_date(h.first_off))
                  : fmt::format("  off      {} to {} ({} days)\n",
                                format_weekday_date(h.first_off),
                                format_weekday_date(h.last_off), n);
    if (!h.workdays.empty()) {
      out += fmt::format("  work     {}\n", fmt::join(dates(h.workdays), ", "));
    }
    if (!h.assumed.empty()) {
      out += fmt::format("  guessed  {}\n", fmt::join(dates(h.assumed), ", "));
    }
  }
  return out;
}

std::string official_text(const HolidayYear& y) {
  return fmt::format("Holidays of {}: {} ({})\n\n", y.year, y.notice,
                     source_of(y)) +
         holidays_text(y);
}

/// Why a provisional schedule is shown, for notice-year `year`.
std::string provisional_reason(const WorkCalendar& cal, int year) {
  const int first = cal.first_official_year();
  if (cal.official_notice(year) != nullptr) {
    return fmt::format("the official {} schedule is loaded: rpx holidays {}",
                       year, year);
  }
  if (first != 0 && year < first) {
    return fmt::format(
        "rpx has no official table before {}: its answers for {} are "
        "provisional",
        first, year);
  }
  if (first != 0 && year < cal.last_official_year()) {
    return fmt::format("no official {} table is loaded", year);
  }
  return fmt::format(
      "the {} schedule is not published yet: when it is, install it "
      "(docs/holidays.md)",
      year);
}

/// "国务院令第795号 (2024)": the law a provisional schedule follows.
std::string law_of(const HolidayYear& y) {
  const LawVersion* law = law_in_force(bundled_holiday_model(), y.year);
  if (law == nullptr) {
    return "the law";
  }
  return law->law.substr(0, law->law.find(','));
}

std::string provisional_text(const HolidayYear& y, const WorkCalendar& cal) {
  return fmt::format(
             "Provisional holidays of {}, rpx's estimate from {} and the "
             "usual pattern\n({}).\nThe statutory days are fixed by law; "
             "\"guessed\" days are the estimate's.\n\n",
             y.year, law_of(y), provisional_reason(cal, y.year)) +
         holidays_text(y);
}

/// Rows `date<TAB>off|work<TAB>holiday_en<TAB>holiday_zh`, sorted by date.
std::string schedule_tsv(const HolidayYear& y) {
  std::vector<std::pair<Date, std::string>> rows;
  for (const Holiday& h : y.holidays) {
    const std::string names = fmt::format(
        "{}\t{}", h.name.en(), h.name.has("zh") ? h.name.in("zh") : "");
    for (Date d = h.first_off; d <= h.last_off; d += date::days{1}) {
      rows.emplace_back(d, fmt::format("{}\toff\t{}\n", format_date(d), names));
    }
    for (Date d : h.workdays) {
      rows.emplace_back(d,
                        fmt::format("{}\twork\t{}\n", format_date(d), names));
    }
  }
  std::sort(rows.begin(), rows.end());
  std::string out;
  for (const auto& [d, row] : rows) {
    out += row;
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
                          const WorkCalendar& cal) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["year"] = year;
  j["covered"] = y != nullptr && y->origin != Origin::provisional;
  j["basis"] = y == nullptr                       ? "weekdays"
               : y->origin == Origin::provisional ? "provisional"
                                                  : "official";
  if (y != nullptr) {
    j["notice"] = y->notice;
    j["origin"] = origin_name(y->origin);
    auto holidays = Json::array();
    for (const Holiday& h : y->holidays) {
      Json hj;
      hj["name"] = h.name.by_lang;
      hj["off"] = {{"from", format_date(h.first_off)},
                   {"to", format_date(h.last_off)}};
      auto work = Json::array();
      for (Date d : h.workdays) {
        work.push_back(format_date(d));
      }
      hj["work"] = work;
      if (y->origin == Origin::provisional) {
        auto assumed = Json::array();
        for (Date d : h.assumed) {
          assumed.push_back(format_date(d));
        }
        hj["assumed"] = assumed;
      }
      holidays.push_back(hj);
    }
    j["holidays"] = holidays;
  }
  auto tables = Json::array();
  auto provisional = Json::array();
  for (const HolidayYear& t : cal.years()) {
    if (t.origin != Origin::provisional) {
      tables.push_back(year_json(t));
    } else if (!provisional.empty() &&
               provisional.back()["to"].get<int>() == t.year - 1) {
      provisional.back()["to"] = t.year;
    } else {
      provisional.push_back(Json{{"from", t.year}, {"to", t.year}});
    }
  }
  j["tables"] = tables;
  j["provisional"] = provisional;
  return j.dump(2) + "\n";
}

}  // namespace

void add_holidays(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "holidays",
      "A year's holiday schedule (official or provisional) and the tables' "
      "coverage");
  auto year_arg = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto provisional = std::make_shared<bool>(false);
  cmd->add_option("YEAR", *year_arg, "Notice-year (default: this year)");
  cmd->add_flag("--provisional", *provisional,
                "The provisional schedule rpx estimates for YEAR (2000–2100), "
                "even when an official table exists");
  cmd->add_option("--format", *format, "text, json or tsv")
      ->check(CLI::IsMember({"text", "json", "tsv"}));
  add_holidays_import(*cmd, ctx);
  cmd->callback([&ctx, year_arg, format, provisional] {
    if (ctx.run) {
      return;  // a subcommand (import) chose
    }
    ctx.run = [&ctx, year_arg, format, provisional] {
      if (year_arg->empty() && !*provisional) {
        if (*format == "tsv") {
          throw UsageError(
              "--format tsv needs a YEAR: rpx holidays YEAR --format tsv");
        }
        return holidays_overview(ctx, *format);
      }
      const int year =
          year_arg->empty()
              ? static_cast<int>(date::year_month_day{ctx.today()}.year())
              : static_cast<int>(
                    require_integer(*year_arg, k_min_year, k_max_year, "YEAR"));
      const WorkCalendar& cal = ctx.calendar();
      std::optional<HolidayYear> estimate;
      if (*provisional) {
        if (year < k_provisional_first_year) {
          throw UsageError(fmt::format(
              "no provisional schedule for {}: rpx estimates 2000–2100, the "
              "years of the 1999 holiday law and after",
              year));
        }
        estimate = provisional_year(bundled_holiday_model(), year);
      }
      const HolidayYear* y = estimate ? &*estimate : cal.notice(year);
      if (*format == "json") {
        fmt::print("{}", schedule_json(y, year, cal));
      } else if (*format == "tsv") {
        fmt::print("{}", y != nullptr ? schedule_tsv(*y) : std::string());
      } else if (y != nullptr && y->origin == Origin::provisional) {
        fmt::print("{}\n{}", provisional_text(*y, cal),
                   coverage_text(cal.years()));
      } else if (y != nullptr) {
        fmt::print("{}\n{}", official_text(*y), coverage_text(cal.years()));
      } else {
        fmt::print(
            "No holiday schedule for {}: rpx has no table for it and "
            "estimates only 2000–2100, so dates in {} assume "
            "Monday–Friday.\n\n{}",
            year, year, coverage_text(cal.years()));
      }
      if (*provisional || (y != nullptr && y->origin != Origin::provisional)) {
        return exit_status::k_ok;
      }
      return exit_status::k_no_table;
    };
  });
}

}  // namespace rpx::cli
