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
  return day.holiday ? local(*day.holiday) : tr("deadline.weekend");
}

}  // namespace

std::string filing_day_clause(const DayFacts& day) {
  if (day.kind == DayKind::holiday) {
    return tr(day.provisional_year != 0
                  ? "deadline.falls_in_holiday_provisional"
                  : "deadline.falls_in_holiday",
              {{"holiday", local(*day.holiday)},
               {"first", show_date(day.holiday_first_off)},
               {"last", show_date(day.holiday_last_off)}});
  }
  if (day.kind == DayKind::adjusted_workday) {
    return tr("deadline.falls_on_guessed_workday",
              {{"weekday", show_weekday(day.date)},
               {"holiday", local(*day.holiday)}});
  }
  return tr("deadline.falls_on_weekend", {{"weekday", show_weekday(day.date)}});
}

std::string also_closed_clause(const Deadline& dl) {
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
  if (others.empty()) {
    return "";
  }
  return tr("deadline.also_closed",
            {{"from", show_weekday_date(dl.last_office_day + days{1})},
             {"reasons",
              fmt::format(
                  "{}", fmt::join(others, tr("deadline.reason_separator")))}});
}

std::string moved_explanation(const Deadline& dl, std::string_view indent) {
  if (dl.moved_by == MovedBy::none) {
    return "";
  }
  std::string out =
      std::string(indent) + filing_day_clause(dl.filing_day) + "\n";
  if (const std::string also = also_closed_clause(dl); !also.empty()) {
    out += std::string(indent) + also + "\n";
  }
  return out;
}

std::string last_office_day_clause(const Deadline& dl) {
  if (dl.last_office_day == dl.filing_deadline) {
    return tr("deadline.clause.itself");
  }
  if (dl.last_office.kind == DayKind::adjusted_workday) {
    return tr("deadline.clause.adjusted",
              {{"holiday", local(*dl.last_office.holiday)}});
  }
  return "";
}

std::string last_office_day_qualifier(const Deadline& dl) {
  const std::string clause = last_office_day_clause(dl);
  return clause.empty() ? clause
                        : tr("deadline.qualifier", {{"clause", clause}});
}

}  // namespace render_detail

using render_detail::local;

std::string relative_days(int n) {
  if (n == 0) {
    return tr("relative.today");
  }
  if (n == 1) {
    return tr("relative.tomorrow");
  }
  if (n == -1) {
    return tr("relative.yesterday");
  }
  return n > 0 ? tr("relative.in_days", {{"n", n}})
               : tr("relative.days_ago", {{"n", -n}});
}

std::string describe_day(const DayFacts& day) {
  const std::string source =
      day.provisional_year == 0 ? std::string()
      : day.assumed
          ? tr("day.source.provisional_guess", {{"year", day.provisional_year}})
          : tr("day.source.provisional", {{"year", day.provisional_year}});
  switch (day.kind) {
    case DayKind::holiday:
      return tr("day.holiday",
                {{"holiday", local(*day.holiday)}, {"source", source}});
    case DayKind::adjusted_workday:
      return tr("day.adjusted_workday", {{"weekday", show_weekday(day.date)},
                                         {"holiday", local(*day.holiday)},
                                         {"source", source}});
    case DayKind::weekend:
    case DayKind::workday:
      break;
  }
  return tr("day.plain", {{"weekday", show_weekday(day.date)}});
}

std::string render_is_workday(const DayFacts& day, bool workday,
                              const CalendarNote& note) {
  std::string out =
      tr(workday ? "workdays.is_workday" : "workdays.is_not_workday",
         {{"date", show_date(day.date)}, {"why", describe_day(day)}}) +
      "\n";
  if (note.basis != Basis::official) {
    out += render_detail::warning_label() + " " +
           tr("workdays.may_change",
              {{"warning", calendar_warning(note, tr("subject.answer"))}}) +
           "\n";
  }
  return out;
}

std::string render_deadline_text(const Deadline& dl, const Rules& rules) {
  using render_detail::field;
  constexpr std::size_t k_label = 18;  // "Filing deadline   " in English
  std::string out;
  out +=
      field("", "label.permit_expires", k_label, show_weekday_date(dl.expiry));
  out += field("", "label.filing_deadline", k_label,
               tr("status.days_before_expiry",
                  {{"date", show_weekday_date(dl.filing_deadline)},
                   {"n", rules.advance_days.count()}}));
  out += render_detail::moved_explanation(dl, std::string(k_label, ' '));
  out += field("", "label.last_office_day", k_label,
               show_weekday_date(dl.last_office_day) +
                   render_detail::last_office_day_qualifier(dl));
  for (const std::string& w : deadline_warnings(dl)) {
    out += render_detail::warning_label() + " " + w + "\n";
  }
  return out;
}

std::string render_deadline_json(const Deadline& dl, const Rules& rules) {
  const OutputLangScope english(Lang::en);  // machine output
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
  std::string out = tr("deadline.summary",
                       {{"last", show_weekday_date(a.deadline.last_office_day)},
                        {"relative", relative_days(a.days_to_deadline)},
                        {"expiry", show_weekday_date(a.deadline.expiry)}}) +
                    "\n";
  for (const std::string& w : assessment_warnings(a)) {
    out += render_detail::warning_label() + " " + w + "\n";
  }
  return out;
}

}  // namespace rpx
