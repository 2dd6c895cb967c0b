#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/holidays.hpp>
#include <set>
#include <string>

#include "test_data.hpp"

namespace {

using nlohmann::json;
using rpx::Origin;

using rpx::test::ymd;

/// A valid file: three holidays of notice 2024 (facts from
/// china-holidays.md), the first starting in December 2023.
json good() {
  return json::parse(R"({
    "format": "rpx-holidays/1",
    "years": [{
      "year": 2024,
      "notice": "国务院办公厅关于2024年部分节假日安排的通知",
      "holidays": [
        {"name": {"en": "New Year's Day", "zh": "元旦"},
         "off": {"from": "2023-12-30", "to": "2024-01-01"},
         "work": []},
        {"name": {"en": "Spring Festival", "zh": "春节"},
         "off": {"from": "2024-02-10", "to": "2024-02-17"},
         "work": ["2024-02-04", "2024-02-18"]},
        {"name": {"en": "National Day", "zh": "国庆节"},
         "off": {"from": "2024-10-01", "to": "2024-10-07"},
         "work": ["2024-09-29", "2024-10-12"]}
      ]
    }]
  })");
}

/// The message of the `DataError` that parsing `text` as "h.json" throws.
std::string error_of_text(const std::string& text) {
  return rpx::test::message_of(
      [&] { rpx::parse_holiday_file(text, "h.json", Origin::file); });
}

std::string error_of(const json& j) { return error_of_text(j.dump()); }

TEST(ParseHolidayFile, ReadsEveryField) {
  const auto years =
      rpx::parse_holiday_file(good().dump(), "h.json", Origin::file);
  ASSERT_EQ(years.size(), 1u);
  const rpx::HolidayYear& y = years[0];
  EXPECT_EQ(y.year, 2024);
  EXPECT_EQ(y.notice, "国务院办公厅关于2024年部分节假日安排的通知");
  EXPECT_EQ(y.origin, Origin::file);
  EXPECT_EQ(y.path, "h.json");
  ASSERT_EQ(y.holidays.size(), 3u);

  const rpx::Holiday& new_year = y.holidays[0];
  EXPECT_EQ(new_year.name.en(), "New Year's Day");
  EXPECT_EQ(new_year.name.in("zh"), "元旦");
  EXPECT_EQ(new_year.first_off, ymd(2023, 12, 30));
  EXPECT_EQ(new_year.last_off, ymd(2024, 1, 1));
  EXPECT_TRUE(new_year.workdays.empty());

  const rpx::Holiday& spring = y.holidays[1];
  EXPECT_EQ(spring.name.en(), "Spring Festival");
  EXPECT_EQ(spring.first_off, ymd(2024, 2, 10));
  EXPECT_EQ(spring.last_off, ymd(2024, 2, 17));
  EXPECT_EQ(spring.workdays,
            (std::vector<rpx::Date>{ymd(2024, 2, 4), ymd(2024, 2, 18)}));
}

TEST(ParseHolidayFile, BundledOriginHasNoPath) {
  const auto years = rpx::parse_holiday_file(
      good().dump(), "holidays/2024.json", Origin::bundled);
  ASSERT_EQ(years.size(), 1u);
  EXPECT_EQ(years[0].origin, Origin::bundled);
  EXPECT_EQ(years[0].path, "");
}

TEST(ParseHolidayFile, KeepsPathForEveryOtherOrigin) {
  for (Origin o : {Origin::system, Origin::user, Origin::file}) {
    const auto years = rpx::parse_holiday_file(
        good().dump(), "/etc/rpx/holidays/2024.json", o);
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].origin, o);
    EXPECT_EQ(years[0].path, "/etc/rpx/holidays/2024.json");
  }
}

