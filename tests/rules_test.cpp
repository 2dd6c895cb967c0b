#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/rules.hpp>
#include <string>

#include "test_data.hpp"

namespace {

using nlohmann::json;
using rpx::parse_rules;

const char* const k_name = "rules.json";

std::string bundled_text() {
  auto text = rpx::bundled_file("rules/cqupt-chongqing.json");
  EXPECT_TRUE(text.has_value());
  return text ? std::string(*text) : std::string();
}

rpx::Rules bundled() { return parse_rules(bundled_text(), k_name); }

/// The bundled rules as JSON, for tests that break one thing in them.
json bundled_json() { return json::parse(bundled_text()); }

/// The message `parse_rules` throws for `text`, or "" when it parses.
std::string error_of_text(const std::string& text) {
  return rpx::test::message_of([&] { parse_rules(text, k_name); });
}

std::string error_of(const json& j) { return error_of_text(j.dump()); }

TEST(ParseRules, BundledFileHasTheSeedPageFacts) {
  const rpx::Rules r = bundled();
  EXPECT_EQ(r.id, "cqupt-chongqing");
  EXPECT_EQ(r.university.en(),
            "Chongqing University of Posts and Telecommunications");
  EXPECT_EQ(r.university.in("zh"), "重庆邮电大学");
  EXPECT_EQ(r.city.in("zh"), "重庆");
  EXPECT_EQ(r.time_zone, "Asia/Shanghai");
  EXPECT_EQ(r.advance_days, date::days{30});
  EXPECT_EQ(r.processing_workdays, rpx::Workdays{15});
  ASSERT_EQ(r.fees.size(), 1u);
  EXPECT_EQ(r.fees[0].id, "permit-under-one-year");
  EXPECT_EQ(r.fees[0].amount, 400);
  EXPECT_EQ(r.fees[0].currency, "CNY");
  EXPECT_NE(r.fees[0].payment.en().find("UnionPay debit card"),
            std::string::npos);
}

TEST(ParseRules, BundledFileHasFiveStepsAtTheirOffices) {
  const rpx::Rules r = bundled();
  ASSERT_EQ(r.steps.size(), 5u);
  const char* const offices[] = {"nanshan-police", "photo-studio",
                                 "international-office", "exit-entry",
                                 "exit-entry"};
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    EXPECT_EQ(r.steps[i].id, rpx::k_step_ids[i]);
    EXPECT_EQ(r.steps[i].office, offices[i]) << r.steps[i].id;
    EXPECT_FALSE(r.steps[i].title.en().empty());
  }
  EXPECT_EQ(r.step("submit")->bring.size(), 4u);
}

TEST(ParseRules, BundledFileHasTheOffices) {
  const rpx::Rules r = bundled();
  ASSERT_EQ(r.offices.size(), 4u);
  const rpx::Office* exit_entry = r.office("exit-entry");
  ASSERT_NE(exit_entry, nullptr);
  EXPECT_EQ(exit_entry->name.in("zh"), "重庆市公安局出入境管理局");
  EXPECT_EQ(exit_entry->address.en(),
            "555 Huanglong Road, Yubei District, Chongqing");
  EXPECT_EQ(exit_entry->address.in("zh"), "重庆市渝北区黄龙路555号");
  EXPECT_EQ(exit_entry->phone, "023-12367");
  EXPECT_NE(exit_entry->hours.en().find("9:00–12:00 and 14:00–17:00"),
            std::string::npos);

  // The police station's Chinese name is verified, its Chinese address not:
  // the name carries its city and district instead, for a taxi driver.
  const rpx::Office* police = r.office("nanshan-police");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->name.in("zh"), "重庆市南岸区南山派出所");
  EXPECT_EQ(police->address.en(),
            "No. 9 Chongwen Road, Nanshan Street, Nan'an District, Chongqing");
  EXPECT_FALSE(police->address.has("zh"));

  // Nothing is published for the studio but its name: the fields are empty.
  const rpx::Office* studio = r.office("photo-studio");
  ASSERT_NE(studio, nullptr);
  EXPECT_NE(studio->name.en().find("Jiang Pan Photoshop"), std::string::npos);
  EXPECT_TRUE(studio->address.by_lang.empty());
  EXPECT_TRUE(studio->hours.by_lang.empty());
  EXPECT_EQ(studio->phone, "");
}

