#include <gtest/gtest.h>

#include <rpx/assess.hpp>
#include <rpx/render.hpp>

#include "test_data.hpp"

namespace {

using rpx::Assessment;
using rpx::Date;
using rpx::Phase;
using rpx::StudentState;
using rpx::test::ymd;

// Expiry 2026-03-20: 30 days before is Wednesday 2026-02-18, inside the
// Spring Festival break (2026-02-15..23), so the last office day is the
// adjusted-workday Saturday 2026-02-14 (State Council notice for 2026).
constexpr auto k_expiry = date::year{2026} / 3 / 20;

StudentState student(Date expiry = Date{k_expiry}) {
  StudentState s;
  s.uuid = "00000000-0000-4000-8000-000000000000";
  s.current.expiry = expiry;
  return s;
}

Assessment at(const StudentState& s, Date today, int within = 30) {
  return rpx::assess(s, rpx::test::bundled_rules(),
                     rpx::test::bundled_calendar(), today,
                     rpx::AssessOptions{within});
}

/// The warnings about the steps, in words.
std::vector<std::string> a_warnings_of(const Assessment& a) {
  std::vector<std::string> out;
  for (const rpx::StepWarning& w : a.warnings) {
    out.push_back(rpx::step_warning_text(w));
  }
  return out;
}

struct PhaseCase {
  const char* what;
  Date today;
  Phase phase;
  int days_to_deadline;
};

TEST(Assess, PhaseBoundariesBeforeSubmission) {
  const PhaseCase cases[] = {
      {"31 days before the last office day", ymd(2026, 1, 14), Phase::upcoming,
       31},
      {"30 days before: inside the window", ymd(2026, 1, 15), Phase::due, 30},
      {"the day before the last office day", ymd(2026, 2, 13), Phase::due, 1},
      {"on the last office day", ymd(2026, 2, 14), Phase::due, 0},
      {"the day after the last office day", ymd(2026, 2, 15), Phase::overdue,
       -1},
      {"on the filing deadline", ymd(2026, 2, 18), Phase::overdue, -4},
      {"on the expiry day", ymd(2026, 3, 20), Phase::overdue, -34},
      {"the day after expiry", ymd(2026, 3, 21), Phase::expired, -35},
  };
  for (const PhaseCase& c : cases) {
    const Assessment a = at(student(), c.today);
    EXPECT_EQ(a.phase, c.phase) << c.what;
    EXPECT_EQ(a.days_to_deadline, c.days_to_deadline) << c.what;
    EXPECT_EQ(a.deadline.last_office_day, ymd(2026, 2, 14)) << c.what;
    EXPECT_EQ(a.next_step, "registration") << c.what;
  }
}

TEST(Assess, WithinSetsTheDueWindow) {
  EXPECT_EQ(at(student(), ymd(2026, 2, 3), 10).phase, Phase::upcoming);
  EXPECT_EQ(at(student(), ymd(2026, 2, 4), 10).phase, Phase::due);
  EXPECT_EQ(at(student(), ymd(2026, 2, 14), 0).phase, Phase::due);
  EXPECT_EQ(at(student(), ymd(2026, 2, 13), 0).phase, Phase::upcoming);
}

TEST(Assess, DeadlineMovedByTheSpringFestival) {
  const Assessment a = at(student(), ymd(2026, 1, 1));
  EXPECT_EQ(a.deadline.filing_deadline, ymd(2026, 2, 18));
  EXPECT_EQ(a.deadline.moved_by, rpx::MovedBy::holiday);
  ASSERT_TRUE(a.deadline.holiday.has_value());
  EXPECT_EQ(a.deadline.holiday->en(), "Spring Festival");
  EXPECT_TRUE(a.calendar_covered);
  EXPECT_TRUE(a.warnings.empty());
  EXPECT_EQ(a.days_to_expiry, 78);
}

TEST(Assess, DeadlineMovedByAWeekend) {
  // 2025-09-01 − 30 days = Saturday 2025-08-02 → Friday 2025-08-01.
  const Assessment a = at(student(ymd(2025, 9, 1)), ymd(2025, 7, 1));
  EXPECT_EQ(a.deadline.moved_by, rpx::MovedBy::weekend);
  EXPECT_FALSE(a.deadline.holiday.has_value());
  EXPECT_EQ(a.deadline.last_office_day, ymd(2025, 8, 1));
}

// Progress note Tuesday 2026-02-10; 15 workdays, skipping the Spring
// Festival break and counting the adjusted Saturdays 02-14 and 02-28:
// 11, 12, 13, 14(Sat), 24, 25, 26, 27, 28(Sat), 3/2, 3, 4, 5, 6, 9.
TEST(Assess, ReadyEstimateBoundaries) {
  StudentState s = student();
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 2, 10), "023-1", {}};
  s.current.steps[3].done = ymd(2026, 2, 10);
  for (int i = 0; i < 3; ++i) {
    s.current.steps[static_cast<std::size_t>(i)].done = ymd(2026, 2, 2);
  }
  const Assessment before = at(s, ymd(2026, 3, 6));
  EXPECT_EQ(before.phase, Phase::processing);
  EXPECT_EQ(before.ready_estimate, ymd(2026, 3, 9));
  EXPECT_EQ(before.workdays_to_ready, 1);
  EXPECT_EQ(before.next_step, "collect");
  EXPECT_EQ(at(s, ymd(2026, 3, 8)).phase, Phase::processing);
  EXPECT_EQ(at(s, ymd(2026, 3, 9)).phase, Phase::ready);
  EXPECT_EQ(at(s, ymd(2026, 3, 10)).phase, Phase::ready);
  // Processing outranks expiry: the passport is with the bureau.
  EXPECT_EQ(at(s, ymd(2026, 3, 8)).days_to_expiry, 12);
  EXPECT_TRUE(before.warnings.empty());
}