TEST(ParseHolidayFile, ReadsSeveralYearsInFileOrder) {
  json j = good();
  json y2025 = R"({
    "year": 2025,
    "notice": "国务院办公厅关于2025年部分节假日安排的通知",
    "holidays": [{"name": {"en": "New Year's Day"},
                  "off": {"from": "2025-01-01", "to": "2025-01-01"},
                  "work": []}]
  })"_json;
  j["years"].insert(j["years"].begin(), y2025);
  const auto years = rpx::parse_holiday_file(j.dump(), "h.json", Origin::user);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2025);
  EXPECT_EQ(years[1].year, 2024);
  EXPECT_FALSE(years[0].holidays[0].name.has("zh"));
}

TEST(ParseHolidayFile, AcceptsByteOrderMark) {
  const auto years = rpx::parse_holiday_file("\xEF\xBB\xBF" + good().dump(),
                                             "h.json", Origin::file);
  ASSERT_EQ(years.size(), 1u);
  EXPECT_EQ(years[0].year, 2024);
}

TEST(ParseHolidayFile, AcceptsMoreLanguages) {
  json j = good();
  j["years"][0]["holidays"][1]["name"]["ko"] = "춘절";
  const auto years = rpx::parse_holiday_file(j.dump(), "h.json", Origin::file);
  EXPECT_EQ(years[0].holidays[1].name.in("ko"), "춘절");
}

TEST(ParseHolidayFile, AcceptsThirtyOneDaysOff) {
  json j = good();
  j["years"][0]["holidays"][2]["off"]["to"] = "2024-10-31";
  j["years"][0]["holidays"][2]["work"] = json::array();
  EXPECT_EQ(error_of(j), "");  // no error
}

TEST(ParseHolidayFile, SyntaxErrorNamesLineAndColumn) {
  const std::string text =
      "{\n  \"format\": \"rpx-holidays/1\",\n  \"years\": [}\n";
  const std::string message = error_of_text(text);
  EXPECT_TRUE(message.starts_with("h.json:3:13: ")) << message;
}

TEST(ParseHolidayFile, RejectsFileLargerThanOneMebibyte) {
  const std::string text = good().dump() + std::string(1024 * 1024, ' ');
  EXPECT_EQ(error_of_text(text), "h.json: file is larger than 1 MiB");
}

TEST(ParseHolidayFile, RejectsRootThatIsNotAnObject) {
  EXPECT_EQ(error_of_text("[]"), "h.json: expected an object");
}

TEST(ParseHolidayFile, RejectsUnknownRootMember) {
  json j = good();
  j["comment"] = "x";
  EXPECT_EQ(error_of(j), "h.json: /comment: unknown member");
}

TEST(ParseHolidayFile, RejectsMissingFormat) {
  json j = good();
  j.erase("format");
  EXPECT_EQ(error_of(j), "h.json: /format: missing");
}

TEST(ParseHolidayFile, RejectsOtherFormat) {
  json j = good();
  j["format"] = "rpx-holidays/2";
  EXPECT_EQ(error_of(j), "h.json: /format: expected \"rpx-holidays/1\"");
  j["format"] = 1;
  EXPECT_EQ(error_of(j), "h.json: /format: expected \"rpx-holidays/1\"");
}

TEST(ParseHolidayFile, ReportsFormatBeforeUnknownMembers) {
  json j = good();
  j["format"] = "rpx-holidays/2";
  j["provisional"] = true;
  EXPECT_EQ(error_of(j), "h.json: /format: expected \"rpx-holidays/1\"");
}

TEST(ParseHolidayFile, RejectsMissingYears) {
  json j = good();
  j.erase("years");
  EXPECT_EQ(error_of(j), "h.json: /years: missing");
}

TEST(ParseHolidayFile, RejectsYearsThatAreNotAnArray) {
  json j = good();
  j["years"] = json::object();
  EXPECT_EQ(error_of(j), "h.json: /years: expected an array");
}

TEST(ParseHolidayFile, RejectsEmptyYears) {
  json j = good();
  j["years"] = json::array();
  EXPECT_EQ(error_of(j), "h.json: /years: expected at least one notice-year");
}

TEST(ParseHolidayFile, RejectsYearThatIsNotAnObject) {
  json j = good();
  j["years"][0] = 2024;
  EXPECT_EQ(error_of(j), "h.json: /years/0: expected an object");
}

