// The calendar's notes in words: why an answer is provisional or assumes
// Monday–Friday.
#include <fmt/format.h>

#include <rpx/provisional.hpp>
#include <rpx/render.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace {

/// More assumed holidays than this are summed up, not named.
constexpr std::size_t k_max_named = 3;

std::string assumed_holiday(const Holiday& h) {
  const std::string& name = render_detail::local(h.name);
  std::string out =
      h.first_off == h.last_off
          ? tr("calendar.assumed_day",
               {{"holiday", name}, {"date", show_date(h.first_off)}})
          : tr("calendar.assumed_days", {{"holiday", name},
                                         {"first", show_date(h.first_off)},
                                         {"last", show_date(h.last_off)}});
  return out + render_detail::worked_clause(h.workdays);
}

/// What the provisional answer assumes: the holidays, or that there are
/// none.
std::string assumed_text(const CalendarNote& note) {
  if (note.assumed.empty()) {
    return note.from == note.to ? tr("calendar.none_assumed_on",
                                     {{"date", show_date(note.from)}})
                                : tr("calendar.none_assumed_from",
                                     {{"from", show_date(note.from)},
                                      {"to", show_date(note.to)}});
  }
  if (note.assumed.size() > k_max_named) {
    // A long span (workdays add 2026-01-01 10000) names them in bulk.
    return tr("calendar.many_assumed",
              {{"n", note.assumed.size()},
               {"from", show_date(note.assumed.front().first_off)},
               {"to", show_date(note.assumed.back().last_off)}});
  }
  std::vector<std::string> holidays;
  for (const Holiday& h : note.assumed) {
    holidays.push_back(assumed_holiday(h));
  }
  return fmt::format("{}", fmt::join(holidays, tr("calendar.list_separator")));
}

}  // namespace

std::string missing_reason(const CalendarNote& note) {
  switch (note.missing) {
    case MissingTable::before_tables:
      return note.basis == Basis::weekdays
                 ? tr("calendar.missing.before_tables_and_estimates",
                      {{"year", note.first_official_year},
                       {"first_estimate", k_provisional_first_year}})
                 : tr("calendar.missing.before_tables",
                      {{"year", note.first_official_year}});
    case MissingTable::not_loaded:
      return tr("calendar.missing.not_loaded", {{"year", note.missing_year}});
    case MissingTable::unpublished:
      break;
  }
  return tr("calendar.missing.unpublished", {{"year", note.missing_year}});
}

std::string calendar_warning(const CalendarNote& note, std::string_view subject,
                             Number number) {
  const bool one = number == Number::singular;
  switch (note.basis) {
    case Basis::official:
      return "";
    case Basis::weekdays:
      return tr(one ? "calendar.weekdays_one" : "calendar.weekdays_many",
                {{"subject", subject},
                 {"date", show_date(note.first_uncovered)},
                 {"reason", missing_reason(note)}});
    case Basis::provisional:
      break;
  }
  return tr(one ? "calendar.provisional_one" : "calendar.provisional_many",
            {{"subject", subject},
             {"reason", missing_reason(note)},
             {"assumed", assumed_text(note)}});
}

}  // namespace rpx