TEST(Assess, CollectedOutranksEverything) {
  StudentState s = student();
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 2, 10), "", {}};
  s.current.steps[3].done = ymd(2026, 2, 10);
  s.current.steps[4].done = ymd(2026, 3, 10);
  const Assessment a = at(s, ymd(2027, 1, 1));
  EXPECT_EQ(a.phase, Phase::collected);
  EXPECT_EQ(a.next_step, "");
}

TEST(Assess, SubmitWithoutProgressNoteStillDatesTheEstimate) {
  StudentState s = student();
  s.current.steps[3].done = ymd(2026, 2, 10);
  const Assessment a = at(s, ymd(2026, 2, 11));
  EXPECT_EQ(a.phase, Phase::processing);
  EXPECT_EQ(a.ready_estimate, ymd(2026, 3, 9));
  EXPECT_FALSE(a.progress_note.has_value());
}

TEST(Assess, WarnsAboutUntickedStepsAndLateSubmission) {
  StudentState s = student();
  s.current.steps[0].done = ymd(2026, 2, 20);
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 2, 16), "", {}};
  const Assessment a = at(s, ymd(2026, 2, 17));
  ASSERT_EQ(a.warnings.size(), 5u);
  EXPECT_EQ(a.warnings[1].code, rpx::StepWarning::Code::not_ticked);
  EXPECT_EQ(a.warnings[1].step, rpx::StepId::photo);
  EXPECT_EQ(a.warnings[4].code, rpx::StepWarning::Code::closed_day);
  EXPECT_EQ(a.warnings[4].day.kind, rpx::DayKind::holiday);
  const auto w = a_warnings_of(a);
  EXPECT_EQ(w[0],
            "step 1 (registration) is dated 2026-02-20, after the submission "
            "on 2026-02-16");
  EXPECT_EQ(w[1], "submitted without step 2 (photo) ticked");
  EXPECT_EQ(w[2], "submitted without step 3 (letter) ticked");
  EXPECT_EQ(w[3],
            "submitted on 2026-02-16, after the last office day 2026-02-14");
  // Monday 2026-02-16 was in Spring Festival: kept, but flagged.
  EXPECT_EQ(w[4],
            "step 4 (submit) is dated Monday 2026-02-16, a day off for Spring "
            "Festival, when the Exit-Entry Administration Division of "
            "Chongqing Municipal Public Security Bureau is closed: check the "
            "date");
}

TEST(Assess, ClosedDayWarningOnlyForTheExitEntryOffice) {
  // A photo on a Saturday is normal; a collection on one is not.
  StudentState s = student();
  s.current.steps[1].done = ymd(2026, 1, 10);  // Saturday
  EXPECT_TRUE(a_warnings_of(at(s, ymd(2026, 1, 12))).empty());
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 1, 12), "", {}};
  s.current.steps[4].done = ymd(2026, 2, 7);  // Saturday
  const auto w = a_warnings_of(at(s, ymd(2026, 2, 9)));
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w.back(),
            "step 5 (collect) is dated Saturday 2026-02-07, a Saturday, when "
            "the Exit-Entry Administration Division of Chongqing Municipal "
            "Public Security Bureau is closed: check the date");
}

TEST(Assess, DeadlineKeepsWhyEachDayBeforeItIsClosed) {
  // Filing deadline Wednesday 2026-02-18 in Spring Festival (02-15..23); the
  // last office day is the adjusted-workday Saturday 2026-02-14.
  const rpx::Deadline& dl = at(student(), ymd(2026, 1, 5)).deadline;
  EXPECT_EQ(dl.filing_day.kind, rpx::DayKind::holiday);
  ASSERT_TRUE(dl.filing_day.holiday.has_value());
  EXPECT_EQ(dl.filing_day.holiday->en(), "Spring Festival");
  EXPECT_EQ(dl.filing_day.holiday_first_off, ymd(2026, 2, 15));
  EXPECT_EQ(dl.filing_day.holiday_last_off, ymd(2026, 2, 23));
  ASSERT_EQ(dl.closed_days.size(), 3u);
  EXPECT_EQ(dl.closed_days.front().date, ymd(2026, 2, 15));
  EXPECT_EQ(dl.closed_days.back().date, ymd(2026, 2, 17));
  EXPECT_EQ(dl.last_office.kind, rpx::DayKind::adjusted_workday);
}