TEST(ParseHolidayFile, RejectsUnknownYearMember) {
  json j = good();
  j["years"][0]["notes"] = "x";
  EXPECT_EQ(error_of(j), "h.json: /years/0/notes: unknown member");
}

TEST(ParseHolidayFile, RejectsMissingYear) {
  json j = good();
  j["years"][0].erase("year");
  EXPECT_EQ(error_of(j), "h.json: /years/0/year: missing");
}

TEST(ParseHolidayFile, RejectsYearThatIsNotAnInteger) {
  const std::string expected =
      "h.json: /years/0/year: expected an integer from 1970 to 2100";
  json j = good();
  j["years"][0]["year"] = "2024";
  EXPECT_EQ(error_of(j), expected);
  j["years"][0]["year"] = 2024.5;
  EXPECT_EQ(error_of(j), expected);
}

TEST(ParseHolidayFile, RejectsYearOutside1970To2100) {
  const std::string expected =
      "h.json: /years/0/year: expected an integer from 1970 to 2100";
  json j = good();
  j["years"][0]["year"] = 1969;
  EXPECT_EQ(error_of(j), expected);
  j["years"][0]["year"] = 2101;
  EXPECT_EQ(error_of(j), expected);
}

TEST(ParseHolidayFile, RejectsRepeatedYear) {
  json j = good();
  j["years"].push_back(j["years"][0]);
  EXPECT_EQ(error_of(j),
            "h.json: /years/1/year: notice-year 2024 is already given at "
            "/years/0");
}

TEST(ParseHolidayFile, RejectsMissingNotice) {
  json j = good();
  j["years"][0].erase("notice");
  EXPECT_EQ(error_of(j), "h.json: /years/0/notice: missing");
}

TEST(ParseHolidayFile, RejectsEmptyNotice) {
  json j = good();
  j["years"][0]["notice"] = "";
  EXPECT_EQ(error_of(j), "h.json: /years/0/notice: must not be empty");
  j["years"][0]["notice"] = 7;
  EXPECT_EQ(error_of(j), "h.json: /years/0/notice: expected a string");
}

TEST(ParseHolidayFile, RejectsHolidaysThatAreNotAnArray) {
  json j = good();
  j["years"][0]["holidays"] = "none";
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays: expected an array");
}

TEST(ParseHolidayFile, RejectsEmptyHolidays) {
  json j = good();
  j["years"][0]["holidays"] = json::array();
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays: expected at least one holiday");
}

TEST(ParseHolidayFile, RejectsUnknownHolidayMember) {
  json j = good();
  j["years"][0]["holidays"][1]["days"] = 8;
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/1/days: unknown member");
}

TEST(ParseHolidayFile, RejectsMissingName) {
  json j = good();
  j["years"][0]["holidays"][1].erase("name");
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/1/name: missing");
}

TEST(ParseHolidayFile, RejectsNameThatIsNotText) {
  json j = good();
  j["years"][0]["holidays"][1]["name"] = "Spring Festival";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/1/name: expected an object");
}

TEST(ParseHolidayFile, RejectsNameWithoutEnglish) {
  json j = good();
  j["years"][0]["holidays"][1]["name"].erase("en");
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/1/name: needs an English text (\"en\")");
}

TEST(ParseHolidayFile, RejectsEmptyName) {
  json j = good();
  j["years"][0]["holidays"][1]["name"]["zh"] = "";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/1/name/zh: must not be empty");
}

TEST(ParseHolidayFile, RejectsMissingOff) {
  json j = good();
  j["years"][0]["holidays"][1].erase("off");
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/1/off: missing");
}

TEST(ParseHolidayFile, RejectsUnknownOffMember) {
  json j = good();
  j["years"][0]["holidays"][1]["off"]["days"] = 8;
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/1/off/days: unknown member");
}

TEST(ParseHolidayFile, RejectsMissingOffEnd) {
  json j = good();
  j["years"][0]["holidays"][1]["off"].erase("to");
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/1/off/to: missing");
}

