#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <rpx/batch.hpp>
#include <rpx/messages.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.hpp"
#include "test_data.hpp"
#include "unprivileged.hpp"

namespace {

namespace fs = std::filesystem;
using rpx::BatchError;
using rpx::Phase;
using rpx::Urgency;
using rpx::test::ScopedTempDir;
using rpx::test::ymd;

std::string state_json(const std::string& id, const std::string& expiry) {
  return R"({"schema": 1, "uuid": "u-)" + id + R"(", "revision": 1,
             "student_id": ")" +
         id + R"(", "expiry": ")" + expiry + "\"}\n";
}

std::vector<std::string> relative(const std::vector<std::string>& files,
                                  const fs::path& base) {
  std::vector<std::string> out;
  for (const std::string& f : files) {
    out.push_back(fs::path(f).lexically_relative(base).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A key whose date is `day` days after 2027-01-01; no date when `day` is
/// nullopt (collected).
Urgency key(Phase p, std::optional<int> day, std::string id,
            std::string file = "f") {
  std::optional<rpx::Date> when;
  if (day) {
    when = rpx::Date{date::year{2027} / 1 / 1} + date::days{*day};
  }
  return Urgency{p, when, std::move(id), std::move(file)};
}

TEST(MoreUrgent, PhasesInCheckOrder) {
  for (std::size_t i = 0; i + 1 < rpx::k_phases.size(); ++i) {
    const Urgency a = key(rpx::k_phases[i], 100, "9");
    const Urgency b = key(rpx::k_phases[i + 1], -100, "1");
    EXPECT_TRUE(rpx::more_urgent(a, b)) << i;
    EXPECT_FALSE(rpx::more_urgent(b, a)) << i;
  }
}

TEST(MoreUrgent, InsideAPhaseEarliestDateFirst) {
  // overdue -11, -4, -7 days: the most overdue first, whatever the ids.
  for (Phase p : {Phase::expired, Phase::overdue, Phase::due, Phase::ready,
                  Phase::processing, Phase::upcoming}) {
    EXPECT_TRUE(rpx::more_urgent(key(p, -11, "9"), key(p, -7, "1")))
        << rpx::phase_name(p);
    EXPECT_FALSE(rpx::more_urgent(key(p, -7, "1"), key(p, -11, "9")))
        << rpx::phase_name(p);
  }
}

TEST(MoreUrgent, CollectedByIdAlone) {
  EXPECT_TRUE(rpx::more_urgent(key(Phase::collected, std::nullopt, "1"),
                               key(Phase::collected, std::nullopt, "2")));
  EXPECT_FALSE(rpx::more_urgent(key(Phase::collected, std::nullopt, "2"),
                                key(Phase::collected, std::nullopt, "1")));
}

TEST(MoreUrgent, TiesByStudentIdThenFile) {
  EXPECT_TRUE(rpx::more_urgent(key(Phase::due, 5, "2021210001", "z.json"),
                               key(Phase::due, 5, "2021210002", "a.json")));
  EXPECT_TRUE(rpx::more_urgent(key(Phase::due, 5, "2021210001", "a.json"),
                               key(Phase::due, 5, "2021210001", "b.json")));
  const Urgency same = key(Phase::due, 5, "1", "a.json");
  EXPECT_FALSE(rpx::more_urgent(same, same));
}

TEST(SortByUrgency, MostUrgentFirst) {
  std::vector<rpx::Ranked<std::string>> items = {
      {key(Phase::collected, std::nullopt, "1"), "collected"},
      {key(Phase::due, 20, "1"), "due in 20"},
      {key(Phase::upcoming, 69, "1"), "upcoming 69"},
      {key(Phase::upcoming, 51, "2"), "upcoming 51"},
      {key(Phase::expired, -10, "1"), "expired 10 days ago"},
      {key(Phase::ready, 0, "1"), "ready"},
      {key(Phase::due, 2, "9"), "due in 2"},
      {key(Phase::expired, -50, "2"), "expired 50 days ago"},
      {key(Phase::processing, 0, "1"), "processing"},
      {key(Phase::overdue, -4, "1"), "overdue 4"},
      {key(Phase::overdue, -11, "3"), "overdue 11"},
      {key(Phase::overdue, -7, "2"), "overdue 7"},
  };
  rpx::sort_by_urgency(items);
  std::vector<std::string> order;
  for (const auto& r : items) {
    order.push_back(r.item);
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{
                "expired 50 days ago", "expired 10 days ago", "overdue 11",
                "overdue 7", "overdue 4", "due in 2", "due in 20", "ready",
                "processing", "upcoming 51", "upcoming 69", "collected"}));
}

TEST(PhaseCounts, CountsEachPhaseAndTheTotal) {
  rpx::PhaseCounts c;
  EXPECT_EQ(c.total(), 0U);
  c.add(Phase::due);
  c.add(Phase::due);
  c.add(Phase::collected);
  EXPECT_EQ(c[Phase::due], 2U);
  EXPECT_EQ(c[Phase::collected], 1U);
  EXPECT_EQ(c[Phase::expired], 0U);
  EXPECT_EQ(c.total(), 3U);
}

TEST(PhaseSet, AllByDefaultOrTheOnesGiven) {
  const rpx::PhaseSet all;
  EXPECT_TRUE(all.all());
  for (Phase p : rpx::k_phases) {
    EXPECT_TRUE(all.contains(p));
  }
  const rpx::PhaseSet some({Phase::due, Phase::overdue});
  EXPECT_FALSE(some.all());
  EXPECT_TRUE(some.contains(Phase::due));
  EXPECT_TRUE(some.contains(Phase::overdue));
  EXPECT_FALSE(some.contains(Phase::expired));
}

TEST(FindStateFiles, WalksRecursivelyAndSkipsRpxFiles) {
  ScopedTempDir dir;
  dir.write("a.json", "{}");
  dir.write("x/b.json", "{}");
  dir.write("x/y/z/c.json", "{}");
  dir.write("x/.b.json.tmp.AbC123", "{}");  // a save's temporary file
  dir.write("x/b.json.lock", "");
  dir.write("x/notes.txt", "");
  dir.write("x/y/d.JSON.bak", "");
  const rpx::FoundFiles found = rpx::find_state_files({dir.path().string()});
  EXPECT_TRUE(found.errors.empty());
  EXPECT_EQ(relative(found.files, dir.path()),
            (std::vector<std::string>{"a.json", "x/b.json", "x/y/z/c.json"}));
}

TEST(FindStateFiles, NamedFileTakenWhateverItsNameButNotRpxFiles) {
  ScopedTempDir dir;
  const std::string plain = dir.write("student.txt", "{}");
  const std::string lock = dir.write("s.json.lock", "");
  const std::string temp = dir.write(".s.json.tmp.Zz9Zz9", "{}");
  const rpx::FoundFiles found = rpx::find_state_files({plain, lock, temp});
  EXPECT_EQ(found.files, std::vector<std::string>{plain});
  EXPECT_TRUE(found.errors.empty());
}

TEST(FindStateFiles, MissingPathIsAnErrorAndTheWalkGoesOn) {
  ScopedTempDir dir;
  const std::string a = dir.write("a.json", "{}");
  const std::string missing = (dir.path() / "nope").string();
  const rpx::FoundFiles found = rpx::find_state_files({missing, a});
  EXPECT_EQ(found.files, std::vector<std::string>{a});
  ASSERT_EQ(found.errors.size(), 1U);
  EXPECT_EQ(found.errors[0].file, missing);
  EXPECT_EQ(found.errors[0].error.in(rpx::Lang::en),
            "cannot read " + missing + ": No such file or directory");
}

TEST(FindStateFiles, NamedFifoIsAnErrorNotAHang) {
  ScopedTempDir dir;
  const std::string fifo = (dir.path() / "pipe.json").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const rpx::FoundFiles found = rpx::find_state_files({fifo});
  EXPECT_TRUE(found.files.empty());
  ASSERT_EQ(found.errors.size(), 1U);
  EXPECT_EQ(found.errors[0].file, fifo);
  EXPECT_EQ(found.errors[0].error.in(rpx::Lang::en),
            fifo + ": not a regular file");
  // In a directory, it is not a `*.json` regular file: skipped.
  EXPECT_TRUE(rpx::find_state_files({dir.path().string()}).files.empty());
}

TEST(FindStateFiles, AFileReachedTwiceIsListedOnce) {
  ScopedTempDir dir;
  const std::string a = dir.write("d/a.json", "{}");
  const rpx::FoundFiles found = rpx::find_state_files(
      {(dir.path() / "d").string(), a, (dir.path() / "d/./a.json").string()});
  EXPECT_EQ(found.files.size(), 1U);
}

TEST(FindStateFiles, DoesNotFollowLinksToDirectories) {
  ScopedTempDir dir;
  dir.write("d/a.json", "{}");
  fs::create_directory_symlink(dir.path() / "d", dir.path() / "d/loop");
  fs::create_symlink(dir.path() / "d/a.json", dir.path() / "d/link.json");
  const rpx::FoundFiles found =
      rpx::find_state_files({(dir.path() / "d").string()});
  // link.json is a.json again: one student, counted once.
  EXPECT_EQ(relative(found.files, dir.path()),
            (std::vector<std::string>{"d/a.json"}));
}

TEST(FindStateFiles, UnreadableDirectoryIsAnError) {
  ScopedTempDir dir;
  dir.write("d/a.json", "{}");
  dir.write("d/locked/b.json", "{}");
  rpx::test::as_unprivileged(dir.path(), [&] {
    ASSERT_EQ(::chmod((dir.path() / "d/locked").c_str(), 0), 0);
    const rpx::FoundFiles found =
        rpx::find_state_files({(dir.path() / "d").string()});
    EXPECT_EQ(found.files.size(), 1U);
    ASSERT_EQ(found.errors.size(), 1U);
    EXPECT_EQ(found.errors[0].file, (dir.path() / "d/locked").string());
    EXPECT_NE(found.errors[0].error.in(rpx::Lang::en).find("Permission denied"),
              std::string::npos);
  });
}

TEST(ForEachStudent, AssessesTheReadableAndReportsTheRest) {
  ScopedTempDir dir;
  dir.write("ok/1.json", state_json("1", "2026-12-20"));
  dir.write("ok/2.json", state_json("2", "2027-06-01"));
  const std::string corrupt =
      dir.write("bad/corrupt.json", "{\"schema\": 1,\n");
  const std::string wrong =
      dir.write("bad/wrong.json", state_json("3", "2026-02-30"));
  const std::vector<std::string> before = listing(dir.path());

  std::vector<std::pair<std::string, Phase>> seen;
  const rpx::BatchContext context{rpx::test::bundled_rules(),
                                  rpx::test::bundled_calendar(),
                                  ymd(2026, 11, 25),
                                  {}};
  const std::vector<BatchError> errors =
      rpx::for_each_student({dir.path().string()}, context,
                            [&](const std::string&, const rpx::StudentState& s,
                                const rpx::Assessment& a) {
                              seen.emplace_back(s.student_id, a.phase);
                            });

  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, Phase>>{
                      {"1", Phase::overdue}, {"2", Phase::upcoming}}));
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].file, corrupt);  // sorted by file
  const std::string corrupt_error = errors[0].error.in(rpx::Lang::en);
  EXPECT_TRUE(corrupt_error.starts_with(corrupt + ":2:1: ")) << corrupt_error;
  EXPECT_EQ(errors[1].file, wrong);
  const std::string wrong_error = errors[1].error.in(rpx::Lang::en);
  EXPECT_TRUE(wrong_error.starts_with(wrong + ": /expiry: ")) << wrong_error;
  // Read-only: no lock file, no temporary file, nothing changed.
  EXPECT_EQ(listing(dir.path()), before);
}

