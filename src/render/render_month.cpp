// `rpx calendar`: the month grid, its legend and its JSON.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/messages.hpp>
#include <rpx/render_month.hpp>
#include <rpx/utf8.hpp>

#include "json_detail.hpp"
#include "palette.hpp"
#include "render_detail.hpp"

namespace rpx {

namespace {

using render_detail::Paint;

constexpr std::size_t k_cell = 3;            // "DD" and a mark
constexpr std::size_t k_block = 7 * k_cell;  // a month: 21 columns
constexpr std::size_t k_gap = 2;             // between months
constexpr int k_most_side_by_side = 3;
constexpr std::string_view k_reverse = "7";
constexpr std::string_view k_underline = "4";

/// The letters of the student's dates, in DateMark's order.
constexpr char k_letters[] = {'L', 'D', 'E', 'R'};

/// The first of the student's dates that falls on `d`, if any.
std::optional<DateMark> student_mark(const MonthDay& d) {
  for (int m = 0; m < k_date_mark_count; ++m) {
    const auto mark = static_cast<DateMark>(m);
    if (mark != DateMark::today && d.has(mark)) {
      return mark;
    }
  }
  return std::nullopt;
}

/// A day's mark in the grid. The student's dates come first; then what the
/// holiday schedule says, provisional days told apart.
char mark_of(const MonthDay& d) {
  if (const auto mark = student_mark(d)) {
    return k_letters[static_cast<int>(*mark)];
  }
  const bool provisional = d.basis == Basis::provisional;
  switch (d.facts.kind) {
    case DayKind::holiday:
      return provisional ? '?' : '*';
    case DayKind::adjusted_workday:
      return provisional ? '!' : '+';
    case DayKind::workday:
    case DayKind::weekend:
      break;
  }
  return ' ';
}

/// The day's colour: red off, yellow worked weekend (bold when official),
/// reverse video for a student's date, underlined today.
std::string colour_of(const MonthDay& d) {
  std::vector<std::string_view> codes;
  if (d.has(DateMark::today)) {
    codes.push_back(k_underline);
  }
  if (student_mark(d)) {
    codes.push_back(k_reverse);
  }
  const bool official = d.basis == Basis::official;
  if (d.facts.kind == DayKind::holiday) {
    codes.push_back(official ? render_detail::k_red : "31");
  } else if (d.facts.kind == DayKind::adjusted_workday) {
    codes.push_back(official ? render_detail::k_yellow : "33");
  }
  return fmt::format("{}", fmt::join(codes, ";"));
}

/// `text` centred in `width` columns (the extra column on the left, as cal
/// does), without trailing spaces.
std::string centred(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  const std::size_t left = w >= width ? 0 : (width - w + 1) / 2;
  return std::string(left, ' ') + std::string(text);
}

/// One month as lines of exactly `k_block` columns (the title centred),
/// `rows` week rows. Colour escapes take no columns.
std::vector<std::string> month_lines(const MonthView& view, std::size_t first,
                                     int year, unsigned month, bool with_year,
                                     int rows, Paint paint) {
  const std::string name = tr(fmt::format("month.name.{}", month));
  const std::string title =
      with_year ? tr("month.title", {{"month", name}, {"year", year}}) : name;
  std::vector<std::string> lines;
  lines.push_back(render_detail::pad_right(centred(title, k_block), k_block));
  lines.push_back(render_detail::pad_right(tr("month.weekdays"), k_block));
  const date::year_month_day ymd{view.days[first].facts.date};
  const unsigned days = static_cast<unsigned>(
      (date::year{ymd.year()} / date::month{month} / date::last).day());
  // Monday = 0 .. Sunday = 6.
  const unsigned lead =
      (date::weekday{view.days[first].facts.date}.iso_encoding() + 6) % 7;
  std::string row;
  for (unsigned cell = 0; cell < 7 * static_cast<unsigned>(rows); ++cell) {
    const bool in_month = cell >= lead && cell - lead < days;
    std::string text(k_cell, ' ');
    if (in_month) {
      const MonthDay& d = view.days[first + (cell - lead)];
      const unsigned n = cell - lead + 1;
      std::string digits = fmt::format("{:>2}", n);
      const std::string colour = colour_of(d);
      if (!colour.empty()) {
        digits = paint(colour, digits);
      }
      text = digits + mark_of(d);
    }
    if (cell % 7 == 6) {
      lines.push_back(row + text);
      row.clear();
    } else {
      row += text;
    }
  }
  return lines;
}

/// The number of week rows a month takes.
int week_rows(Date first_of_month, unsigned days) {
  const unsigned lead = (date::weekday{first_of_month}.iso_encoding() + 6) % 7;
  return static_cast<int>((lead + days + 6) / 7);
}

/// Drops the spaces at the end of each line.
std::string trimmed_line(std::string line) {
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  return line;
}

/// The grid: the months `side` at a time.
std::string grid(const MonthView& view, std::size_t side, Paint paint) {
  std::string out;
  if (view.whole_year) {
    const std::size_t total = side * k_block + (side - 1) * k_gap;
    out += centred(fmt::format("{}", view.first_year), total) + "\n\n";
  }
  // The index in `days` of each month's first day.
  std::vector<std::size_t> starts;
  std::vector<unsigned> lengths;
  std::size_t at = 0;
  while (at < view.days.size()) {
    starts.push_back(at);
    const date::year_month_day ymd{view.days[at].facts.date};
    const auto n =
        static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
    lengths.push_back(n);
    at += n;
  }
  for (std::size_t band = 0; band < starts.size(); band += side) {
    const std::size_t end = std::min(starts.size(), band + side);
    int rows = 0;
    for (std::size_t m = band; m < end; ++m) {
      rows = std::max(rows,
                      week_rows(view.days[starts[m]].facts.date, lengths[m]));
    }
    std::vector<std::vector<std::string>> blocks;
    for (std::size_t m = band; m < end; ++m) {
      const date::year_month_day ymd{view.days[starts[m]].facts.date};
      blocks.push_back(month_lines(view, starts[m], int{ymd.year()},
                                   unsigned{ymd.month()}, !view.whole_year,
                                   rows, paint));
    }
    if (band > 0) {
      out += "\n";
    }
    for (std::size_t line = 0; line < blocks.front().size(); ++line) {
      std::string text;
      for (std::size_t b = 0; b < blocks.size(); ++b) {
        if (b > 0) {
          text += std::string(k_gap, ' ');
        }
        text += blocks[b][line];
      }
      out += trimmed_line(std::move(text)) + "\n";
    }
  }
  return out;
}

/// The legend's line for a mark: "*  day off".
std::string mark_line(char mark, std::string_view key) {
  return fmt::format("{}  {}\n", mark, tr(key));
}

std::string holiday_line(const MonthHoliday& h) {
  const std::string& name = render_detail::local(h.name);
  std::string out =
      h.first_off == h.last_off
          ? tr("month.holiday_day",
               {{"holiday", name}, {"date", show_date(h.first_off)}})
          : tr("month.holiday_days", {{"holiday", name},
                                      {"first", show_date(h.first_off)},
                                      {"last", show_date(h.last_off)}});
  out += render_detail::worked_clause(h.worked);
  if (h.basis == Basis::provisional) {
    out += tr("month.provisional_suffix");
  }
  return out + "\n";
}

std::string legend(const MonthView& view, bool colour) {
  bool seen[128] = {};
  bool weekdays = false;
  bool today = false;
  std::optional<Date> first_provisional;
  Date last_provisional;
  for (const MonthDay& d : view.days) {
    seen[static_cast<unsigned char>(mark_of(d))] = true;
    weekdays = weekdays || d.basis == Basis::weekdays;
    today = today || d.has(DateMark::today);
    if (d.basis == Basis::provisional) {
      if (!first_provisional) {
        first_provisional = d.facts.date;
      }
      last_provisional = d.facts.date;
    }
  }
  std::string out;
  const std::pair<char, std::string_view> marks[] = {
      {'*', "month.legend.off"},
      {'+', "month.legend.worked"},
      {'?', "month.legend.provisional_off"},
      {'!', "month.legend.provisional_worked"}};
  for (const auto& [mark, key] : marks) {
    if (seen[static_cast<unsigned char>(mark)]) {
      out += mark_line(mark, key);
    }
  }
  if (colour && today) {
    out += fmt::format("{}\n", tr("month.legend.today"));
  }
  for (const MonthHoliday& h : view.holidays) {
    out += "   " + holiday_line(h);  // under the marks' words
  }
  if (first_provisional) {
    out += tr("month.legend.provisional_days",
              {{"first", show_date(*first_provisional)},
               {"last", show_date(last_provisional)}}) +
           "\n";
  }
  if (weekdays) {
    out += tr("month.legend.weekdays") + "\n";
  }
  if (view.student) {
    const MonthStudent& s = *view.student;
    std::string who = printable(s.name.empty() ? s.file : s.name);
    if (!s.student_id.empty()) {
      who += " (" + printable(s.student_id) + ")";
    }
    out += who + "\n";
    std::vector<std::pair<std::string_view, Date>> dates{
        {"label.last_office_day", s.last_office_day},
        {"label.filing_deadline", s.filing_deadline},
        {"label.permit_expires", s.expiry}};
    if (s.ready_estimate) {
      dates.emplace_back("label.passport_back", *s.ready_estimate);
    }
    std::size_t width = 0;
    for (const auto& [key, date] : dates) {
      width = std::max(width, display_width(tr(key)));
    }
    for (std::size_t i = 0; i < dates.size(); ++i) {
      out +=
          fmt::format("{}  {}{}\n", k_letters[i],
                      render_detail::pad_right(tr(dates[i].first), width + 2),
                      show_weekday_date(dates[i].second));
    }
  }
  return out.empty() ? out : "\n" + out;
}

}  // namespace

std::string_view date_mark_name(DateMark m) noexcept {
  switch (m) {
    case DateMark::last_office_day:
      return "last_office_day";
    case DateMark::filing_deadline:
      return "filing_deadline";
    case DateMark::expiry:
      return "expiry";
    case DateMark::ready_estimate:
      return "ready_estimate";
    case DateMark::today:
      break;
  }
  return "today";
}

std::string render_month_text(const MonthView& view, TextStyle style) {
  std::size_t side = k_most_side_by_side;
  if (style.width != k_no_width_limit) {
    side = std::clamp<std::size_t>((style.width + k_gap) / (k_block + k_gap), 1,
                                   k_most_side_by_side);
  }
  side = std::min(side, static_cast<std::size_t>(view.months));
  return grid(view, side, Paint{style.color}) +
         wrap_text(legend(view, style.color), style.width);
}

std::string render_month_json(const MonthView& view) {
  const OutputLangScope english(Lang::en);  // machine output
  using Json = nlohmann::ordered_json;
  Json j;
  j["from"] = format_date(view.days.front().facts.date);
  j["to"] = format_date(view.days.back().facts.date);
  j["today"] = format_date(view.today);
  if (view.student) {
    const MonthStudent& s = *view.student;
    j["student"] = {
        {"file", s.file},
        {"name", s.name},
        {"student_id", s.student_id},
        {"last_office_day", format_date(s.last_office_day)},
        {"filing_deadline", format_date(s.filing_deadline)},
        {"expiry", format_date(s.expiry)},
        {"ready_estimate", render_detail::date_or_null(s.ready_estimate)}};
  } else {
    j["student"] = nullptr;
  }
  auto days = Json::array();
  for (const MonthDay& d : view.days) {
    Json day;
    day["date"] = format_date(d.facts.date);
    day["weekday"] = weekday_name(d.facts.date);
    day["workday"] = d.facts.kind == DayKind::workday ||
                     d.facts.kind == DayKind::adjusted_workday;
    day["kind"] = day_kind_name(d.facts.kind);
    day["holiday"] =
        d.facts.holiday ? Json(d.facts.holiday->en()) : Json(nullptr);
    day["basis"] = basis_name(d.basis);
    day["assumed"] = d.facts.assumed;
    auto marks = Json::array();
    for (int m = 0; m < k_date_mark_count; ++m) {
      if (d.has(static_cast<DateMark>(m))) {
        marks.push_back(date_mark_name(static_cast<DateMark>(m)));
      }
    }
    day["marks"] = std::move(marks);
    days.push_back(std::move(day));
  }
  j["days"] = std::move(days);
  auto holidays = Json::array();
  for (const MonthHoliday& h : view.holidays) {
    Json worked = Json::array();
    for (Date d : h.worked) {
      worked.push_back(format_date(d));
    }
    holidays.push_back({{"name", h.name.en()},
                        {"name_zh", h.name.in("zh")},
                        {"first_off", format_date(h.first_off)},
                        {"last_off", format_date(h.last_off)},
                        {"worked", std::move(worked)},
                        {"basis", basis_name(h.basis)}});
  }
  j["holidays"] = std::move(holidays);
  return j.dump(2) + "\n";
}

}  // namespace rpx