TEST(ParseHolidayFile, RejectsMalformedDate) {
  const std::string expected =
      "h.json: /years/0/holidays/2/off/from: expected a date YYYY-MM-DD";
  json j = good();
  for (const char* bad :
       {"2024-10-1", "2024/10/01", "2024-10-01x", "2024-02-30", ""}) {
    j["years"][0]["holidays"][2]["off"]["from"] = bad;
    EXPECT_EQ(error_of(j), expected) << bad;
  }
  j["years"][0]["holidays"][2]["off"]["from"] = 20241001;
  EXPECT_EQ(error_of(j), expected);
}

TEST(ParseHolidayFile, RejectsOffEndingBeforeItStarts) {
  json j = good();
  j["years"][0]["holidays"][2]["off"]["from"] = "2024-10-08";
  j["years"][0]["holidays"][2]["off"]["to"] = "2024-10-07";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/off/to: is before \"from\" "
            "(2024-10-08)");
}

TEST(ParseHolidayFile, RejectsMoreThanThirtyOneDaysOff) {
  json j = good();
  j["years"][0]["holidays"][2]["off"]["to"] = "2024-11-01";
  j["years"][0]["holidays"][2]["work"] = json::array();
  EXPECT_EQ(
      error_of(j),
      "h.json: /years/0/holidays/2/off: 32 days off in a row; at most 31");
}

TEST(ParseHolidayFile, RejectsDateBeforeTheLastWeekOfThePreviousYear) {
  json j = good();
  j["years"][0]["holidays"][0]["off"]["from"] = "2023-12-24";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/0/off/from: 2023-12-24 is outside "
            "notice-year 2024: expected a date from 2023-12-25 to 2024-12-31");
}

TEST(ParseHolidayFile, RejectsDateInTheNextYear) {
  json j = good();
  j["years"][0]["holidays"][2]["work"][1] = "2025-01-04";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/1: 2025-01-04 is outside "
            "notice-year 2024: expected a date from 2023-12-25 to 2024-12-31");
}

TEST(ParseHolidayFile, RejectsMissingWork) {
  json j = good();
  j["years"][0]["holidays"][0].erase("work");
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/0/work: missing");
}

TEST(ParseHolidayFile, RejectsWorkThatIsNotAnArray) {
  json j = good();
  j["years"][0]["holidays"][0]["work"] = "2024-01-06";
  EXPECT_EQ(error_of(j), "h.json: /years/0/holidays/0/work: expected an array");
}

TEST(ParseHolidayFile, RejectsWorkdayOnMonday) {
  json j = good();
  j["years"][0]["holidays"][2]["work"][1] = "2024-10-14";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/1: 2024-10-14 is a Monday; an "
            "adjusted workday is a Saturday or Sunday");
}

TEST(ParseHolidayFile, RejectsWorkdayInsideItsOwnDaysOff) {
  json j = good();
  j["years"][0]["holidays"][2]["work"][0] = "2024-10-05";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/0: 2024-10-05 is one of this "
            "holiday's days off");
}

TEST(ParseHolidayFile, RejectsWorkdayListedTwice) {
  json j = good();
  j["years"][0]["holidays"][2]["work"][1] = "2024-09-29";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/1: 2024-09-29 is listed twice");
}

TEST(ParseHolidayFile, RejectsOverlappingDaysOff) {
  json j = good();
  j["years"][0]["holidays"][2]["off"]["from"] = "2024-02-17";
  j["years"][0]["holidays"][2]["off"]["to"] = "2024-02-20";
  j["years"][0]["holidays"][2]["work"] = json::array();
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/off: 2024-02-17 is also a day of "
            "/years/0/holidays/1");
}