TEST(ParseRules, EveryBundledRulesFileParses) {
  int n = 0;
  for (const rpx::BundledFile& f : rpx::bundled_files()) {
    if (f.path.starts_with("rules/")) {
      EXPECT_NO_THROW(parse_rules(f.text, std::string(f.path))) << f.path;
      ++n;
    }
  }
  EXPECT_GE(n, 1);
}

TEST(ParseRules, LooksUpOfficesAndSteps) {
  const rpx::Rules r = bundled();
  EXPECT_EQ(r.office("nowhere"), nullptr);
  EXPECT_EQ(r.step("2"), nullptr);
  ASSERT_NE(r.step("collect"), nullptr);
  EXPECT_EQ(r.step("collect")->office, "exit-entry");
}

TEST(ParseRules, AcceptsByteOrderMark) {
  EXPECT_EQ(parse_rules("\xEF\xBB\xBF" + bundled_text(), k_name), bundled());
}

TEST(ParseRules, SyntaxErrorNamesLineAndColumn) {
  // The reason after the position is nlohmann's wording; the position is ours.
  const std::string text = "{\n  \"format\": \"rpx-rules/1\",\n  \"id\" 1\n}";
  EXPECT_TRUE(error_of_text(text).starts_with("rules.json:3:8: "))
      << error_of_text(text);
  // The byte-order mark does not shift the column.
  EXPECT_TRUE(
      error_of_text("\xEF\xBB\xBF" + text).starts_with("rules.json:3:8: "));
  EXPECT_TRUE(error_of_text("").starts_with("rules.json:1:1: "))
      << error_of_text("");
}

TEST(ParseRules, RejectsNonObject) {
  EXPECT_EQ(error_of_text("[]"), "rules.json: expected an object");
}

TEST(ParseRules, RejectsOtherFormat) {
  json j = bundled_json();
  j["format"] = "rpx-rules/2";
  j["new_member"] = 1;  // the format is named before unknown members
  EXPECT_EQ(error_of(j),
            "rules.json: /format: unsupported format \"rpx-rules/2\" (this "
            "rpx reads \"rpx-rules/1\")");
  j.erase("format");
  EXPECT_EQ(error_of(j), "rules.json: /format: missing");
}

TEST(ParseRules, RejectsUnknownMembers) {
  json j = bundled_json();
  j["extra"] = true;
  EXPECT_EQ(error_of(j), "rules.json: /extra: unknown member");
  j = bundled_json();
  j["offices"][1]["fax"] = "023";
  EXPECT_EQ(error_of(j), "rules.json: /offices/1/fax: unknown member");
  j = bundled_json();
  j["steps"][3]["deadline"] = 30;
  EXPECT_EQ(error_of(j), "rules.json: /steps/3/deadline: unknown member");
  j = bundled_json();
  j["fees"][0]["cash"] = false;
  EXPECT_EQ(error_of(j), "rules.json: /fees/0/cash: unknown member");
}

TEST(ParseRules, RejectsMissingMembers) {
  for (const char* key :
       {"id", "university", "city", "source", "time_zone", "advance_days",
        "processing_workdays", "offices", "steps", "fees"}) {
    json j = bundled_json();
    j.erase(key);
    EXPECT_EQ(error_of(j), std::string("rules.json: /") + key + ": missing");
  }
}

TEST(ParseRules, RejectsEmptyIdAndTimeZone) {
  json j = bundled_json();
  j["id"] = "";
  EXPECT_EQ(error_of(j), "rules.json: /id: must not be empty");
  j = bundled_json();
  j["time_zone"] = "";
  EXPECT_EQ(error_of(j), "rules.json: /time_zone: must not be empty");
  j["time_zone"] = 8;
  EXPECT_EQ(error_of(j), "rules.json: /time_zone: expected a string");
}

TEST(ParseRules, LeavesTimeZoneNamesToTheCaller) {
  json j = bundled_json();
  j["time_zone"] = "Mars/Olympus_Mons";
  EXPECT_EQ(parse_rules(j.dump(), k_name).time_zone, "Mars/Olympus_Mons");
}

TEST(ParseRules, RejectsAdvanceDaysOutOfRange) {
  json j = bundled_json();
  for (const json& bad :
       {json(0), json(366), json(-30), json("30"), json(30.5), json(nullptr)}) {
    j["advance_days"] = bad;
    EXPECT_EQ(error_of(j),
              "rules.json: /advance_days: expected an integer from 1 to 365")
        << bad;
  }
  j["advance_days"] = 365;
  EXPECT_EQ(parse_rules(j.dump(), k_name).advance_days, date::days{365});
}

