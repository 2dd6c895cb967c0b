#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/holiday_import.hpp>
#include <rpx/holidays.hpp>
#include <rpx/notice.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_data.hpp"

namespace {

using rpx::test::ymd;

std::string source_file(const std::string& relative) {
  const char* dir = std::getenv("RPX_SOURCE_DIR");
  if (dir == nullptr) {
    ADD_FAILURE() << "RPX_SOURCE_DIR is not set (run through ctest)";
    return "";
  }
  std::ifstream in(std::string(dir) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << relative;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string replace_all(std::string s, std::string_view from,
                        std::string_view to) {
  for (std::size_t i = s.find(from); i != std::string::npos;
       i = s.find(from, i + to.size())) {
    s.replace(i, from.size(), to);
  }
  return s;
}

/// The notice as copied from a page that uses ASCII punctuation.
std::string ascii_punctuation(std::string s) {
  for (const auto& [from, to] :
       std::vector<std::pair<std::string_view, std::string_view>>{{"，", ", "},
                                                                  {"：", ":"},
                                                                  {"（", "("},
                                                                  {"）", ")"},
                                                                  {"；", ";"},
                                                                  {"。", ". "},
                                                                  {"　", " "},
                                                                  {"—", "-"}}) {
    s = replace_all(std::move(s), from, to);
  }
  return s;
}

enum class Punctuation { full_width, ascii };

/// Imports the fixture notice of `year` and its supplement, if any.
rpx::HolidayYear import_year(int year, Punctuation p) {
  std::vector<rpx::ImportedYear> imports;
  for (const std::string& name :
       {std::to_string(year), std::to_string(year) + "-supplement"}) {
    const std::string path = "tests/fixtures/notices/" + name + ".txt";
    if (name != std::to_string(year) &&
        !std::ifstream(std::string(std::getenv("RPX_SOURCE_DIR")) + "/" +
                       path)) {
      continue;
    }
    std::string text = source_file(path);
    if (p == Punctuation::ascii) {
      text = ascii_punctuation(std::move(text));
    }
    for (rpx::ImportedYear& y : rpx::read_holiday_source(text, name)) {
      imports.push_back(std::move(y));
    }
  }
  std::vector<rpx::HolidayYear> merged = rpx::merge_imports(imports, {});
  EXPECT_EQ(merged.size(), 1u);
  return merged.empty() ? rpx::HolidayYear{} : merged.front();
}

void expect_same_as_bundled(const rpx::HolidayYear& got, int year) {
  const rpx::WorkCalendar& bundled = rpx::test::bundled_calendar();
  const rpx::HolidayYear* want = bundled.notice(year);
  ASSERT_NE(want, nullptr);
  EXPECT_EQ(got.year, year);
  EXPECT_EQ(got.notice, want->notice);
  const rpx::WorkCalendar imported({got});
  const rpx::DaySpan span = rpx::notice_span(year);
  for (rpx::Date d = span.first; d <= span.last; d += date::days{1}) {
    const rpx::DayInfo a = imported.day(d);
    const rpx::DayInfo b = bundled.day(d);
    // Days of the previous notice (its late December) are not this one's.
    if (b.notice != nullptr && b.notice->year != year) {
      continue;
    }
    EXPECT_EQ(a.kind, b.kind) << rpx::format_date(d);
    EXPECT_EQ(a.holiday == nullptr, b.holiday == nullptr)
        << rpx::format_date(d);
    if (a.holiday != nullptr && b.holiday != nullptr) {
      EXPECT_EQ(a.holiday->name, b.holiday->name) << rpx::format_date(d);
    }
  }
  EXPECT_EQ(got.holidays, want->holidays);
}

class NoticeRoundTrip : public ::testing::TestWithParam<int> {};

TEST_P(NoticeRoundTrip, FullWidthGivesTheBundledTable) {
  expect_same_as_bundled(import_year(GetParam(), Punctuation::full_width),
                         GetParam());
}

TEST_P(NoticeRoundTrip, AsciiGivesTheBundledTable) {
  expect_same_as_bundled(import_year(GetParam(), Punctuation::ascii),
                         GetParam());
}

TEST_P(NoticeRoundTrip, TableIsWrittenLikeTheBundledFile) {
  const int year = GetParam();
  const std::string file = "holidays/" + std::to_string(year) + ".json";
  EXPECT_EQ(
      rpx::format_holiday_table({import_year(year, Punctuation::full_width)}),
      std::string(*rpx::bundled_file(file)));
}

INSTANTIATE_TEST_SUITE_P(EveryBundledYear, NoticeRoundTrip,
                         ::testing::Range(2015, 2027));

TEST(NoticeImport, TsvOfEveryYearIsTheReferenceSheet) {
  std::vector<rpx::HolidayYear> years;
  for (int y = 2015; y <= 2026; ++y) {
    years.push_back(import_year(y, Punctuation::full_width));
  }
  std::string tsv = source_file("data/reference/china-holidays.tsv");
  tsv.erase(0, tsv.find('\n') + 1);  // the header
  EXPECT_EQ(rpx::format_holiday_tsv(years), tsv);
}

rpx::Notice parse(std::string_view items, int year = 2026) {
  return rpx::parse_notice("国务院办公厅关于" + std::to_string(year) +
                           "年部分节假日安排的通知\n" + std::string(items));
}

std::string first_error(const rpx::Notice& n) {
  return n.errors.empty() ? std::string()
                          : std::to_string(n.errors.front().line) + ": " +
                                n.errors.front().message.in(rpx::Lang::en);
}

TEST(ParseNotice, SentenceBrokenOverLines) {
  const rpx::Notice n = parse(
      "  一、国庆节：10月1日（周四）至7日（周三）放假调休，\n"
      "共7天。9月20日（周日）、\n10月10日（周六）上班。\n");
  ASSERT_EQ(first_error(n), "");
  ASSERT_EQ(n.year.holidays.size(), 1u);
  EXPECT_EQ(n.year.holidays[0].first_off, ymd(2026, 10, 1));
  EXPECT_EQ(n.year.holidays[0].last_off, ymd(2026, 10, 7));
  EXPECT_EQ(n.year.holidays[0].workdays,
            (std::vector<rpx::Date>{ymd(2026, 9, 20), ymd(2026, 10, 10)}));
}

TEST(ParseNotice, SignatureDateRightAfterTheItems) {
  const rpx::Notice n = parse(
      "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。\n"
      "国务院办公厅\n2025年11月4日\n");
  EXPECT_EQ(first_error(n), "");
  const rpx::Notice m = parse(
      "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。\n"
      "2025年11月4日\n");
  EXPECT_EQ(first_error(m), "");
}

TEST(ParseNotice, ListOfDaysWorkedWithCommas) {
  const rpx::Notice n = parse(
      "一、春节:2月15日至23日放假调休,共9天.2月14日(星期六),2月28日"
      "(星期六)上班.\n");
  ASSERT_EQ(first_error(n), "");
  EXPECT_EQ(n.year.holidays[0].workdays,
            (std::vector<rpx::Date>{ymd(2026, 2, 14), ymd(2026, 2, 28)}));
}

TEST(ParseNotice, DayOffInLieuJoinsTheWeekend) {
  const rpx::Notice n =
      parse("一、劳动节：5月1日放假，5月4日（星期一）补休。", 2015);
  ASSERT_EQ(first_error(n), "");
  EXPECT_EQ(n.year.holidays[0].first_off, ymd(2015, 5, 1));
  EXPECT_EQ(n.year.holidays[0].last_off, ymd(2015, 5, 4));
}

TEST(ParseNotice, NewYearInDecemberWithoutYears) {
  const rpx::Notice n = parse(
      "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。",
      2019);
  ASSERT_EQ(first_error(n), "");
  EXPECT_EQ(n.year.holidays[0].first_off, ymd(2018, 12, 30));
  EXPECT_EQ(n.year.holidays[0].workdays,
            (std::vector<rpx::Date>{ymd(2018, 12, 29)}));
}

TEST(ParseNotice, SupplementIsToldFromSchedule) {
  const rpx::Notice n = rpx::parse_notice(
      "国务院办公厅关于调整2019年劳动节假期安排的通知\n"
      "一、劳动节：5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期"
      "日）"
      "上班。\n");
  ASSERT_EQ(first_error(n), "");
  EXPECT_EQ(n.kind, rpx::NoticeKind::supplement);
  EXPECT_EQ(n.year.year, 2019);
}

TEST(ParseNotice, ChecksNameTheLine) {
  EXPECT_EQ(first_error(parse("\n一、元旦：1月1日（周五）放假1天。")),
            "3: 1月1日 (2026-01-01) is a Thursday, not 周五");
  EXPECT_EQ(first_error(parse("一、元旦：1月1日至3日放假，共4天。")),
            "2: 共4天, but the days off named before it are 3");
  EXPECT_EQ(first_error(parse("一、元旦：1月1日放假。1月5日上班。")),
            "2: 1月5日 (2026-01-05) is a Monday: a day worked (上班) must be a "
            "Saturday or Sunday");
  EXPECT_EQ(
      first_error(
          parse("一、中秋节：10月1日放假。\n二、国庆节：10月1日至7日放假。")),
      "3: the days off of 国庆节 (2026-10-01 to 2026-10-07) overlap those of "
      "中秋节 (2026-10-01 to 2026-10-01, line 2)");
  EXPECT_EQ(first_error(
                parse("一、元旦：1月1日放假。\n二、春节：2月15日至23号放假。")),
            "3: cannot read the date \"23号放假\": expected M月D日");
  EXPECT_EQ(
      first_error(parse("一、元旦：1月1日放假。\n春节2月15日至23日放假调休。")),
      "3: \"春节2月15日至23日放假调休.\" looks like a holiday item but "
      "is not one: expected 一、NAME：days");
  EXPECT_EQ(first_error(parse("一、元旦：2月30日放假。")),
            "2: 2026年2月30日 is not a date");
}

TEST(ParseNotice, NotUtf8IsAnError) {
  // Found by fuzz_notice: a title that is not UTF-8 made the table writer
  // throw nlohmann's type_error.
  EXPECT_EQ(first_error(rpx::parse_notice("国务院办公厅关于\x9a"
                                          "2026年部分节假日安排的"
                                          "通知\n一、元旦：1月1日放假。")),
            "1: not UTF-8: save the notice as UTF-8 text");
}

TEST(ParseNotice, NoTitleIsAnError) {
  EXPECT_EQ(first_error(rpx::parse_notice("一、元旦：1月1日放假。")),
            "1: no title: a notice starts with a line such as "
            "国务院办公厅关于2027年部分节假日安排的通知");
}

TEST(HolidayName, CombinedNamesKeepTheNoticeOrder) {
  EXPECT_EQ(rpx::holiday_name("国庆节、中秋节")->en(),
            "National Day and Mid-Autumn Festival");
  EXPECT_EQ(rpx::holiday_name("中秋节,国庆节")->in("zh"), "中秋节、国庆节");
  EXPECT_FALSE(rpx::holiday_name("圣诞节"));
}

TEST(ReadHolidaySource, HolidayCnYearFile) {
  const std::string json = R"({"year": 2026, "papers": [], "days": [
    {"name": "元旦", "date": "2026-01-01", "isOffDay": true},
    {"name": "元旦", "date": "2026-01-02", "isOffDay": true},
    {"name": "元旦", "date": "2026-01-03", "isOffDay": true},
    {"name": "元旦", "date": "2026-01-04", "isOffDay": false},
    {"name": "端午节", "date": "2026-06-19", "isOffDay": true}]})";
  const auto years = rpx::read_holiday_source(json, "2026.json");
  ASSERT_EQ(years.size(), 1u);
  const auto& h = years[0].year.holidays;
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].workdays, std::vector<rpx::Date>{ymd(2026, 1, 4)});
  EXPECT_EQ(h[1].first_off, ymd(2026, 6, 19));
  EXPECT_EQ(h[1].last_off, ymd(2026, 6, 21));
}

TEST(ReadHolidaySource, HolidayCnErrorsNameTheDay) {
  const std::string json = R"({"year": 2026, "days": [
    {"name": "元旦", "date": "2026-01-05", "isOffDay": false}]})";
  EXPECT_THROW(
      {
        try {
          rpx::read_holiday_source(json, "2026.json");
        } catch (const rpx::DataError& e) {
          EXPECT_STREQ(e.what(),
                       "2026.json: /days/0/date: 2026-01-05 is a Monday: a day "
                       "worked must be a Saturday or Sunday");
          throw;
        }
      },
      rpx::DataError);
}

TEST(MergeImports, SupplementWithoutItsYearIsAnError) {
  rpx::ImportedYear supplement;
  supplement.year.year = 2031;
  supplement.year.notice = "国务院办公厅关于延长2031年春节假期的通知";
  supplement.kind = rpx::NoticeKind::supplement;
  EXPECT_THROW(rpx::merge_imports({supplement}, {}), rpx::DataError);
}

}  // namespace
