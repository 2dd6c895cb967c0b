// Reading the provisional model's data files: the holiday law
// (data/provisional/statutory.json) and the arrangement's parameters
// (data/provisional/model.json), with the errors of the other data files.

#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/json_util.hpp>
#include <rpx/provisional.hpp>

namespace rpx {

namespace {

using json_util::Reader;

constexpr std::string_view k_law_format = "rpx-statutory/1";
constexpr std::string_view k_model_format = "rpx-holiday-model/1";
constexpr std::array<std::string_view, 7> k_weekdays = {
    "sunday",   "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday"};

void expect_format(const Reader& r, std::string_view format) {
  const Reader f = r["format"];
  if (!f.json().is_string() ||
      f.json().get_ref<const std::string&>() != format) {
    f.fail(Message("error.json.expected_value", {{"value", format}}));
  }
}

/// "MM-DD" of a real day (29 February refused: it is no holiday's day).
std::pair<int, int> read_month_day(const Reader& r) {
  const std::string s = r.string();
  const auto digit = [&](std::size_t i) {
    return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -100;
  };
  if (s.size() == 5 && s[2] == '-') {
    const int m = digit(0) * 10 + digit(1);
    const int d = digit(3) * 10 + digit(4);
    if (m >= 1 && m <= 12 && d >= 1 &&
        date::month_day{date::month(static_cast<unsigned>(m)),
                        date::day(static_cast<unsigned>(d))}
            .ok() &&
        !(m == 2 && d == 29)) {
      return {m, d};
    }
  }
  r.fail(Message("error.provisional.month_day", {{"value", s}}));
}

DayRule read_day_rule(const Reader& r) {
  r.expect_object();
  if (r.has("date")) {
    r.only({"date"});
    const auto [m, d] = read_month_day(r["date"]);
    return DayRule{DayRule::Kind::date, m, d};
  }
  if (r.has("lunar")) {
    r.only({"lunar"});
    const Reader l = r["lunar"];
    if (l.json().is_string() &&
        l.json().get_ref<const std::string&>() == "eve") {
      return DayRule{DayRule::Kind::eve, 0, 0};
    }
    const auto [m, d] = read_month_day(l);
    if (d > 29) {
      l.fail(Message("error.provisional.lunar_30"));
    }
    return DayRule{DayRule::Kind::lunar, m, d};
  }
  if (r.has("term")) {
    r.only({"term"});
    const Reader t = r["term"];
    if (t.string() != "qingming") {
      t.fail(Message("error.json.expected_value", {{"value", "qingming"}}));
    }
    return DayRule{DayRule::Kind::qingming, 0, 0};
  }
  r.fail(Message("error.provisional.day_rule"));
}

std::vector<LawVersion> read_law(const Reader& r) {
  expect_format(r, k_law_format);
  r.only({"format", "title", "notes", "versions"});
  std::vector<LawVersion> out;
  const Reader versions = r["versions"];
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const Reader v = versions[i];
    v.only({"from", "law", "holidays"});
    LawVersion law;
    law.from = static_cast<int>(
        v["from"].integer(k_provisional_first_year, k_provisional_last_year));
    if (!out.empty() && law.from <= out.back().from) {
      v["from"].fail(Message("error.provisional.versions_order"));
    }
    law.law = v["law"].string();
    const Reader holidays = v["holidays"];
    for (std::size_t k = 0; k < holidays.size(); ++k) {
      const Reader h = holidays[k];
      h.only({"id", "name", "days"});
      StatutoryHoliday s;
      s.id = h["id"].string();
      s.name = h["name"].text();
      const Reader ds = h["days"];
      if (ds.size() == 0) {
        ds.fail(Message("error.json.at_least_one_day"));
      }
      for (std::size_t j = 0; j < ds.size(); ++j) {
        s.days.push_back(read_day_rule(ds[j]));
      }
      law.holidays.push_back(std::move(s));
    }
    out.push_back(std::move(law));
  }
  if (out.empty()) {
    versions.fail(Message("error.provisional.no_version"));
  }
  return out;
}

SingleDayRule read_single_day(const Reader& rule) {
  rule.only({"off_from", "off_days", "work"});
  SingleDayRule s;
  s.off_from = static_cast<int>(rule["off_from"].integer(-6, 0));
  s.off_days = static_cast<int>(rule["off_days"].integer(1, 7));
  if (s.off_from + s.off_days <= 0) {
    rule["off_days"].fail(Message("error.provisional.statutory_day"));
  }
  const Reader work = rule["work"];
  for (std::size_t i = 0; i < work.size(); ++i) {
    const int offset = static_cast<int>(work[i].integer(-7, 7));
    if (offset >= s.off_from && offset < s.off_from + s.off_days) {
      work[i].fail(Message("error.provisional.work_is_off"));
    }
    s.work.push_back(offset);
  }
  return s;
}

BreakRule read_break(const Reader& b) {
  b.only({"holiday", "from", "to", "required_from", "required_days", "days",
          "whole_weekend", "source"});
  BreakRule rule;
  rule.holiday = b["holiday"].string();
  rule.from = static_cast<int>(
      b["from"].integer(k_provisional_first_year, k_provisional_last_year));
  if (b.has("to")) {
    rule.to =
        static_cast<int>(b["to"].integer(rule.from, k_provisional_last_year));
  }
  const Reader req = b["required_from"];
  if (!(req.json().is_string() &&
        req.json().get_ref<const std::string&>() == "statutory")) {
    rule.required_from = read_day_rule(req);
  }
  rule.days = static_cast<int>(b["days"].integer(1, 15));
  rule.required_days =
      static_cast<int>(b["required_days"].integer(0, rule.days));
  if (b.has("whole_weekend")) {
    rule.whole_weekend = b["whole_weekend"].boolean();
  }
  return rule;
}

void read_merge(const Reader& merge, HolidayModel& m) {
  merge.only({"from", "window_from", "window_to", "days", "source"});
  m.merge_from = static_cast<int>(
      merge["from"].integer(k_provisional_first_year, k_provisional_last_year));
  const auto [fm, fd] = read_month_day(merge["window_from"]);
  const auto [tm, td] = read_month_day(merge["window_to"]);
  m.merge_window_from[0] = fm;
  m.merge_window_from[1] = fd;
  m.merge_window_to[0] = tm;
  m.merge_window_to[1] = td;
  m.merge_days = static_cast<int>(merge["days"].integer(1, 15));
}

void read_max_runs(const Reader& runs, HolidayModel& m) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].only({"from", "days", "source"});
    const int from = static_cast<int>(runs[i]["from"].integer(
        k_provisional_first_year, k_provisional_last_year));
    if (!m.max_run.empty() && from <= m.max_run.back().first) {
      runs[i]["from"].fail(Message("error.provisional.order"));
    }
    m.max_run.emplace_back(from,
                           static_cast<int>(runs[i]["days"].integer(5, 14)));
  }
  if (m.max_run.empty()) {
    runs.fail(Message("error.provisional.no_entry"));
  }
}