TEST(ParseRules, RejectsProcessingWorkdaysOutOfRange) {
  json j = bundled_json();
  for (const json& bad : {json(0), json(366), json("15")}) {
    j["processing_workdays"] = bad;
    EXPECT_EQ(error_of(j),
              "rules.json: /processing_workdays: expected an integer from 1 "
              "to 365")
        << bad;
  }
  j["processing_workdays"] = 1;
  EXPECT_EQ(parse_rules(j.dump(), k_name).processing_workdays,
            rpx::Workdays{1});
}

TEST(ParseRules, RejectsNoOffices) {
  json j = bundled_json();
  j["offices"] = json::array();
  EXPECT_EQ(error_of(j), "rules.json: /offices: needs at least one office");
  j["offices"] = json::object();
  EXPECT_EQ(error_of(j), "rules.json: /offices: expected an array");
}

TEST(ParseRules, RejectsDuplicateOfficeId) {
  json j = bundled_json();
  j["offices"][3]["id"] = "photo-studio";
  EXPECT_EQ(error_of(j),
            "rules.json: /offices/3/id: duplicate id \"photo-studio\" (also "
            "/offices/1/id)");
}

TEST(ParseRules, RejectsUnknownOffice) {
  json j = bundled_json();
  j["steps"][2]["office"] = "x";
  EXPECT_EQ(error_of(j),
            "rules.json: /steps/2/office: no office \"x\" in "
            "/offices");
}

TEST(ParseRules, RejectsStepsOutOfOrder) {
  json j = bundled_json();
  std::swap(j["steps"][1], j["steps"][2]);
  EXPECT_EQ(error_of(j),
            "rules.json: /steps/1/id: expected \"photo\", found \"letter\" "
            "(the steps are registration, photo, letter, submit, collect, in "
            "that order)");
}

TEST(ParseRules, RejectsMissingStep) {
  json j = bundled_json();
  j["steps"].erase(4);
  EXPECT_EQ(error_of(j),
            "rules.json: /steps: expected 5 steps (registration, photo, "
            "letter, submit, collect), found 4");
}

TEST(ParseRules, RejectsExtraStep) {
  json j = bundled_json();
  j["steps"].push_back(j["steps"][4]);
  EXPECT_EQ(error_of(j),
            "rules.json: /steps: expected 5 steps (registration, photo, "
            "letter, submit, collect), found 6");
}

TEST(ParseRules, StepsMayOmitBringAndNotes) {
  json j = bundled_json();
  j["steps"][4].erase("bring");
  j["steps"][4].erase("notes");
  const rpx::Rules r = parse_rules(j.dump(), k_name);
  EXPECT_TRUE(r.steps[4].bring.empty());
  EXPECT_TRUE(r.steps[4].notes.empty());
  j["steps"][4]["notes"] = {{{"en", ""}}};
  EXPECT_EQ(error_of(j), "rules.json: /steps/4/notes/0/en: must not be empty");
}

TEST(ParseRules, RejectsNullOptionalMember) {
  json j = bundled_json();
  j["offices"][0]["address"] = nullptr;
  EXPECT_EQ(error_of(j), "rules.json: /offices/0/address: expected an object");
  j = bundled_json();
  j["offices"][3]["phone"] = "";
  EXPECT_EQ(error_of(j), "rules.json: /offices/3/phone: must not be empty");
}

TEST(ParseRules, RejectsFeeAmountOutOfRange) {
  json j = bundled_json();
  for (const json& bad : {json(-1), json(100001), json("400")}) {
    j["fees"][0]["amount"] = bad;
    EXPECT_EQ(error_of(j),
              "rules.json: /fees/0/amount: expected an integer from 0 to "
              "100000")
        << bad;
  }
  j["fees"][0]["amount"] = 0;
  EXPECT_EQ(parse_rules(j.dump(), k_name).fees[0].amount, 0);
}

TEST(ParseRules, RejectsBadCurrency) {
  json j = bundled_json();
  for (const char* bad : {"cny", "CN", "CNYY", "C1Y", "RMB\n"}) {
    j["fees"][0]["currency"] = bad;
    EXPECT_EQ(error_of(j),
              "rules.json: /fees/0/currency: expected three upper-case "
              "letters (ISO 4217), such as \"CNY\"")
        << bad;
  }
}

TEST(ParseRules, RejectsDuplicateFeeId) {
  json j = bundled_json();
  j["fees"].push_back(j["fees"][0]);
  EXPECT_EQ(error_of(j),
            "rules.json: /fees/1/id: duplicate id \"permit-under-one-year\" "
            "(also /fees/0/id)");
}

