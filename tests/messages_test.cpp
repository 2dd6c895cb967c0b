#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>
#include <set>
#include <sstream>
#include <string>

#include "test_data.hpp"

namespace {

using rpx::Lang;
using rpx::test::ymd;

using OutputLang = rpx::OutputLangScope;

/// The "{name}"s of a template, "{{" excluded.
std::set<std::string> placeholders(std::string_view tmpl) {
  std::set<std::string> out;
  const std::string s =
      std::regex_replace(std::string(tmpl), std::regex("\\{\\{"), "");
  const std::regex hole("\\{([^}]*)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), hole);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

TEST(Lang, ParsesNamesWithRegionAndEncoding) {
  EXPECT_EQ(rpx::parse_lang("en"), Lang::en);
  EXPECT_EQ(rpx::parse_lang("zh"), Lang::zh);
  EXPECT_EQ(rpx::parse_lang("ko"), Lang::ko);
  EXPECT_EQ(rpx::parse_lang("zh_CN.UTF-8"), Lang::zh);
  EXPECT_EQ(rpx::parse_lang("zh_TW.UTF-8"), Lang::zh);
  EXPECT_EQ(rpx::parse_lang("zh-HK"), Lang::zh);
  EXPECT_EQ(rpx::parse_lang("ko_KR.UTF-8"), Lang::ko);
  EXPECT_EQ(rpx::parse_lang("en_GB@euro"), Lang::en);
  EXPECT_EQ(rpx::parse_lang("fr"), std::nullopt);
  EXPECT_EQ(rpx::parse_lang(""), std::nullopt);
  EXPECT_EQ(rpx::parse_lang("zh_"), std::nullopt);
  EXPECT_EQ(rpx::parse_lang("zhx"), std::nullopt);
  EXPECT_EQ(rpx::parse_lang("ZH"), std::nullopt);
}

TEST(Lang, ALocaleOtherThanChineseOrKoreanIsEnglish) {
  EXPECT_EQ(rpx::lang_of_locale("C"), Lang::en);
  EXPECT_EQ(rpx::lang_of_locale("POSIX"), Lang::en);
  EXPECT_EQ(rpx::lang_of_locale("C.UTF-8"), Lang::en);
  EXPECT_EQ(rpx::lang_of_locale("fr_FR.UTF-8"), Lang::en);
  EXPECT_EQ(rpx::lang_of_locale("zh_SG.UTF-8"), Lang::zh);
  EXPECT_EQ(rpx::lang_of_locale("ko_KR.EUC-KR"), Lang::ko);
}

TEST(Messages, EveryCatalogueHasEnglishKeysAndPlaceholders) {
  const auto en = rpx::message_keys(Lang::en);
  ASSERT_GT(en.size(), 10U);
  for (Lang lang : rpx::k_langs) {
    SCOPED_TRACE(std::string(rpx::lang_code(lang)));
    EXPECT_EQ(rpx::message_keys(lang), en);
    for (const std::string& key : en) {
      const auto t = rpx::message_template(lang, key);
      ASSERT_TRUE(t) << key;
      EXPECT_EQ(placeholders(*t),
                placeholders(*rpx::message_template(Lang::en, key)))
          << key;
      EXPECT_FALSE(t->empty()) << key;
    }
  }
}

TEST(Messages, EveryKeyTheSourcesUseIsInTheCatalogue) {
  // tr("key"), tr_n("key"), Message("key"), message_n("key") and
  // {"key", {...}} in src/.
  const char* root = std::getenv("RPX_SOURCE_DIR");
  ASSERT_NE(root, nullptr) << "RPX_SOURCE_DIR is not set";
  const std::filesystem::path src = std::filesystem::path(root) / "src";
  const std::regex use(
      "\\b(?:tr|tr_n|Message|message_n|message_in\\([^,]*,)\\s*\\(?\\s*"
      "\"([a-z0-9_.]+)\"");
  const auto en = rpx::message_keys(Lang::en);
  const std::set<std::string> known(en.begin(), en.end());
  std::size_t uses = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), use);
         it != std::sregex_iterator(); ++it) {
      std::string key = (*it)[1];
      ++uses;
      const auto at = static_cast<std::size_t>(it->position());
      const bool counted = s.compare(at, 5, "tr_n(") == 0 ||
                           s.compare(at, 10, "message_n(") == 0;
      if (counted) {
        EXPECT_TRUE(known.contains(key + ".one") &&
                    known.contains(key + ".other"))
            << entry.path() << ": " << key;
      } else if (!key.ends_with(".")) {
        EXPECT_TRUE(known.contains(key)) << entry.path() << ": " << key;
      }
    }
  }
  EXPECT_GT(uses, 3U);
}

