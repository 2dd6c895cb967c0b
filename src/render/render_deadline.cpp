#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/render.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace render_detail {

using date::days;

namespace {

/// "Spring Festival" or "weekend": why the office is closed on a day.
std::string closed_reason(const DayFacts& day) {
  return day.holiday ? day.holiday->en() : "weekend";
}

/// The first line: why the office is closed on the filing deadline.
std::string filing_day_line(const DayFacts& day, std::string_view indent) {
  if (day.kind == DayKind::holiday) {
    return fmt::format(
        "{}falls in the {} holiday, {} to {}{}: the office is "
        "closed\n",
        indent, day.holiday->en(), format_date(day.holiday_first_off),
        format_date(day.holiday_last_off),
        day.provisional_year != 0 ? " (provisional)" : "");
  }
  if (day.kind == DayKind::adjusted_workday) {
    return fmt::format(
        "{}falls on a {} that rpx's provisional schedule guesses is a "
        "working day for {}: too uncertain for a deadline\n",
        indent, weekday_name(day.date), day.holiday->en());
  }
  return fmt::format("{}falls on a {}: the office is closed on weekends\n",
                     indent, weekday_name(day.date));
}

}  // namespace

std::string moved_explanation(const Deadline& dl, std::string_view indent) {
  if (dl.moved_by == MovedBy::none) {
    return "";
  }
  std::string out = filing_day_line(dl.filing_day, indent);
  // Every day in (last office day, filing deadline] is closed; name the
  // reasons other than the deadline's own.
  std::vector<std::string> others;
  const std::string own = closed_reason(dl.filing_day);
  for (const DayFacts& day : dl.closed_days) {
    const std::string r = closed_reason(day);
    if (r != own &&
        std::find(others.begin(), others.end(), r) == others.end()) {
      others.push_back(r);
    }
  }
  if (!others.empty()) {
    out += fmt::format("{}the office is also closed from {} ({})\n", indent,
                       format_weekday_date(dl.last_office_day + days{1}),
                       fmt::join(others, ", "));
  }
  return out;
}

std::string last_office_day_qualifier(const Deadline& dl) {
  if (dl.last_office_day == dl.filing_deadline) {
    return ", the filing deadline itself";
  }
  if (dl.last_office.kind == DayKind::adjusted_workday) {
    return fmt::format(", an adjusted workday for {}",
                       dl.last_office.holiday->en());
  }
  return "";
}

}  // namespace render_detail

std::string relative_days(int n) {
  if (n == 0) {
    return "today";
  }
  if (n == 1) {
    return "tomorrow";
  }
  if (n == -1) {
    return "yesterday";
  }
  return n > 0 ? fmt::format("in {} days", n) : fmt::format("{} days ago", -n);
}

std::string describe_day(const DayFacts& day) {
  const std::string source =
      day.provisional_year != 0
          ? fmt::format(" in rpx's provisional {} schedule{}",
                        day.provisional_year,
                        day.assumed ? " (a guess of the usual pattern)" : "")
          : std::string();
  switch (day.kind) {
    case DayKind::holiday:
      return fmt::format("a day off for {}{}", day.holiday->en(), source);
    case DayKind::adjusted_workday:
      return fmt::format("a {} declared a working day for {}{}",
                         weekday_name(day.date), day.holiday->en(), source);
    case DayKind::weekend:
    case DayKind::workday:
      break;
  }
  return fmt::format("a {}", weekday_name(day.date));
}

std::string render_is_workday(const DayFacts& day, bool workday,
                              const CalendarNote& note) {
  std::string out =
      fmt::format("{} is {}: {}\n", format_date(day.date),
                  workday ? "a workday" : "not a workday", describe_day(day));
  if (note.basis != Basis::official) {
    out += fmt::format("warning: {}; this answer may change\n",
                       calendar_warning(note, "the answer"));
  }
  return out;
}

std::string render_deadline_text(const Deadline& dl, const Rules& rules) {
  std::string out;
  out += fmt::format("Permit expires    {}\n", format_weekday_date(dl.expiry));
  out += fmt::format("Filing deadline   {} ({} days before expiry)\n",
                     format_weekday_date(dl.filing_deadline),
                     rules.advance_days.count());
  out += render_detail::moved_explanation(dl, "                  ");
  out += fmt::format("Last office day   {}{}\n",
                     format_weekday_date(dl.last_office_day),
                     render_detail::last_office_day_qualifier(dl));
  for (const std::string& w : deadline_warnings(dl)) {
    out += fmt::format("warning: {}\n", w);
  }
  return out;
}

std::string render_deadline_json(const Deadline& dl, const Rules& rules) {
  nlohmann::ordered_json j;
  j["expiry"] = format_date(dl.expiry);
  j["advance_days"] = rules.advance_days.count();
  j["filing_deadline"] = format_date(dl.filing_deadline);
  j["last_office_day"] = format_date(dl.last_office_day);
  j["deadline_moved_by"] =
      dl.moved_by == MovedBy::none
          ? nlohmann::ordered_json(nullptr)
          : nlohmann::ordered_json(moved_by_name(dl.moved_by));
  j["deadline_holiday"] = dl.holiday ? nlohmann::ordered_json(dl.holiday->en())
                                     : nlohmann::ordered_json(nullptr);
  j["calendar_covered"] = dl.covered;
  j["calendar_basis"] = basis_name(dl.note.basis);
  j["warnings"] = deadline_warnings(dl);
  return j.dump(2) + "\n";
}

std::string render_deadline_summary(const Assessment& a) {
  std::string out = fmt::format("Last office day {} ({}); permit expires {}.\n",
                                format_weekday_date(a.deadline.last_office_day),
                                relative_days(a.days_to_deadline),
                                format_weekday_date(a.deadline.expiry));
  for (const std::string& w : assessment_warnings(a)) {
    out += fmt::format("warning: {}\n", w);
  }
  return out;
}

}  // namespace rpx
