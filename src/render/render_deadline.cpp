#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/render.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace render_detail {

using date::days;

namespace {

/// "Spring Festival" or "weekend": why the office is closed on `d`.
std::string closed_reason(const DayInfo& day) {
  return day.holiday != nullptr ? day.holiday->name.en() : "weekend";
}

}  // namespace

std::string moved_explanation(const Deadline& dl, const WorkCalendar& cal,
                              std::string_view indent) {
  if (dl.moved_by == MovedBy::none) {
    return "";
  }
  const DayInfo day = cal.day(dl.filing_deadline);
  std::string out;
  const bool provisional =
      day.notice != nullptr && day.notice->origin == Origin::provisional;
  if (dl.moved_by == MovedBy::holiday) {
    out = fmt::format(
        "{}falls in the {} holiday, {} to {}{}: the office is "
        "closed\n",
        indent, day.holiday->name.en(), format_date(day.holiday->first_off),
        format_date(day.holiday->last_off),
        provisional ? " (provisional)" : "");
  } else if (day.kind == DayKind::adjusted_workday) {
    out = fmt::format(
        "{}falls on a {} that rpx's provisional schedule guesses is a "
        "working day for {}: too uncertain for a deadline\n",
        indent, weekday_name(dl.filing_deadline), day.holiday->name.en());
  } else {
    out = fmt::format("{}falls on a {}: the office is closed on weekends\n",
                      indent, weekday_name(dl.filing_deadline));
  }
  // Every day in (last office day, filing deadline] is closed; name the
  // reasons other than the deadline's own.
  std::vector<std::string> others;
  const std::string own = closed_reason(day);
  for (Date d = dl.last_office_day + days{1}; d < dl.filing_deadline;
       d += days{1}) {
    const std::string r = closed_reason(cal.day(d));
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

std::string last_office_day_qualifier(const Deadline& dl,
                                      const WorkCalendar& calendar) {
  if (dl.last_office_day == dl.filing_deadline) {
    return ", the filing deadline itself";
  }
  const DayInfo lod = calendar.day(dl.last_office_day);
  if (lod.kind == DayKind::adjusted_workday) {
    return fmt::format(", an adjusted workday for {}", lod.holiday->name.en());
  }
  return "";
}

std::string_view phase_colour(Phase p) noexcept {
  switch (p) {
    case Phase::expired:
    case Phase::overdue:
      return "1;31";
    case Phase::due:
      return "1;33";
    case Phase::ready:
    case Phase::collected:
      return "32";
    case Phase::processing:
    case Phase::upcoming:
      break;
  }
  return "36";
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

std::string describe_day(Date d, const WorkCalendar& calendar) {
  const DayInfo day = calendar.day(d);
  const std::string source =
      day.notice != nullptr && day.notice->origin == Origin::provisional
          ? fmt::format(" in rpx's provisional {} schedule{}", day.notice->year,
                        day.assumed ? " (a guess of the usual pattern)" : "")
          : std::string();
  switch (day.kind) {
    case DayKind::holiday:
      return fmt::format("a day off for {}{}", day.holiday->name.en(), source);
    case DayKind::adjusted_workday:
      return fmt::format("a {} declared a working day for {}{}",
                         weekday_name(d), day.holiday->name.en(), source);
    case DayKind::weekend:
    case DayKind::workday:
      break;
  }
  return fmt::format("a {}", weekday_name(d));
}

std::string render_deadline_text(const Deadline& dl, const Rules& rules,
                                 const WorkCalendar& calendar) {
  std::string out;
  out += fmt::format("Permit expires    {}\n", format_weekday_date(dl.expiry));
  out += fmt::format("Filing deadline   {} ({} days before expiry)\n",
                     format_weekday_date(dl.filing_deadline),
                     rules.advance_days.count());
  out += render_detail::moved_explanation(dl, calendar, "                  ");
  out += fmt::format("Last office day   {}{}\n",
                     format_weekday_date(dl.last_office_day),
                     render_detail::last_office_day_qualifier(dl, calendar));
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

}  // namespace rpx