TEST(ForEachStudent, WithinDaysWidensTheDueWindow) {
  ScopedTempDir dir;
  // Last office day 2027-02-05, 72 days after 2026-11-25.
  dir.write("s.json", state_json("1", "2027-03-07"));
  std::vector<Phase> phases;
  for (int within : {30, 72}) {
    const rpx::BatchContext context{
        rpx::test::bundled_rules(), rpx::test::bundled_calendar(),
        ymd(2026, 11, 25), rpx::AssessOptions{within}};
    rpx::for_each_student(
        {dir.path().string()}, context,
        [&](const std::string&, const rpx::StudentState&,
            const rpx::Assessment& a) { phases.push_back(a.phase); });
  }
  EXPECT_EQ(phases, (std::vector<Phase>{Phase::upcoming, Phase::due}));
}

}  // namespace

namespace {

rpx::BatchContext cohort_context() {
  return rpx::BatchContext{rpx::test::bundled_rules(),
                           rpx::test::provisional_calendar(),
                           ymd(2026, 11, 25),
                           {}};
}

// Enough students that every worker thread renders some: each writes in the
// caller's language (the output language is per thread), and the texts
// come out in check's order.
TEST(ReadCohort, RendersOnEveryThreadInTheCallersLanguageAndInOrder) {
  ScopedTempDir dir;
  for (int i = 0; i < 300; ++i) {
    // Ids in reverse of the file names; expiries in one of three weeks.
    dir.write(fmt::format("d{}/{:03}.json", i % 7, i),
              state_json(fmt::format("{:03}", 299 - i),
                         fmt::format("2027-0{}-1{}", 1 + i % 3, i % 2)));
  }
  const rpx::OutputLangScope chinese(rpx::Lang::zh);
  const rpx::Cohort cohort =
      rpx::read_cohort({dir.path().string()}, cohort_context(),
                       [](const std::string&, const rpx::StudentState&,
                          const rpx::Assessment&) { return true; });
  ASSERT_EQ(cohort.size(), 300U);
  EXPECT_TRUE(cohort.errors().empty());
  std::vector<std::string> langs;
  std::vector<rpx::Urgency> order;
  cohort.render_in_order(
      [&](const std::string& file, const rpx::StudentState& s,
          const rpx::Assessment& a) {
        return std::string(rpx::lang_code(rpx::output_lang())) + "\n" + file +
               "\n" + s.student_id + "\n" +
               std::to_string(static_cast<int>(a.phase)) + "\n" +
               rpx::format_date(*rpx::urgent_date(a));
      },
      [&](std::string_view text) {
        std::vector<std::string> f;
        std::string line;
        std::istringstream in{std::string(text)};
        while (std::getline(in, line)) {
          f.push_back(line);
        }
        langs.push_back(f[0]);
        order.push_back(Urgency{static_cast<Phase>(std::stoi(f[3])),
                                rpx::parse_date(f[4]), f[2], f[1]});
      });
  EXPECT_EQ(std::count(langs.begin(), langs.end(), "zh"), 300);
  ASSERT_EQ(order.size(), 300U);
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end(), rpx::more_urgent));
  cohort.visit_unordered([&](unsigned worker, const std::string&,
                             const rpx::StudentState&, const rpx::Assessment&) {
    EXPECT_EQ(rpx::output_lang(), rpx::Lang::zh);
    EXPECT_LT(worker, cohort.workers());
  });
}