TEST(Messages, FillsPlaceholdersAndBraces) {
  EXPECT_EQ(rpx::message_in(Lang::en, "error.saved", {{"file", "s.json"}}),
            "the change to s.json was saved");
  EXPECT_EQ(rpx::message_in(Lang::zh, "error.saved", {{"file", "s.json"}}),
            "对 s.json 的修改已保存");
}

TEST(Messages, AMissingKeyOrArgumentIsABugNotAFallback) {
  EXPECT_THROW(rpx::message_in(Lang::zh, "no.such.key"), rpx::InternalError);
  EXPECT_THROW(rpx::message_in(Lang::en, "error.saved"), rpx::InternalError);
}

TEST(Messages, AnErrorKeepsItsMessageForEveryLanguage) {
  const rpx::UsageError e(rpx::Message(
      "error.unknown_lang", {{"value", "fr"}, {"source", "--lang"}}));
  EXPECT_STREQ(e.what(),
               "unknown language \"fr\" for --lang: use en, zh or ko");
  EXPECT_EQ(
      e.message().in(Lang::ko),
      "--lang의 언어 \"fr\"을(를) 알 수 없습니다: en, zh, ko 중 하나를 쓰세요");
}

TEST(Messages, AnArgumentThatIsAMessageIsWordedInTheSameLanguage) {
  const rpx::Message m(
      "error.internal",
      {{"what", rpx::Message("error.saved", {{"file", "s.json"}})}});
  EXPECT_EQ(m.in(Lang::en),
            "internal error: the change to s.json was saved; please report "
            "this bug");
  EXPECT_EQ(m.in(Lang::zh), "内部错误：对 s.json 的修改已保存；请报告此缺陷");
  EXPECT_EQ(rpx::message_in(
                Lang::ko, "error.internal",
                {{"what", rpx::Message("error.saved", {{"file", "s.json"}})}}),
            "내부 오류: s.json에 대한 변경은 저장되었습니다. 이 버그를 신고해 "
            "주세요");
}

TEST(Messages, ACountedMessagePicksOneOrOther) {
  EXPECT_EQ(rpx::message_n("a.b", 1).key, "a.b.one");
  EXPECT_EQ(rpx::message_n("a.b", -1).key, "a.b.one");
  EXPECT_EQ(rpx::message_n("a.b", 0).key, "a.b.other");
  const rpx::Message m = rpx::message_n("a.b", 2, {{"file", "f"}});
  EXPECT_EQ(m.key, "a.b.other");
  EXPECT_EQ(m.args, (std::vector<std::pair<std::string, std::string>>{
                        {"file", "f"}, {"n", "2"}}));
}

TEST(ShowDate, FollowsTheLanguagesHabit) {
  const rpx::Date d = ymd(2027, 2, 20);
  {
    OutputLang lang(Lang::en);
    EXPECT_EQ(rpx::show_date(d), "2027-02-20");
    EXPECT_EQ(rpx::show_weekday_date(d), "Saturday 2027-02-20");
  }
  {
    OutputLang lang(Lang::zh);
    EXPECT_EQ(rpx::show_date(d), "2027年2月20日");
    EXPECT_EQ(rpx::show_weekday_date(d), "2027年2月20日（星期六）");
  }
  {
    OutputLang lang(Lang::ko);
    EXPECT_EQ(rpx::show_date(d), "2027년 2월 20일");
    EXPECT_EQ(rpx::show_weekday_date(d), "2027년 2월 20일 (토)");
  }
}

}  // namespace

namespace {

// The catalogues are read without a JSON tree (messages.cpp): every key and
// every text, escapes decoded, is what a JSON parser reads in them.
TEST(Messages, CataloguesReadAsAJsonParserReadsThem) {
  for (rpx::Lang lang : rpx::k_langs) {
    const std::string path =
        "i18n/" + std::string(rpx::lang_code(lang)) + ".json";
    const auto j = nlohmann::json::parse(*rpx::bundled_file(path));
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.at("messages").items()) {
      keys.push_back(key);
      EXPECT_EQ(rpx::message_template(lang, key), value.get<std::string>())
          << key;
    }
    EXPECT_EQ(rpx::message_keys(lang), keys);
  }
  EXPECT_EQ(
      *rpx::message_template(rpx::Lang::en, "error.state.internal_marker"),
      "a text to be saved holds rpx's internal marker \\u0001rpx-raw-; "
      "nothing was written");
}

}  // namespace