TEST(Assess, UncoveredDeadlineIsFlagged) {
  // 2027-03-01 − 30 = Saturday 2027-01-30: no 2027 notice is bundled.
  const Assessment a = at(student(ymd(2027, 3, 1)), ymd(2026, 11, 25));
  EXPECT_FALSE(a.calendar_covered);
  EXPECT_FALSE(a.deadline.covered);
  EXPECT_EQ(a.deadline.last_office_day, ymd(2027, 1, 29));
  EXPECT_EQ(a.calendar_basis, rpx::Basis::weekdays);
  EXPECT_TRUE(a.warnings.empty());
  const auto w = rpx::assessment_warnings(a);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0],
            "the last office day depends on 2027-01-29, which no holiday "
            "table covers (the 2027 schedule is not published yet): "
            "Monday–Friday assumed");
}

TEST(Assess, ProvisionalDeadlineNamesTheAssumedHoliday) {
  // Expiry 2027-10-31: filing deadline Friday 2027-10-01, National Day in
  // the provisional 2027 schedule; the last office day is the day before.
  const Assessment a =
      rpx::assess(student(ymd(2027, 10, 31)), rpx::test::bundled_rules(),
                  rpx::test::provisional_calendar(), ymd(2026, 12, 1));
  EXPECT_EQ(a.deadline.last_office_day, ymd(2027, 9, 30));
  EXPECT_EQ(a.deadline.moved_by, rpx::MovedBy::holiday);
  EXPECT_EQ(a.calendar_basis, rpx::Basis::provisional);
  EXPECT_FALSE(a.calendar_covered);
  ASSERT_EQ(a.deadline.note.assumed.size(), 1u);
  EXPECT_EQ(a.deadline.note.assumed[0].name.en(), "National Day");
  EXPECT_EQ(rpx::assessment_warnings(a),
            std::vector<std::string>{
                "the last office day is provisional: the 2027 schedule is not "
                "published yet; National Day assumed 2027-10-01 to 2027-10-07, "
                "worked 2027-09-26 and 2027-10-09"});
}

TEST(Assess, LastOfficeDayNeverRestsOnAGuessedWorkingSunday) {
  // Filing deadline Sunday 2027-02-14, which the provisional schedule
  // guesses is a make-up day for Spring Festival (2027-02-05..13): the
  // last office day is the Thursday before the break, not that Sunday.
  const Assessment a =
      rpx::assess(student(ymd(2027, 3, 16)), rpx::test::bundled_rules(),
                  rpx::test::provisional_calendar(), ymd(2026, 12, 1));
  EXPECT_EQ(a.deadline.filing_deadline, ymd(2027, 2, 14));
  EXPECT_EQ(a.deadline.last_office_day, ymd(2027, 2, 4));
  EXPECT_EQ(a.deadline.moved_by, rpx::MovedBy::weekend);
}

TEST(Assess, ReadyEstimateAcrossAnAssumedBreakIsARange) {
  StudentState s = student(ymd(2027, 3, 10));
  s.current.progress_note = rpx::ProgressNote{ymd(2027, 1, 25), "", {}};
  const Assessment a =
      rpx::assess(s, rpx::test::bundled_rules(),
                  rpx::test::provisional_calendar(), ymd(2027, 1, 28));
  EXPECT_EQ(a.ready_estimate, ymd(2027, 2, 19));
  EXPECT_EQ(a.ready_earliest, ymd(2027, 2, 17));
  EXPECT_EQ(a.ready_latest, ymd(2027, 2, 23));
  // No guessed day between: an exact date, still provisional.
  s.current.progress_note = rpx::ProgressNote{ymd(2027, 3, 1), "", {}};
  const Assessment b =
      rpx::assess(s, rpx::test::bundled_rules(),
                  rpx::test::provisional_calendar(), ymd(2027, 3, 2));
  EXPECT_EQ(b.ready_estimate, ymd(2027, 3, 22));
  EXPECT_FALSE(b.ready_earliest.has_value());
  EXPECT_EQ(b.ready_note.basis, rpx::Basis::provisional);
}

TEST(Assess, UncoveredReadyEstimateIsFlagged) {
  // Covered deadline, but 15 workdays from 2026-12-14 run into late
  // December, which depends on the unpublished 2027 notice.
  StudentState s = student(ymd(2027, 1, 20));
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 12, 14), "", {}};
  const Assessment a = at(s, ymd(2026, 12, 15));
  EXPECT_TRUE(a.deadline.covered);
  EXPECT_FALSE(a.calendar_covered);
  EXPECT_EQ(a.ready_estimate, ymd(2027, 1, 4));
  const auto w = rpx::assessment_warnings(a);
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w[0],
            "the ready estimate depends on 2026-12-25, which no holiday "
            "table covers (the 2027 schedule is not published yet): "
            "Monday–Friday assumed");
}

TEST(PhaseName, RoundTripsEveryPhase) {
  for (Phase p : rpx::k_phases) {
    EXPECT_EQ(rpx::parse_phase(rpx::phase_name(p)), p);
  }
  EXPECT_FALSE(rpx::parse_phase("Overdue").has_value());
}

}  // namespace