// A file reached by two paths (a directory and a file in it, a link, a
// hard link) is one student, kept under its first path in the walk; the
// unreadable are reported once each, sorted by file; `keep` filters.
TEST(ReadCohort, CountsAFileOnceAndReportsTheUnreadable) {
  ScopedTempDir dir;
  const std::string a = dir.write("d/a.json", state_json("1", "2026-12-20"));
  dir.write("d/b.json", state_json("2", "2027-06-01"));
  ASSERT_EQ(::link(a.c_str(), (dir.path() / "d/c.json").c_str()), 0);
  fs::create_symlink(dir.path() / "d/a.json", dir.path() / "d/link.json");
  const std::string bad = dir.write("d/bad.json", "{\"schema\": 1,\n");
  const std::string wrong =
      dir.write("d/wrong.json", state_json("3", "2026-02-30"));
  std::atomic<int> offered{0};
  const rpx::Cohort cohort =
      rpx::read_cohort({(dir.path() / "d").string(), a}, cohort_context(),
                       [&](const std::string&, const rpx::StudentState& s,
                           const rpx::Assessment&) {
                         ++offered;
                         return s.student_id != "2";
                       });
  EXPECT_EQ(cohort.size(), 1U);
  EXPECT_EQ(cohort.counts().total(), 1U);
  std::vector<std::string> files;
  cohort.render_in_order([](const std::string& file, const rpx::StudentState&,
                            const rpx::Assessment&) { return file; },
                         [&](std::string_view f) { files.emplace_back(f); });
  EXPECT_EQ(files, std::vector<std::string>{a});
  ASSERT_EQ(cohort.errors().size(), 2U);
  EXPECT_EQ(cohort.errors()[0].file, bad);
  EXPECT_EQ(cohort.errors()[1].file, wrong);
  EXPECT_GE(offered.load(), 2);
}

}  // namespace
