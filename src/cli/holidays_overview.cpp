// rpx holidays (no year): every notice-year and where its schedule comes
// from, so that anyone sees at a glance which years are official.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/provisional.hpp>

#include "commands.hpp"

namespace rpx::cli {

namespace {

/// Where a year's schedule comes from, as `rpx holidays` prints it:
/// `kind` for JSON, `text` for people.
struct Source {
  std::string_view kind;
  std::string text;
};

Source source_of_year(const HolidayYear* y) {
  if (y == nullptr) {
    return {"none", "not covered: Monday–Friday assumed"};
  }
  switch (y->origin) {
    case Origin::bundled:
      return {"bundled", "bundled with rpx"};
    case Origin::system:
      return {"system", fmt::format("installed: {}", y->path)};
    case Origin::user:
      return {"user", fmt::format("installed: {}", y->path)};
    case Origin::file:
      return {"file", fmt::format("--holidays {}", y->path)};
    case Origin::provisional:
      return {"provisional",
              "provisional: rpx's estimate from the law and the usual pattern"};
  }
  return {"none", ""};
}

}  // namespace

int holidays_overview(Context& ctx, const std::string& format) {
  const WorkCalendar& cal = ctx.calendar();
  const int this_year =
      static_cast<int>(date::year_month_day{ctx.today()}.year());
  // The official years and the next one; the provisional years before and
  // after them in one line each.
  const int first_official = cal.first_official_year();
  const int first =
      first_official == 0 ? this_year : std::min(first_official, this_year);
  const int last = std::max(cal.last_official_year(), this_year + 1);
  auto years = nlohmann::ordered_json::array();
  std::string text = "Holiday schedules by notice-year:\n";
  if (first > k_provisional_first_year) {
    text += fmt::format(
        "  {}–{}  provisional: rpx's estimate (no official "
        "table)\n",
        k_provisional_first_year, first - 1);
  }
  for (int year = first; year <= last; ++year) {
    const Source s = source_of_year(cal.notice(year));
    text += fmt::format("  {}  {}\n", year, s.text);
    const HolidayYear* y = cal.notice(year);
    years.push_back({{"year", year},
                     {"origin", s.kind},
                     {"path", y != nullptr && !y->path.empty()
                                  ? nlohmann::ordered_json(y->path)
                                  : nlohmann::ordered_json(nullptr)}});
  }
  if (last < k_provisional_last_year) {
    text += fmt::format(
        "  {}–{}  provisional: rpx's estimate until the notice is "
        "published\n",
        last + 1, k_provisional_last_year);
  }
  text += "Other years assume Monday–Friday.\n";
  if (format == "json") {
    fmt::print("{}\n", nlohmann::ordered_json{{"years", years}}.dump(2));
  } else {
    fmt::print("{}", text);
  }
  return exit_status::k_ok;
}

}  // namespace rpx::cli
