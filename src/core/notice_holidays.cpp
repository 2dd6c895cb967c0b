// Holidays from the days a notice names (include/rpx/notice.hpp): their
// names, their runs of days off and the checks between them, shared by the
// notice parser and the holiday-cn reader.

#include <algorithm>
#include <array>
#include <rpx/notice.hpp>

#include "notice_text.hpp"

namespace rpx {

namespace {

using date::days;
using Draft = NamedDays;
using notice_text::k_enumeration;

struct Name {
  std::string_view zh;
  std::string_view en;
  std::string_view ko;
};

/// The English and Korean names of the bundled tables
/// (data/holidays/*.json; docs/glossary.md).
constexpr std::array<Name, 8> k_names{{
    {"元旦", "New Year's Day", "원단(신정)"},
    {"春节", "Spring Festival", "춘절"},
    {"清明节", "Qingming Festival (Tomb-Sweeping Day)", "청명절"},
    {"劳动节", "Labour Day", "노동절"},
    {"端午节", "Dragon Boat Festival", "단오절"},
    {"中秋节", "Mid-Autumn Festival", "중추절"},
    {"国庆节", "National Day", "국경절"},
    // The one-off holiday of the supplementary notice of May 2015.
    {"中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
     "Victory Day, 70th anniversary of the War of Resistance against Japanese "
     "Aggression and the World Anti-Fascist War",
     "항일전쟁 및 세계 반파시스트 전쟁 승리 70주년 기념일"},
}};

/// The limit of the table format (docs/holidays.md, "Validation").
constexpr int k_max_run_days = 31;

/// Where a holiday is named, for messages: "line 4", or its JSON Pointer.
Message where(const Draft& h) {
  return h.pointer.empty()
             ? Message("error.where.line", {{"line", h.line}})
             : Message("error.where.pointer", {{"pointer", h.pointer}});
}

/// Fills in the days between and around the days named off: the Saturdays
/// and Sundays no holiday works (与周末连休). A weekday left out is an
/// error: a holiday is one unbroken run.
void make_run(Draft& h, const std::vector<Draft>& all,
              std::vector<NoticeError>& errors) {
  const auto worked = [&](Date d) {
    return std::any_of(all.begin(), all.end(),
                       [&](const Draft& o) { return o.work.contains(d); });
  };
  const auto joinable = [&](Date d) {
    return is_weekend(d) && !worked(d) &&
           std::none_of(all.begin(), all.end(), [&](const Draft& o) {
             return &o != &h && o.off.contains(d);
           });
  };
  if (h.off.empty()) {
    errors.push_back({h.line, Message("error.notice.no_day_off",
                                      {{"holiday", h.name.in("zh")}})});
    return;
  }
  h.first = h.off.begin()->first;
  h.last = h.off.rbegin()->first;
  for (Date d = h.first; d <= h.last; d += days{1}) {
    if (!h.off.contains(d) && !joinable(d)) {
      errors.push_back({h.line, Message("error.notice.not_one_run",
                                        {{"holiday", h.name.in("zh")},
                                         {"date", format_date(d)},
                                         {"weekday", weekday_message(d)}})});
      return;
    }
  }
  while (joinable(h.first - days{1})) {
    h.first -= days{1};
  }
  while (joinable(h.last + days{1})) {
    h.last += days{1};
  }
  if (const auto n = (h.last - h.first).count() + 1; n > k_max_run_days) {
    errors.push_back({h.line, Message("error.notice.run_too_long",
                                      {{"n", n},
                                       {"holiday", h.name.in("zh")},
                                       {"max", k_max_run_days}})});
  }
}

void check_overlaps(const std::vector<Draft>& all,
                    std::vector<NoticeError>& errors) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Draft& b = all[i];
    for (const auto& [d, line] : b.work) {
      if (d >= b.first && d <= b.last) {
        errors.push_back({line, Message("error.notice.worked_day_off",
                                        {{"date", format_date(d)},
                                         {"holiday", b.name.in("zh")}})});
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      const Draft& a = all[j];
      if (a.first <= b.last && b.first <= a.last) {
        const Date d = std::max(a.first, b.first);
        const auto named = b.off.lower_bound(d);
        errors.push_back({named == b.off.end() ? b.line : named->second,
                          Message("error.notice.overlap",
                                  {{"holiday", b.name.in("zh")},
                                   {"first", format_date(b.first)},
                                   {"last", format_date(b.last)},
                                   {"other", a.name.in("zh")},
                                   {"other_first", format_date(a.first)},
                                   {"other_last", format_date(a.last)},
                                   {"where", where(a)}})});
      }
      for (const auto& [d, line] : b.work) {
        if (a.work.contains(d) || (d >= a.first && d <= a.last)) {
          errors.push_back({line, Message("error.notice.also_day_of",
                                          {{"date", format_date(d)},
                                           {"holiday", a.name.in("zh")},
                                           {"where", where(a)}})});
        }
      }
    }
  }
}

void check_span(const std::vector<Draft>& all, int year,
                std::vector<NoticeError>& errors) {
  const Date first = date::year{year - 1} / date::December / 25;
  const Date last = date::year{year} / date::December / 31;
  for (const Draft& h : all) {
    for (const auto* days_of : {&h.off, &h.work}) {
      for (const auto& [d, line] : *days_of) {
        if (d < first || d > last) {
          errors.push_back({line, Message("error.holidays.outside_year",
                                          {{"date", format_date(d)},
                                           {"year", year},
                                           {"first", format_date(first)},
                                           {"last", format_date(last)}})});
        }
      }
    }
  }
}

}  // namespace

std::optional<Text> holiday_name(std::string_view zh) {
  Text t;
  std::string en;
  std::string cn;
  std::string ko;
  while (true) {
    const std::size_t end = std::min(zh.find(k_enumeration), zh.find(','));
    const std::string_view part = zh.substr(0, end);
    const auto it = std::find_if(k_names.begin(), k_names.end(),
                                 [&](const Name& n) { return n.zh == part; });
    if (it == k_names.end()) {
      return std::nullopt;
    }
    en += en.empty() ? "" : " and ";
    en += it->en;
    cn += cn.empty() ? "" : k_enumeration;
    cn += it->zh;
    ko += ko.empty() ? "" : "·";
    ko += it->ko;
    if (end == std::string_view::npos) {
      break;
    }
    zh.remove_prefix(end + (zh[end] == ',' ? 1 : k_enumeration.size()));
  }
  t.by_lang = {{"en", en}, {"zh", cn}, {"ko", ko}};
  return t;
}

std::vector<Holiday> build_holidays(std::vector<NamedDays> drafts, int year,
                                    std::vector<NoticeError>& errors) {
  const std::size_t before = errors.size();
  for (Draft& d : drafts) {
    make_run(d, drafts, errors);
  }
  if (errors.size() == before) {
    check_overlaps(drafts, errors);
    check_span(drafts, year, errors);
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const NoticeError& a, const NoticeError& b) {
                     return a.line < b.line;
                   });
  std::vector<Holiday> out;
  if (errors.size() != before) {
    return out;
  }
  std::sort(drafts.begin(), drafts.end(),
            [](const Draft& a, const Draft& b) { return a.first < b.first; });
  for (const Draft& d : drafts) {
    Holiday h{d.name, d.first, d.last, {}, {}};
    for (const auto& [day, line] : d.work) {
      h.workdays.push_back(day);
    }
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace rpx
