#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <rpx/errors.hpp>
#include <rpx/import.hpp>
#include <rpx/roster.hpp>
#include <rpx/store.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.hpp"
#include "test_data.hpp"

namespace {

using rpx::test::day;
using rpx::test::slurp;
namespace fs = std::filesystem;
using rpx::ImportAction;
using rpx::UpdateExisting;
using rpx::test::ScopedTempDir;
using rpx::test::ScopedUmask;

struct stat stat_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st;
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out.insert(e.path().filename().string());
  }
  return out;
}

const char* const k_roster =
    "student_id,name,expiry,advisor\n"
    "2021210001,Kim Minjun,2026-12-20,Dr. Wang\n"
    "2021210002,\"O'Brien, Jr., Sean\",2027-01-10,\n";

class ImportTest : public testing::Test {
 protected:
  rpx::Roster roster(const char* text = k_roster) const {
    rpx::Roster r = rpx::parse_roster(text);
    EXPECT_TRUE(r.errors.empty());
    return r;
  }
  fs::path dir() const { return m_tmp.path() / "cohort"; }
  void import(const rpx::Roster& r,
              UpdateExisting update = UpdateExisting::no) const {
    rpx::execute_import(rpx::plan_import(r, dir(), update), r, {});
  }
  rpx::StudentState load(const char* id) const {
    return rpx::StateStore(dir() / (std::string(id) + ".json")).load();
  }

  ScopedTempDir m_tmp;
};

TEST_F(ImportTest, CreatesOneStateFilePerRow) {
  import(roster());
  EXPECT_EQ(names_in(dir()),
            (std::set<std::string>{"2021210001.json", "2021210002.json"}));
  const rpx::StudentState s = load("2021210002");
  EXPECT_EQ(s.schema, rpx::k_schema_version);
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(s.name, "O'Brien, Jr., Sean");
  EXPECT_EQ(s.student_id, "2021210002");
  EXPECT_EQ(s.current.expiry, day("2027-01-10"));
  for (const auto& step : s.current.steps) {
    EXPECT_FALSE(step.done);
  }
  EXPECT_FALSE(s.current.progress_note);
  EXPECT_EQ(s.uuid.size(), 36u);
  EXPECT_NE(s.uuid, load("2021210001").uuid);
}

TEST_F(ImportTest, RecordsTheRulesInForce) {
  const rpx::Roster r = roster();
  rpx::StoreOptions options;
  options.rules = "cqupt-chongqing";
  rpx::execute_import(rpx::plan_import(r, dir(), UpdateExisting::no), r,
                      options);
  EXPECT_EQ(load("2021210001").rules, "cqupt-chongqing");
}

TEST_F(ImportTest, KeepsExtraColumnsAsStringMembers) {
  import(roster());
  const auto j = nlohmann::json::parse(slurp(dir() / "2021210001.json"));
  EXPECT_EQ(j.at("advisor"), "Dr. Wang");
  EXPECT_EQ(load("2021210002").unknown, (rpx::Unknown{{"advisor", "\"\""}}));
}

TEST_F(ImportTest, WritesPrivateModesWhateverTheUmask) {
  const ScopedUmask mask(0);
  import(roster());
  EXPECT_EQ(stat_of(dir()).st_mode & 07777, 0700u);
  EXPECT_EQ(stat_of(dir() / "2021210001.json").st_mode & 07777, 0600u);
}

TEST_F(ImportTest, SharesFilesWithAGroupWritableDirectorysGroup) {
  fs::create_directory(dir());
  const gid_t group = ::geteuid() == 0 ? 4242 : ::getegid();
  ASSERT_EQ(::chown(dir().c_str(), static_cast<uid_t>(-1), group), 0);
  ASSERT_EQ(::chmod(dir().c_str(), 02770), 0);
  import(roster());
  const struct stat st = stat_of(dir() / "2021210001.json");
  EXPECT_EQ(st.st_mode & 07777, 0660u);
  EXPECT_EQ(st.st_gid, group);
}

TEST_F(ImportTest, LeavesNoTemporaryFiles) {
  import(roster());
  for (const std::string& name : names_in(dir())) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
  }
}

TEST_F(ImportTest, LeavesExistingFilesAloneWithoutUpdate) {
  import(roster());
  const std::string before = slurp(dir() / "2021210001.json");
  const rpx::Roster changed = roster(
      "student_id,name,expiry\n2021210001,Someone Else,2030-01-01\n"
      "2021210003,New,2027-03-01\n");
  const rpx::ImportPlan plan =
      rpx::plan_import(changed, dir(), UpdateExisting::no);
  EXPECT_EQ(plan.count(ImportAction::unchanged), 1u);
  EXPECT_EQ(plan.count(ImportAction::create), 1u);
  rpx::execute_import(plan, changed, {});
  EXPECT_EQ(slurp(dir() / "2021210001.json"), before);
  EXPECT_EQ(load("2021210003").name, "New");
}

