#include <fmt/format.h>
#include <sys/stat.h>

#include <map>
#include <rpx/atomic_file.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/holiday_import.hpp>
#include <rpx/holidays.hpp>
#include <rpx/json_util.hpp>
#include <set>

namespace rpx {

namespace {

using date::days;
using json_util::Reader;

std::string_view skip_space(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                           text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  return text;
}

/// holiday-cn (github.com/NateScarlet/holiday-cn): `{"year": 2026,
/// "papers": [...], "days": [{"name": "元旦", "date": "2026-01-01",
/// "isOffDay": true}, ...]}`, the days the notice names.
HolidayYear read_holiday_cn(const nlohmann::json& root,
                            const std::string& name) {
  const Reader r(root, name);
  HolidayYear y;
  y.year = static_cast<int>(r["year"].integer(k_min_year + 1, k_max_year));
  // The files hold one notice each; they give its address, not its title.
  y.notice = fmt::format("国务院办公厅关于{}年部分节假日安排的通知", y.year);
  y.origin = Origin::file;
  const Reader list = r["days"];
  std::vector<NamedDays> named;
  const std::size_t n = list.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Reader d = list[i];
    const std::string zh = d["name"].string();
    const Date day = d["date"].date();
    const bool off = d["isOffDay"].boolean();
    auto it = std::find_if(named.begin(), named.end(), [&](const NamedDays& h) {
      return h.name.in("zh") == zh;
    });
    if (it == named.end()) {
      std::optional<Text> text = holiday_name(zh);
      if (!text) {
        d["name"].fail(
            Message("error.holiday_cn.unknown_holiday", {{"name", zh}}));
      }
      named.push_back(
          {*text, static_cast<int>(i), d.pointer(), {}, {}, {}, {}});
      it = named.end() - 1;
    }
    auto& into = off ? it->off : it->work;
    if (!into.emplace(day, static_cast<int>(i)).second) {
      d["date"].fail(
          Message("error.holidays.listed_twice", {{"date", format_date(day)}}));
    }
    if (!off && !is_weekend(day)) {
      d["date"].fail(Message(
          "error.holiday_cn.work_not_weekend",
          {{"date", format_date(day)}, {"weekday", weekday_message(day)}}));
    }
  }
  if (named.empty()) {
    list.fail(Message("error.json.at_least_one_day"));
  }
  std::vector<NoticeError> errors;
  y.holidays = build_holidays(std::move(named), y.year, errors);
  if (!errors.empty()) {
    json_util::fail(name, fmt::format("/days/{}", errors.front().line),
                    errors.front().message);
  }
  return y;
}

void append_string(std::string& out, std::string_view s) {
  out += nlohmann::json(s).dump();
}

void append_holiday(std::string& out, const Holiday& h) {
  out += "        {\n          \"name\": {\"en\": ";
  append_string(out, h.name.en());
  // The order of the bundled tables: en, zh, ko, then any other.
  const auto append_lang = [&](std::string_view lang, std::string_view text) {
    out += ", ";
    append_string(out, lang);
    out += ": ";
    append_string(out, text);
  };
  for (std::string_view lang : {"zh", "ko"}) {
    if (h.name.has(lang)) {
      append_lang(lang, h.name.in(lang));
    }
  }
  for (const auto& [lang, text] : h.name.by_lang) {
    if (lang != "en" && lang != "zh" && lang != "ko") {
      append_lang(lang, text);
    }
  }
  out += fmt::format(
      "}},\n          \"off\": {{\"from\": \"{}\", \"to\": \"{}\"}},\n"
      "          \"work\": [",
      format_date(h.first_off), format_date(h.last_off));
  for (std::size_t i = 0; i < h.workdays.size(); ++i) {
    out +=
        fmt::format("{}\"{}\"", i == 0 ? "" : ", ", format_date(h.workdays[i]));
  }
  out += "]\n        }";
}

}  // namespace

std::vector<ImportedYear> read_holiday_source(std::string_view text,
                                              const std::string& name) {
  if (!skip_space(text).starts_with('{')) {
    Notice notice = parse_notice(text);
    if (!notice.errors.empty()) {
      const NoticeError& e = notice.errors.front();
      throw DataError(
          Message("error.at_line",
                  {{"file", name}, {"line", e.line}, {"reason", e.message}}));
    }
    return {{std::move(notice.year), notice.kind}};
  }
  const nlohmann::json root = json_util::parse(text, name);
  std::vector<ImportedYear> out;
  if (root.is_object() && root.contains("format")) {
    for (HolidayYear& y : parse_holiday_file(text, name, Origin::file)) {
      y.path.clear();
      out.push_back({std::move(y), NoticeKind::schedule});
    }
  } else if (root.is_object() && root.contains("days")) {
    out.push_back({read_holiday_cn(root, name), NoticeKind::schedule});
  } else {
    json_util::fail(name, "", Message("error.holiday_import.not_a_table"));
  }
  return out;
}