void read_model(const Reader& r, HolidayModel& m) {
  expect_format(r, k_model_format);
  r.only({"format", "title", "notes", "single_day", "breaks",
          "mid_autumn_with_national_day", "max_working_days_in_a_row"});
  const Reader single = r["single_day"];
  single.only({"source", "by_weekday"});
  const Reader by = single["by_weekday"];
  by.only({"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
           "saturday"});
  for (std::size_t w = 0; w < k_weekdays.size(); ++w) {
    m.single_day[w] = read_single_day(by[k_weekdays[w]]);
  }
  const Reader breaks = r["breaks"];
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    m.breaks.push_back(read_break(breaks[i]));
  }
  read_merge(r["mid_autumn_with_national_day"], m);
  read_max_runs(r["max_working_days_in_a_row"], m);
}

}  // namespace

HolidayModel parse_holiday_model(std::string_view law_json,
                                 const std::string& law_name,
                                 std::string_view model_json,
                                 const std::string& model_name) {
  HolidayModel m;
  const nlohmann::json law = json_util::parse(law_json, law_name);
  m.law = read_law(Reader(law, law_name));
  const nlohmann::json model = json_util::parse(model_json, model_name);
  read_model(Reader(model, model_name), m);
  return m;
}

const HolidayModel& bundled_holiday_model() {
  static const HolidayModel model = [] {
    constexpr std::string_view law = "provisional/statutory.json";
    constexpr std::string_view params = "provisional/model.json";
    return parse_holiday_model(*bundled_file(law), std::string(law),
                               *bundled_file(params), std::string(params));
  }();
  return model;
}

}  // namespace rpx
