#include <gtest/gtest.h>

#include <rpx/assess.hpp>
#include <rpx/render_ics.hpp>
#include <rpx/utf8.hpp>
#include <string>
#include <vector>

#include "test_data.hpp"

namespace {

using rpx::test::ymd;

constexpr const char* k_uuid = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";

rpx::StudentState student(rpx::Date expiry) {
  rpx::StudentState s;
  s.uuid = k_uuid;
  s.revision = 3;
  s.name = "Kim Minjun";
  s.student_id = "2021210001";
  s.current.expiry = expiry;
  return s;
}

std::string render(const rpx::StudentState& s, rpx::Date today) {
  const auto& rules = rpx::test::bundled_rules();
  const auto& calendar = rpx::test::bundled_calendar();
  return rpx::render_ics(s, rpx::assess(s, rules, calendar, today), rules,
                         date::sys_seconds(today));
}

/// The physical lines, without their CRLF; fails on a line without one.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < ics.size()) {
    const std::size_t end = ics.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "no CRLF after line " << out.size();
    if (end == std::string::npos) {
      break;
    }
    out.push_back(ics.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

/// The content lines, unfolded (RFC 5545, 3.1).
std::vector<std::string> content_lines(const std::string& ics) {
  std::vector<std::string> out;
  for (const std::string& line : physical_lines(ics)) {
    if (line.starts_with(" ") && !out.empty()) {
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

std::vector<std::string> values_of(const std::string& ics,
                                   std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& line : content_lines(ics)) {
    if (line.starts_with(std::string(name) + ":")) {
      out.push_back(line.substr(name.size() + 1));
    }
  }
  return out;
}

std::size_t count_of(const std::string& ics, std::string_view line) {
  std::size_t n = 0;
  for (const std::string& l : content_lines(ics)) {
    n += l == line ? 1 : 0;
  }
  return n;
}

TEST(IcsEscape, EscapesTextSpecials) {
  EXPECT_EQ(rpx::ics_escape("a\\b;c,d\ne\r\nf\rg\x01h\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti");
  EXPECT_EQ(rpx::ics_escape("王小明 — 김민준"), "王小明 — 김민준");
}

TEST(IcsFold, LeavesShortLinesAlone) {
  const std::string line(75, 'x');
  EXPECT_EQ(rpx::ics_fold(line), line + "\r\n");
}

TEST(IcsFold, FoldsAt75OctetsWithALeadingSpace) {
  const std::string line(200, 'x');
  const std::string folded = rpx::ics_fold(line);
  EXPECT_EQ(folded, std::string(75, 'x') + "\r\n " + std::string(74, 'x') +
                        "\r\n " + std::string(51, 'x') + "\r\n");
}

TEST(IcsFold, NeverSplitsAUtf8Sequence) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) {
    line += "王";  // three octets
  }
  const std::vector<std::string> lines = physical_lines(rpx::ics_fold(line));
  ASSERT_GT(lines.size(), 2u);
  std::string unfolded;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u);
    EXPECT_TRUE(rpx::is_valid_utf8(lines[i])) << i;
    unfolded += i == 0 ? lines[i] : lines[i].substr(1);
  }
  EXPECT_EQ(unfolded, line);
}

TEST(RenderIcs, HasTheCalendarsRequiredProperties) {
  const std::string ics = render(student(ymd(2026, 12, 20)), ymd(2026, 10, 1));
  EXPECT_TRUE(
      ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//"
                      "rpx//rpx " RPX_VERSION "//EN\r\n"));
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
  EXPECT_EQ(count_of(ics, "CALSCALE:GREGORIAN"), 1u);
  for (const std::string& line : physical_lines(ics)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }
}