std::vector<HolidayYear> merge_imports(
    const std::vector<ImportedYear>& imports,
    const std::vector<HolidayYear>& current) {
  std::map<int, HolidayYear> merged;
  for (const ImportedYear& in : imports) {
    const int year = in.year.year;
    if (in.kind == NoticeKind::schedule) {
      merged[year] = in.year;
      continue;
    }
    if (!merged.contains(year)) {
      const auto it =
          std::find_if(current.begin(), current.end(),
                       [&](const HolidayYear& y) { return y.year == year; });
      if (it == current.end()) {
        throw DataError(Message("error.holiday_import.amends_missing",
                                {{"notice", in.year.notice}, {"year", year}}));
      }
      merged[year] = *it;
    }
    HolidayYear& base = merged[year];
    for (const Holiday& h : in.year.holidays) {
      auto same = std::find_if(
          base.holidays.begin(), base.holidays.end(),
          [&](const Holiday& b) { return b.name.en() == h.name.en(); });
      if (same != base.holidays.end()) {
        *same = h;
      } else {
        base.holidays.push_back(h);
      }
    }
    std::sort(base.holidays.begin(), base.holidays.end(),
              [](const Holiday& a, const Holiday& b) {
                return a.first_off < b.first_off;
              });
    base.notice += "；" + in.year.notice;
  }
  std::vector<HolidayYear> out;
  for (auto& [year, y] : merged) {
    y.origin = Origin::file;
    y.path.clear();
    out.push_back(std::move(y));
  }
  return out;
}

std::string format_holiday_table(const std::vector<HolidayYear>& years) {
  std::string out = "{\n  \"format\": \"rpx-holidays/1\",\n  \"years\": [\n";
  for (std::size_t i = 0; i < years.size(); ++i) {
    const HolidayYear& y = years[i];
    out +=
        fmt::format("    {{\n      \"year\": {},\n      \"notice\": ", y.year);
    append_string(out, y.notice);
    out += ",\n      \"holidays\": [\n";
    for (std::size_t j = 0; j < y.holidays.size(); ++j) {
      append_holiday(out, y.holidays[j]);
      out += j + 1 < y.holidays.size() ? ",\n" : "\n";
    }
    out += i + 1 < years.size() ? "      ]\n    },\n" : "      ]\n    }\n";
  }
  out += "  ]\n}\n";
  return out;
}

std::string format_holiday_tsv(const std::vector<HolidayYear>& years) {
  std::map<Date, std::string> rows;
  for (const HolidayYear& y : years) {
    for (const Holiday& h : y.holidays) {
      const std::string names =
          fmt::format("{}\t{}", h.name.en(), h.name.in("zh"));
      for (Date d = h.first_off; d <= h.last_off; d += days{1}) {
        rows[d] = fmt::format("{}\toff\t{}\n", format_date(d), names);
      }
      for (Date d : h.workdays) {
        rows[d] = fmt::format("{}\twork\t{}\n", format_date(d), names);
      }
    }
  }
  std::string out;
  for (const auto& [d, row] : rows) {
    out += row;
  }
  return out;
}

DaySpan notice_span(int year) {
  return {date::year{year - 1} / date::December / 25,
          date::year{year} / date::December / 31};
}

std::vector<Date> changed_days(const WorkCalendar& before,
                               const WorkCalendar& after, DaySpan span) {
  std::vector<Date> out;
  for (Date d = span.first; d <= span.last; d += days{1}) {
    if (before.day(d).is_workday() != after.day(d).is_workday()) {
      out.push_back(d);
    }
  }
  return out;
}

void write_holiday_table(const std::filesystem::path& file,
                         const std::vector<HolidayYear>& years) {
  constexpr mode_t k_table_mode = 0644;
  make_dirs(file.parent_path(), umask_mode(0777));
  AtomicFile out(file, file);
  out.set_mode(k_table_mode);
  out.write(format_holiday_table(years));
  out.commit();
}

}  // namespace rpx
