// `rpx holidays`: one notice-year's schedule, where every year's table
// comes from, and the overview of all years.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/provisional.hpp>
#include <rpx/render_holidays.hpp>

#include "render_detail.hpp"

namespace rpx {

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
      return tr("holidays.source.bundled");
    case Origin::provisional:
      return tr("holidays.source.provisional");
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
    return tr("holidays.no_tables") + "\n";
  }
  std::string out = tr("holidays.tables") + "\n";
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
    out.push_back(show_weekday_date(d));
  }
  return out;
}

std::string holidays_text(const HolidayYear& y) {
  std::string out;
  for (const Holiday& h : y.holidays) {
    const std::string& name = render_detail::local(h.name);
    out +=
        output_lang() != Lang::zh && h.name.has("zh")
            ? tr("info.with_chinese", {{"text", name}, {"zh", h.name.in("zh")}})
            : name;
    out += "\n";
    const auto n = (h.last_off - h.first_off).count() + 1;
    using render_detail::field;
    constexpr std::size_t k_label = 9;  // "guessed  " in English
    out += field(
        "  ", "holidays.off", k_label,
        n == 1
            ? tr("holidays.one_day", {{"date", show_weekday_date(h.first_off)}})
            : tr("holidays.days", {{"first", show_weekday_date(h.first_off)},
                                   {"last", show_weekday_date(h.last_off)},
                                   {"n", n}}));
    const std::string sep = tr("deadline.reason_separator");
    if (!h.workdays.empty()) {
      out += field("  ", "holidays.work", k_label,
                   fmt::format("{}", fmt::join(dates(h.workdays), sep)));
    }
    if (!h.assumed.empty()) {
      out += field("  ", "holidays.guessed", k_label,
                   fmt::format("{}", fmt::join(dates(h.assumed), sep)));
    }
  }
  return out;
}

std::string official_text(const HolidayYear& y) {
  return tr("holidays.official_title", {{"year", y.year},
                                        {"notice", y.notice},
                                        {"source", source_of(y)}}) +
         "\n\n" + holidays_text(y);
}

/// Why a provisional schedule is shown, for notice-year `year`.
std::string provisional_reason(const std::vector<HolidayYear>& tables,
                               int year) {
  const HolidayYear* loaded = find_year(tables, year);
  if (loaded != nullptr && loaded->origin != Origin::provisional) {
    return tr("holidays.reason.loaded", {{"year", year}});
  }
  switch (missing_table(tables, year)) {
    case MissingTable::before_tables:
      return tr("holidays.reason.before_tables",
                {{"first", first_official_year(tables)}, {"year", year}});
    case MissingTable::not_loaded:
      return tr("calendar.missing.not_loaded", {{"year", year}});
    case MissingTable::unpublished:
      break;
  }
  return tr("holidays.reason.unpublished", {{"year", year}});
}

/// "国务院令第795号 (2024)": the law a provisional schedule follows.
std::string law_of(const HolidayYear& y) {
  const LawVersion* law = law_in_force(bundled_holiday_model(), y.year);
  if (law == nullptr) {
    return tr("holidays.the_law");
  }
  return law->law.substr(0, law->law.find(','));
}

std::string provisional_text(const HolidayYear& y,
                             const std::vector<HolidayYear>& tables) {
  return tr("holidays.provisional_title",
            {{"year", y.year},
             {"law", law_of(y)},
             {"reason", provisional_reason(tables, y.year)}}) +
         "\n\n" + holidays_text(y);
}

nlohmann::ordered_json year_json(const HolidayYear& y) {
  nlohmann::ordered_json j;
  j["year"] = y.year;
  j["origin"] = origin_name(y.origin);
  j["path"] = y.path.empty() ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json(y.path);
  return j;
}

/// Where a year's schedule comes from, as `rpx holidays` prints it:
/// `kind` for JSON, `text` for people.
struct Source {
  std::string_view kind;
  std::string text;
};