TEST(ParseRules, AcceptsNoFees) {
  json j = bundled_json();
  j["fees"] = json::array();
  EXPECT_TRUE(parse_rules(j.dump(), k_name).fees.empty());
}

TEST(ParseRules, RejectsTextWithoutEnglish) {
  json j = bundled_json();
  j["university"] = {{"zh", "重庆邮电大学"}};
  EXPECT_EQ(error_of(j),
            "rules.json: /university: needs an English text (\"en\")");
  j["university"] = "Chongqing University of Posts and Telecommunications";
  EXPECT_EQ(error_of(j), "rules.json: /university: expected an object");
}

TEST(ParseRules, RejectsEmptyText) {
  json j = bundled_json();
  j["city"]["en"] = "";
  EXPECT_EQ(error_of(j), "rules.json: /city/en: must not be empty");
  j["city"]["en"] = 1;
  EXPECT_EQ(error_of(j), "rules.json: /city/en: expected a string");
}

TEST(ParseRules, RejectsBadLanguageKey) {
  for (const char* bad :
       {"zh_CN", "ZH", "english", "z", "zh-tw", "zh-TWN", "zh\n"}) {
    json j = bundled_json();
    j["offices"][3]["name"][bad] = "x";
    EXPECT_EQ(error_of(j), std::string("rules.json: /offices/3/name/") + bad +
                               ": expected a language code such as \"en\" "
                               "or \"zh\"");
  }
}

TEST(ParseRules, AcceptsLanguagesWithRegion) {
  json j = bundled_json();
  j["city"]["zh-TW"] = "重慶";
  j["city"]["ko"] = "충칭";
  const rpx::Rules r = parse_rules(j.dump(), k_name);
  EXPECT_EQ(r.city.in("zh-TW"), "重慶");
  EXPECT_EQ(r.city.in("ko"), "충칭");
  EXPECT_EQ(r.city.in("fr"), "Chongqing");
}

TEST(StepId, AcceptsIdsAndNumbers) {
  EXPECT_EQ(rpx::step_id("2"), "photo");
  EXPECT_EQ(rpx::step_id("photo"), "photo");
  EXPECT_EQ(rpx::step_id("1"), "registration");
  EXPECT_EQ(rpx::step_id("5"), "collect");
  EXPECT_EQ(rpx::step_id("collect"), "collect");
}

TEST(StepId, RejectsEverythingElse) {
  for (const char* bad :
       {"6", "0", "", "Photo", "02", "2 ", " 2", "-1", "photos", "step2"}) {
    EXPECT_EQ(rpx::step_id(bad), "") << '"' << bad << '"';
  }
}

TEST(StepNumber, NumbersTheStableIds) {
  for (std::size_t i = 0; i < rpx::k_step_ids.size(); ++i) {
    EXPECT_EQ(rpx::step_number(rpx::k_step_ids[i]), static_cast<int>(i) + 1);
  }
  EXPECT_EQ(rpx::step_number("2"), 0);
  EXPECT_EQ(rpx::step_number("Photo"), 0);
  EXPECT_EQ(rpx::step_number(""), 0);
}

}  // namespace

namespace {

/// Every text of a rules file, with where it is.
std::vector<std::pair<std::string, const rpx::Text*>> texts_of(
    const rpx::Rules& r) {
  std::vector<std::pair<std::string, const rpx::Text*>> out;
  for (const rpx::Office& o : r.offices) {
    out.emplace_back(o.id + " name", &o.name);
  }
  for (const rpx::Step& s : r.steps) {
    out.emplace_back(s.id + " title", &s.title);
    for (const rpx::Text& t : s.bring) {
      out.emplace_back(s.id + " bring", &t);
    }
    for (const rpx::Text& t : s.notes) {
      out.emplace_back(s.id + " note", &t);
    }
  }
  for (const rpx::Fee& f : r.fees) {
    out.emplace_back(f.id + " description", &f.description);
    out.emplace_back(f.id + " payment", &f.payment);
  }
  return out;
}

TEST(ParseRules, BundledTextsAreInEnglishChineseAndKorean) {
  const rpx::Rules r = bundled();
  for (const auto& [where, text] : texts_of(r)) {
    for (const char* lang : {"en", "zh", "ko"}) {
      EXPECT_TRUE(text->has(lang)) << where << " has no " << lang;
    }
  }
}

}  // namespace
