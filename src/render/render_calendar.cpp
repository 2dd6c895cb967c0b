// The calendar's notes in words: why an answer is provisional or assumes
// Monday–Friday.
#include <fmt/format.h>

#include <rpx/provisional.hpp>
#include <rpx/render.hpp>

namespace rpx {

namespace {

/// More assumed holidays than this are summed up, not named.
constexpr std::size_t k_max_named = 3;

std::string assumed_holiday(const Holiday& h) {
  std::string out =
      h.first_off == h.last_off
          ? fmt::format("{} assumed {}", h.name.en(), format_date(h.first_off))
          : fmt::format("{} assumed {} to {}", h.name.en(),
                        format_date(h.first_off), format_date(h.last_off));
  if (!h.workdays.empty()) {
    std::vector<std::string> work;
    for (Date d : h.workdays) {
      work.push_back(format_date(d));
    }
    out += fmt::format(", worked {}", fmt::join(work, " and "));
  }
  return out;
}

}  // namespace

std::string missing_reason(const CalendarNote& note) {
  switch (note.missing) {
    case MissingTable::before_tables:
      return note.basis == Basis::weekdays
                 ? fmt::format(
                       "rpx has no official table before {} and no estimate "
                       "before {}",
                       note.first_official_year, k_provisional_first_year)
                 : fmt::format("rpx has no official table before {}",
                               note.first_official_year);
    case MissingTable::not_loaded:
      return fmt::format("no official {} table is loaded", note.missing_year);
    case MissingTable::unpublished:
      break;
  }
  return fmt::format("the {} schedule is not published yet", note.missing_year);
}

std::string calendar_warning(const CalendarNote& note, std::string_view subject,
                             Number number) {
  const bool one = number == Number::singular;
  switch (note.basis) {
    case Basis::official:
      return "";
    case Basis::weekdays:
      return fmt::format(
          "{} {} on {}, which no holiday table covers ({}): "
          "Monday–Friday assumed",
          subject, one ? "depends" : "depend",
          format_date(note.first_uncovered), missing_reason(note));
    case Basis::provisional:
      break;
  }
  std::string assumed;
  if (note.assumed.empty()) {
    assumed =
        note.from == note.to
            ? fmt::format("no holiday or make-up day is assumed on {}",
                          format_date(note.from))
            : fmt::format("no holiday or make-up day is assumed from {} to {}",
                          format_date(note.from), format_date(note.to));
  } else if (note.assumed.size() > k_max_named) {
    // A long span (workdays add 2026-01-01 10000) names them in bulk.
    assumed = fmt::format(
        "{} holidays assumed from {} to {} (rpx holidays YEAR lists them)",
        note.assumed.size(), format_date(note.assumed.front().first_off),
        format_date(note.assumed.back().last_off));
  } else {
    std::vector<std::string> holidays;
    for (const Holiday& h : note.assumed) {
      holidays.push_back(assumed_holiday(h));
    }
    assumed = fmt::format("{}", fmt::join(holidays, "; "));
  }
  return fmt::format("{} {} provisional: {}; {}", subject, one ? "is" : "are",
                     missing_reason(note), assumed);
}

}  // namespace rpx