TEST(ParseHolidayFile, RejectsWorkdayOnAnotherHolidaysDay) {
  json j = good();
  // Another holiday's day off, then another holiday's adjusted workday.
  j["years"][0]["holidays"][2]["work"][0] = "2024-02-11";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/0: 2024-02-11 is also a day of "
            "/years/0/holidays/1");
  j["years"][0]["holidays"][2]["work"][0] = "2024-02-18";
  EXPECT_EQ(error_of(j),
            "h.json: /years/0/holidays/2/work/0: 2024-02-18 is also a day of "
            "/years/0/holidays/1");
}

TEST(ParseHolidayFile, RejectsDayClaimedByTwoNoticeYears) {
  json j = good();
  json y2023 = R"({
    "year": 2023,
    "notice": "国务院办公厅关于2023年部分节假日安排的通知",
    "holidays": [{"name": {"en": "Test"},
                  "off": {"from": "2023-12-29", "to": "2023-12-31"},
                  "work": []}]
  })"_json;
  j["years"].push_back(y2023);
  EXPECT_EQ(error_of(j),
            "h.json: /years/1/holidays/0/off: 2023-12-30 is also a day of "
            "/years/0/holidays/0");
}

TEST(BundledHolidays, EveryFileParses) {
  std::set<int> years;
  for (const rpx::BundledFile& f : rpx::bundled_files()) {
    if (!f.path.starts_with("holidays/")) {
      continue;
    }
    SCOPED_TRACE(f.path);
    std::vector<rpx::HolidayYear> parsed;
    ASSERT_NO_THROW(parsed = rpx::parse_holiday_file(
                        f.text, std::string(f.path), Origin::bundled));
    ASSERT_EQ(parsed.size(), 1u);
    // One file per notice-year, named after it.
    EXPECT_EQ(f.path, "holidays/" + std::to_string(parsed[0].year) + ".json");
    EXPECT_EQ(parsed[0].path, "");
    EXPECT_TRUE(parsed[0].notice.starts_with("国务院办公厅关于" +
                                             std::to_string(parsed[0].year) +
                                             "年部分节假日安排的通知"))
        << parsed[0].notice;
    years.insert(parsed[0].year);
  }
  std::set<int> expected;
  for (int y = 2015; y <= 2026; ++y) {
    expected.insert(y);
  }
  EXPECT_EQ(years, expected);
}

TEST(BundledHolidays, CompiledTablesAreWhatTheParserReads) {
  // bundled_holiday_years() is data written at build time
  // (cmake/compile_holidays.cmake); the files it was written from, read by
  // the parser every user file goes through, must give the same years.
  std::vector<rpx::HolidayYear> parsed;
  for (const rpx::BundledFile& f : rpx::bundled_files()) {
    if (f.path.starts_with("holidays/")) {
      parsed = rpx::overlay(std::move(parsed),
                            rpx::parse_holiday_file(f.text, std::string(f.path),
                                                    Origin::bundled));
    }
  }
  const std::vector<rpx::HolidayYear> compiled = rpx::bundled_holiday_years();
  ASSERT_EQ(compiled.size(), parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    EXPECT_EQ(compiled[i], parsed[i]) << parsed[i].year;
  }
  // Spot checks that do not go through either: 2026's Spring Festival.
  const rpx::Holiday& spring = compiled.back().holidays[1];
  EXPECT_EQ(spring.name.in("zh"), "春节");
  EXPECT_EQ(rpx::format_date(spring.first_off), "2026-02-15");
  EXPECT_EQ(rpx::format_date(spring.last_off), "2026-02-23");
  ASSERT_EQ(spring.workdays.size(), 2u);
  EXPECT_EQ(rpx::format_date(spring.workdays[1]), "2026-02-28");
}

TEST(BundledHolidays, NamesSupplementaryNotices) {
  for (int year : {2015, 2019, 2020}) {
    const auto text =
        rpx::bundled_file("holidays/" + std::to_string(year) + ".json");
    ASSERT_TRUE(text.has_value()) << year;
    const auto parsed =
        rpx::parse_holiday_file(*text, "bundled", Origin::bundled);
    EXPECT_NE(parsed[0].notice.find("；国务院"), std::string::npos) << year;
  }
}

}  // namespace
