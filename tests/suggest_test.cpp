#include <gtest/gtest.h>

#include <optional>
#include <rpx/suggest.hpp>
#include <string_view>
#include <vector>

namespace {

using rpx::edit_distance;
using rpx::suggest;

// The commands in `rpx --help`, in its order.
const std::vector<std::string_view> k_commands = {
    "init",     "set",      "status",   "plan",  "done",   "undo",
    "submit",   "collect",  "export",   "check", "remind", "import",
    "deadline", "workdays", "holidays", "info",  "help"};

const std::vector<std::string_view> k_steps = {"registration", "photo",
                                               "letter", "submit", "collect"};

TEST(EditDistance, CountsInsertionsDeletionsAndReplacements) {
  EXPECT_EQ(edit_distance("", ""), 0U);
  EXPECT_EQ(edit_distance("", "plan"), 4U);
  EXPECT_EQ(edit_distance("plan", ""), 4U);
  EXPECT_EQ(edit_distance("phot", "photo"), 1U);
  EXPECT_EQ(edit_distance("photos", "photo"), 1U);
  EXPECT_EQ(edit_distance("leter", "letter"), 1U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
}

TEST(EditDistance, ASwapOfNeighboursIsOneEdit) {
  EXPECT_EQ(edit_distance("statsu", "status"), 1U);
  EXPECT_EQ(edit_distance("todya", "today"), 1U);
  EXPECT_EQ(edit_distance("fromat", "format"), 1U);
  // Optimal string alignment: "ca" -> "ac" -> "abc" would edit "ac" twice.
  EXPECT_EQ(edit_distance("ca", "abc"), 3U);
}

TEST(EditDistance, IgnoresTheCaseOfAsciiLetters) {
  EXPECT_EQ(edit_distance("STATUS", "status"), 0U);
  EXPECT_EQ(edit_distance("Done", "done"), 0U);
  EXPECT_EQ(edit_distance("状态", "status"), 6U);  // six bytes, none alike
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(edit_distance("holidays", "hloidyas"), 2U);
  EXPECT_EQ(edit_distance("hloidyas", "holidays"), 2U);
}

TEST(Suggest, MisspelledCommands) {
  EXPECT_EQ(suggest("statsu", k_commands), "status");
  EXPECT_EQ(suggest("stauts", k_commands), "status");
  EXPECT_EQ(suggest("chek", k_commands), "check");
  EXPECT_EQ(suggest("lpan", k_commands), "plan");
  EXPECT_EQ(suggest("don", k_commands), "done");
  EXPECT_EQ(suggest("hloidyas", k_commands), "holidays");
  EXPECT_EQ(suggest("Status", k_commands), "status");
}

TEST(Suggest, AnUnambiguousPrefixOfThreeOrMore) {
  EXPECT_EQ(suggest("stat", k_commands), "status");
  EXPECT_EQ(suggest("dead", k_commands), "deadline");
  EXPECT_EQ(suggest("work", k_commands), "workdays");
  EXPECT_EQ(suggest("registr", k_steps), "registration");
  // "re" is too short to guess from; "in" begins init, info and import.
  EXPECT_EQ(suggest("re", k_commands), std::nullopt);
  EXPECT_EQ(suggest("imp", {"import", "impose"}), std::nullopt);
}

TEST(Suggest, TheNearestWinsOverAPrefixAndTheFirstOverATie) {
  EXPECT_EQ(suggest("inf", k_commands), "info");    // 1 edit; init is 2
  EXPECT_EQ(suggest("ad", {"and", "add"}), "and");  // both 1 edit away
  EXPECT_EQ(suggest("ad", {"add", "and"}), "add");
}

TEST(Suggest, MisspelledStepsAndOptions) {
  EXPECT_EQ(suggest("phot", k_steps), "photo");
  EXPECT_EQ(suggest("leter", k_steps), "letter");
  EXPECT_EQ(suggest("colect", k_steps), "collect");
  EXPECT_EQ(suggest("regsitration", k_steps), "registration");
  EXPECT_EQ(suggest("submitt", k_steps), "submit");
  EXPECT_EQ(suggest("todya", {"file", "today", "rules", "holidays"}), "today");
  EXPECT_EQ(suggest("dryrun", {"install", "dry-run", "format"}), "dry-run");
}

TEST(Suggest, NothingWhenNothingIsClose) {
  EXPECT_EQ(suggest("nosuch", k_commands), std::nullopt);
  EXPECT_EQ(suggest("frobnicate", k_commands), std::nullopt);
  EXPECT_EQ(suggest("x", k_commands), std::nullopt);
  EXPECT_EQ(suggest("", k_commands), std::nullopt);
  EXPECT_EQ(suggest("visa", k_steps), std::nullopt);
  EXPECT_EQ(suggest("6", k_steps), std::nullopt);
  EXPECT_EQ(suggest("status", {}), std::nullopt);
  // One edit in four bytes is a typo; two are another word.
  EXPECT_EQ(suggest("sotp", {"stop"}), "stop");
  EXPECT_EQ(suggest("stpe", {"stop"}), std::nullopt);
}

TEST(Suggest, LongerNamesMayBeFurtherOff) {
  EXPECT_EQ(suggest("dedline", {"deadline"}), "deadline");      // 1 of 7
  EXPECT_EQ(suggest("deadlnie", {"deadline"}), "deadline");     // 1 of 8
  EXPECT_EQ(suggest("dedlnie", {"deadline"}), "deadline");      // 2 of 7
  EXPECT_EQ(suggest("registraiton", k_steps), "registration");  // 1 of 12
  EXPECT_EQ(suggest("rgistraton", k_steps), "registration");    // 2 of 10
  EXPECT_EQ(suggest("rgstraton", k_steps), "registration");     // 3 of 9
  EXPECT_EQ(suggest("rgstratn", k_steps), std::nullopt);        // 4 of 8
}

}  // namespace