TEST_F(ImportTest, UpdateChangesOnlyNameAndExpiry) {
  import(roster());
  rpx::StateStore(dir() / "2021210001.json").update([](rpx::StudentState& s) {
    s.current.steps[0].done = day("2026-11-02");
    s.current.steps[0].note = "sealed";
  });
  const rpx::StudentState before = load("2021210001");
  const rpx::Roster changed = roster(
      "student_id,name,expiry,advisor\n"
      "2021210001,Kim Min-jun,2027-12-20,Dr. Li\n"
      "2021210002,\"O'Brien, Jr., Sean\",2027-01-10,\n");
  const rpx::ImportPlan plan =
      rpx::plan_import(changed, dir(), UpdateExisting::yes);
  ASSERT_EQ(plan.items[0].action, ImportAction::update);
  EXPECT_EQ(plan.items[0].old_name, "Kim Minjun");
  EXPECT_EQ(plan.items[0].old_expiry, day("2026-12-20"));
  EXPECT_EQ(plan.items[1].action, ImportAction::unchanged);
  rpx::execute_import(plan, changed, {});

  rpx::StudentState expected = before;
  expected.name = "Kim Min-jun";
  expected.current.expiry = day("2027-12-20");
  expected.revision = before.revision + 1;
  EXPECT_EQ(load("2021210001"), expected);  // steps, uuid, advisor kept
  EXPECT_EQ(load("2021210002").revision, 1);
}

TEST_F(ImportTest, PlanWritesNothing) {
  const rpx::ImportPlan plan =
      rpx::plan_import(roster(), dir(), UpdateExisting::yes);
  EXPECT_TRUE(plan.create_dir);
  EXPECT_EQ(plan.count(ImportAction::create), 2u);
  EXPECT_EQ(plan.items[1].file, dir() / "2021210002.json");
  EXPECT_FALSE(fs::exists(dir()));
}

TEST_F(ImportTest, PlanRefusesAFileInPlaceOfTheDirectory) {
  std::ofstream(dir()) << "x";
  EXPECT_THROW(rpx::plan_import(roster(), dir(), UpdateExisting::no),
               rpx::IoError);
}

TEST_F(ImportTest, PlanWithUpdateRefusesAnUnparsableFileBeforeWriting) {
  fs::create_directory(dir());
  std::ofstream(dir() / "2021210002.json") << "{";
  try {
    rpx::plan_import(roster(), dir(), UpdateExisting::yes);
    FAIL() << "no error";
  } catch (const rpx::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("2021210002.json:1:2"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(names_in(dir()), (std::set<std::string>{"2021210002.json"}));
}

TEST_F(ImportTest, PlanWithUpdateRefusesAFileFromANewerRpx) {
  fs::create_directory(dir());
  std::ofstream(dir() / "2021210001.json")
      << R"({"schema": 99, "uuid": "u", "revision": 1, "expiry": "2026-12-20"})";
  try {
    rpx::plan_import(roster(), dir(), UpdateExisting::yes);
    FAIL() << "no error";
  } catch (const rpx::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("written by a newer rpx (schema 99)"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ImportTest, CreatesNothingWhenAFileAppearsMeanwhile) {
  const rpx::Roster r = roster();
  const rpx::ImportPlan plan =
      rpx::plan_import(r, m_tmp.path(), UpdateExisting::no);
  // Another program creates the second file after planning: the import
  // must not replace it, and must take back the first.
  std::ofstream(m_tmp.path() / "2021210002.json") << "theirs";
  EXPECT_THROW(rpx::execute_import(plan, r, {}), rpx::IoError);
  EXPECT_EQ(names_in(m_tmp.path()), (std::set<std::string>{"2021210002.json"}));
  EXPECT_EQ(slurp(m_tmp.path() / "2021210002.json"), "theirs");
}

TEST(StateFileFor, IsTheIdDotJsonInTheDirectory) {
  EXPECT_EQ(rpx::state_file_for("cohort", "2021210001"),
            fs::path("cohort/2021210001.json"));
}

TEST(StateFromRow, StartsANewStudent) {
  rpx::RosterRow row;
  row.student_id = "7";
  row.name = "王小明";
  row.expiry = day("2026-12-20");
  row.extra = {"A-101", "say \"hi\""};
  const rpx::StudentState s = rpx::state_from_row(row, {"room", "note"});
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(s.name, "王小明");
  EXPECT_EQ(s.unknown, (rpx::Unknown{{"room", "\"A-101\""},
                                     {"note", "\"say \\\"hi\\\"\""}}));
}

}  // namespace