TEST(RenderIcs, HasThreeAllDayEventsBeforeSubmission) {
  const std::string ics = render(student(ymd(2026, 12, 20)), ymd(2026, 10, 1));
  EXPECT_EQ(values_of(ics, "UID"),
            (std::vector<std::string>{
                std::string("last-office-day-") + k_uuid + "@rpx",
                std::string("filing-deadline-") + k_uuid + "@rpx",
                std::string("expiry-") + k_uuid + "@rpx"}));
  // 2026-12-20 − 30 days = Friday 2026-11-20, a workday.
  EXPECT_EQ(values_of(ics, "DTSTART;VALUE=DATE"),
            (std::vector<std::string>{"20261120", "20261120", "20261220"}));
  EXPECT_EQ(values_of(ics, "DTEND;VALUE=DATE"),
            (std::vector<std::string>{"20261121", "20261121", "20261221"}));
  EXPECT_EQ(values_of(ics, "DTSTAMP"),
            (std::vector<std::string>(3, "20261001T000000Z")));
  EXPECT_EQ(values_of(ics, "SEQUENCE"), (std::vector<std::string>(3, "3")));
}

TEST(RenderIcs, AlarmsTheLastOfficeDay14And3DaysBefore) {
  const std::string ics = render(student(ymd(2026, 12, 20)), ymd(2026, 10, 1));
  const std::vector<std::string> lines = content_lines(ics);
  std::vector<std::string> triggers;
  for (const std::string& l : lines) {
    if (l.starts_with("UID:last-office-day")) {
      triggers.clear();
    }
    if (l.starts_with("TRIGGER:")) {
      triggers.push_back(l);
    }
    if (l.starts_with("UID:filing-deadline")) {
      break;
    }
  }
  EXPECT_EQ(triggers,
            (std::vector<std::string>{"TRIGGER:-P14D", "TRIGGER:-P3D"}));
  EXPECT_EQ(count_of(ics, "ACTION:DISPLAY"), 4u);  // + deadline, expiry
}

TEST(RenderIcs, AddsTheReadyEstimateAndDropsDeadlineAlarmsOnceSubmitted) {
  rpx::StudentState s = student(ymd(2026, 12, 20));
  s.current.progress_note = rpx::ProgressNote{ymd(2026, 11, 2), "", {}};
  const std::string ics = render(s, ymd(2026, 11, 3));
  EXPECT_EQ(values_of(ics, "UID").back(),
            std::string("ready-estimate-") + k_uuid + "@rpx");
  // 15 workdays after Monday 2026-11-02: Monday 2026-11-23.
  EXPECT_EQ(values_of(ics, "DTSTART;VALUE=DATE").back(), "20261123");
  EXPECT_EQ(values_of(ics, "TRIGGER"), (std::vector<std::string>{"-P1D"}));
}

TEST(RenderIcs, ExplainsAMovedDeadline) {
  // 2026-10-31 − 30 days = 2026-10-01, National Day.
  const std::string ics = render(student(ymd(2026, 10, 31)), ymd(2026, 8, 1));
  const std::string description = values_of(ics, "DESCRIPTION")[0];
  EXPECT_NE(description.find("National Day"), std::string::npos) << description;
  EXPECT_EQ(values_of(ics, "DTSTART;VALUE=DATE")[0], "20260930");
}

TEST(RenderIcs, NotesAnUncoveredCalendar) {
  // 2027-03-01 − 30 = Saturday 2027-01-30: no 2027 notice is bundled.
  const std::string ics = render(student(ymd(2027, 3, 1)), ymd(2026, 12, 1));
  const std::string description = values_of(ics, "DESCRIPTION")[0];
  EXPECT_NE(description.find("\\nNote: "), std::string::npos) << description;
}

TEST(RenderIcs, EscapesTheNameAndIsTheSameEveryRun) {
  rpx::StudentState s = student(ymd(2026, 12, 20));
  s.name = "O'Brien, Jr.; Sean";
  const std::string ics = render(s, ymd(2026, 10, 1));
  EXPECT_EQ(values_of(ics, "SUMMARY")[2],
            "Residence permit expires — O'Brien\\, Jr.\\; Sean");
  EXPECT_EQ(render(s, ymd(2026, 10, 1)), ics);
}

}  // namespace