Source source_of_year(const HolidayYear* y) {
  if (y == nullptr) {
    return {"none", tr("holidays.source.none")};
  }
  switch (y->origin) {
    case Origin::bundled:
      return {"bundled", tr("holidays.source.bundled")};
    case Origin::system:
      return {"system", tr("holidays.source.installed", {{"path", y->path}})};
    case Origin::user:
      return {"user", tr("holidays.source.installed", {{"path", y->path}})};
    case Origin::file:
      return {"file", fmt::format("--holidays {}", y->path)};
    case Origin::provisional:
      return {"provisional", tr("holidays.source.provisional")};
  }
  return {"none", ""};
}

/// The years `rpx holidays` lists one by one: the official ones and the
/// next, and `this_year` and the next.
struct Span {
  int first = 0;
  int last = 0;
};

Span listed_years(const std::vector<HolidayYear>& tables, int this_year) {
  const int first_official = first_official_year(tables);
  return {first_official == 0 ? this_year : std::min(first_official, this_year),
          std::max(last_official_year(tables), this_year + 1)};
}

}  // namespace

std::string render_holidays_text(const HolidayYear* y, int year,
                                 const std::vector<HolidayYear>& tables) {
  if (y != nullptr && y->origin == Origin::provisional) {
    return fmt::format("{}\n{}", provisional_text(*y, tables),
                       coverage_text(tables));
  }
  if (y != nullptr) {
    return fmt::format("{}\n{}", official_text(*y), coverage_text(tables));
  }
  return tr("holidays.none_for_year",
            {{"year", year},
             {"first", k_provisional_first_year},
             // The last estimate a YEAR can ask for.
             {"last", std::min(k_provisional_last_year, k_max_year)}}) +
         "\n\n" + coverage_text(tables);
}

std::string render_holidays_tsv(const HolidayYear* y) {
  std::vector<std::pair<Date, std::string>> rows;
  if (y == nullptr) {
    return "";
  }
  for (const Holiday& h : y->holidays) {
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

std::string render_holidays_json(const HolidayYear* y, int year,
                                 const std::vector<HolidayYear>& tables) {
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
  auto official = Json::array();
  auto provisional = Json::array();
  for (const HolidayYear& t : tables) {
    if (t.origin != Origin::provisional) {
      official.push_back(year_json(t));
    } else if (!provisional.empty() &&
               provisional.back()["to"].get<int>() == t.year - 1) {
      provisional.back()["to"] = t.year;
    } else {
      provisional.push_back(Json{{"from", t.year}, {"to", t.year}});
    }
  }
  j["tables"] = official;
  j["provisional"] = provisional;
  return j.dump(2) + "\n";
}

std::string render_holidays_overview_text(
    const std::vector<HolidayYear>& tables, int this_year) {
  // The official years and the next one; the provisional years before and
  // after them in one line each.
  const auto [first, last] = listed_years(tables, this_year);
  std::string text = tr("holidays.overview.title") + "\n";
  if (first > k_provisional_first_year) {
    text += fmt::format("  {}–{}  {}\n", k_provisional_first_year, first - 1,
                        tr("holidays.overview.before"));
  }
  for (int year = first; year <= last; ++year) {
    text += fmt::format("  {}  {}\n", year,
                        source_of_year(find_year(tables, year)).text);
  }
  if (last < k_provisional_last_year) {
    text += fmt::format("  {}–{}  {}\n", last + 1, k_provisional_last_year,
                        tr("holidays.overview.after"));
  }
  text += tr("holidays.overview.other_years") + "\n";
  return text;
}

std::string render_holidays_overview_json(
    const std::vector<HolidayYear>& tables, int this_year) {
  const auto [first, last] = listed_years(tables, this_year);
  auto years = nlohmann::ordered_json::array();
  for (int year = first; year <= last; ++year) {
    const HolidayYear* y = find_year(tables, year);
    years.push_back({{"year", year},
                     {"origin", source_of_year(y).kind},
                     {"path", y != nullptr && !y->path.empty()
                                  ? nlohmann::ordered_json(y->path)
                                  : nlohmann::ordered_json(nullptr)}});
  }
  return fmt::format("{}\n", nlohmann::ordered_json{{"years", years}}.dump(2));
}

}  // namespace rpx
