#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <rpx/columns.hpp>
#include <rpx/render_batch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_data.hpp"

namespace {

using rpx::Assessment;
using rpx::Date;
using rpx::Phase;
using rpx::StudentState;
using rpx::test::ymd;

const Date k_today = ymd(2026, 11, 25);

StudentState student(std::string id, std::string name, Date expiry) {
  StudentState s;
  s.uuid = "00000000-0000-4000-8000-000000000000";
  s.student_id = std::move(id);
  s.name = std::move(name);
  s.current.expiry = expiry;
  return s;
}

/// Submitted on `on` (steps 1–4), with the Progress Note's phone.
StudentState submitted(Date on, std::string phone) {
  StudentState s = student("2021210001", "Kim Minjun", ymd(2027, 1, 20));
  for (std::size_t i = 0; i < 4; ++i) {
    s.current.steps[i].done = on;
  }
  s.current.progress_note = rpx::ProgressNote{on, std::move(phone), {}};
  return s;
}

Assessment at(const StudentState& s, Date today = k_today) {
  return rpx::assess(s, rpx::test::bundled_rules(),
                     rpx::test::bundled_calendar(), today);
}

std::string remind(const StudentState& s, Date today = k_today) {
  return rpx::render_remind_line("dir/s.json", s, at(s, today),
                                 rpx::test::bundled_rules(), today);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

/// The error of `file`, a JSON syntax error at 1:1 whose parser's detail is
/// `detail`: "FILE:1:1: DETAIL" in English.
rpx::BatchError syntax_error(const std::string& file,
                             const std::string& detail) {
  return {file, rpx::Message("error.at_position",
                             {{"file", file},
                              {"line", 1},
                              {"col", 1},
                              {"reason", rpx::Message("error.json.syntax",
                                                      {{"detail", detail}})}})};
}

/// The document of `students`, texts of `render_check_json_student`.
std::string json_text(Date as_of, const std::vector<std::string>& students,
                      const rpx::PhaseCounts& counts,
                      const std::vector<rpx::BatchError>& errors) {
  std::string text;
  rpx::render_check_json(
      as_of,
      [&](const rpx::Sink& each) {
        for (const std::string& s : students) {
          each(s);
        }
      },
      counts, errors, [&](std::string_view s) { text += s; });
  return text;
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(rpx::csv_field(""), "");
  EXPECT_EQ(rpx::csv_field("Kim Minjun"), "Kim Minjun");
  EXPECT_EQ(rpx::csv_field("王小明"), "王小明");
  EXPECT_EQ(rpx::csv_field("O'Brien"), "O'Brien");
  EXPECT_EQ(rpx::csv_field("Kim, Minjun"), "\"Kim, Minjun\"");
  EXPECT_EQ(rpx::csv_field("a \"b\""), "\"a \"\"b\"\"\"");
  EXPECT_EQ(rpx::csv_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(rpx::csv_field("a\rb"), "\"a\rb\"");
  EXPECT_EQ(rpx::csv_field("O'Brien, Jr., \"Sean\""),
            "\"O'Brien, Jr., \"\"Sean\"\"\"");
}

TEST(UrgentDate, TheDateThatMattersForEachPhase) {
  const StudentState expired = student("1", "A", ymd(2026, 11, 20));
  EXPECT_EQ(rpx::urgent_date(at(expired)), ymd(2026, 11, 20));
  const StudentState due = student("2", "B", ymd(2026, 12, 28));
  ASSERT_EQ(at(due).phase, Phase::due);
  EXPECT_EQ(rpx::urgent_date(at(due)), at(due).deadline.last_office_day);
  const StudentState ready = submitted(ymd(2026, 11, 2), "");
  ASSERT_EQ(at(ready).phase, Phase::ready);
  EXPECT_EQ(rpx::urgent_date(at(ready)), ymd(2026, 11, 23));
  StudentState collected = ready;
  collected.current.steps[4].done = ymd(2026, 11, 24);
  ASSERT_EQ(at(collected).phase, Phase::collected);
  EXPECT_EQ(rpx::urgent_date(at(collected)), std::nullopt);
}

TEST(RenderCsv, HeaderHasTheColumnsOfCliMd) {
  EXPECT_EQ(rpx::render_csv_header(rpx::default_csv_columns()),
            "file,student_id,name,phase,expiry,filing_deadline,"
            "last_office_day,days_to_deadline,next_step,progress_note,"
            "ready_estimate,calendar_covered,calendar_basis,next_action\r\n");
}

TEST(RenderCsv, NullIsAnEmptyField) {
  const StudentState s =
      student("", "O'Brien, Jr., \"Sean\"", ymd(2026, 12, 20));
  EXPECT_EQ(
      rpx::render_csv_row(rpx::default_csv_columns(), "a,b.json", s, at(s)),
      "\"a,b.json\",,\"O'Brien, Jr., \"\"Sean\"\"\",overdue,2026-12-20,"
      "2026-11-20,2026-11-20,-5,registration,,,true,official,"
      "registration\r\n");
}

TEST(RenderCsv, SubmittedStudentHasItsDates) {
  const StudentState s = submitted(ymd(2026, 11, 2), "");
  EXPECT_EQ(rpx::render_csv_row(rpx::default_csv_columns(), "s.json", s, at(s)),
            "s.json,2021210001,Kim Minjun,ready,2027-01-20,2026-12-21,"
            "2026-12-21,26,collect,2026-11-02,2026-11-23,true,official,"
            "collect\r\n");
}

TEST(RenderCsv, ExpiredNextActionIsTheInternationalOffice) {
  const StudentState s = student("7", "A", ymd(2026, 11, 20));
  EXPECT_EQ(rpx::render_csv_row({rpx::Column::of(rpx::Field::phase),
                                 rpx::Column::of(rpx::Field::next_step),
                                 rpx::Column::of(rpx::Field::next_action)},
                                "s.json", s, at(s)),
            "expired,registration,international_office\r\n");
}

TEST(RenderCsv, ChosenColumnsWithExtrasInTheirOrder) {
  StudentState s = student("2021210001", "=Kim", ymd(2026, 12, 20));
  s.unknown = {{"Advisor", "\"@Li, Wei\""}, {"year", "3"}};
  const std::vector<rpx::Column> columns = {
      rpx::Column::extra("advisor"), rpx::Column::of(rpx::Field::name),
      rpx::Column::of(rpx::Field::days_to_deadline), rpx::Column::extra("year"),
      rpx::Column::extra("room")};
  EXPECT_EQ(rpx::render_csv_header(columns),
            "advisor,name,days_to_deadline,year,room\r\n");
  // Text cells guarded, numbers not: -5 days is not a formula.
  EXPECT_EQ(rpx::render_csv_row(columns, "s.json", s, at(s)),
            "\"'@Li, Wei\",'=Kim,-5,3,\r\n");
  EXPECT_EQ(
      rpx::render_csv_row(columns, "s.json", s, at(s), rpx::CsvCells::raw),
      "\"@Li, Wei\",=Kim,-5,3,\r\n");
}

TEST(Where, SameKeyAnyValueDifferentKeysAll) {
  StudentState s = student("2021210001", "Kim", ymd(2026, 12, 20));
  s.unknown = {{"advisor", "\"Li\""}};
  const Assessment a = at(s);
  const auto where = [](rpx::Column c, std::vector<std::string> values) {
    return rpx::Where{std::move(c), std::move(values)};
  };
  const rpx::Column advisor = rpx::Column::extra("ADVISOR");
  const rpx::Column phase = rpx::Column::of(rpx::Field::phase);
  EXPECT_TRUE(rpx::matches({}, "f", s, a));
  EXPECT_TRUE(rpx::matches({where(advisor, {"Wang", "Li"})}, "f", s, a));
  EXPECT_FALSE(rpx::matches({where(advisor, {"li"})}, "f", s, a));
  EXPECT_TRUE(rpx::matches({where(advisor, {"Li"}), where(phase, {"overdue"})},
                           "f", s, a));
  EXPECT_FALSE(
      rpx::matches({where(advisor, {"Li"}), where(phase, {"due"})}, "f", s, a));
  EXPECT_TRUE(
      rpx::matches({where(rpx::Column::extra("room"), {""})}, "f", s, a));
}

TEST(RenderTable, AlignsColumnsByDisplayWidth) {
  std::vector<rpx::TableRow> rows;
  rpx::PhaseCounts counts;
  for (const auto& [name, expiry] :
       {std::pair{"王小明", ymd(2026, 12, 20)},
        std::pair{"김민준", ymd(2026, 12, 28)},
        std::pair{"Ahmed Al-Farsi", ymd(2027, 6, 1)}}) {
    const StudentState s = student("20212100", name, expiry);
    const Assessment a = at(s);
    rows.push_back(
        rpx::make_table_row(rpx::default_table_columns(), "f.json", s, a));
    counts.add(a.phase);
  }
  const std::vector<std::string> out = lines(rpx::render_check_table(
      rpx::default_table_columns(), rows, counts, {}, 0, {}));
  ASSERT_EQ(out.size(), 6U);
  // Every line reaches the FILE column at the same display column.
  const std::size_t file_column =
      rpx::display_width(out[0].substr(0, out[0].find("FILE")));
  for (std::size_t i = 1; i <= 3; ++i) {
    EXPECT_EQ(rpx::display_width(out[i].substr(0, out[i].find("f.json"))),
              file_column)
        << out[i];
  }
  EXPECT_EQ(out[1],
            "overdue   20212100    王小明          2026-11-20              -5  "
            "2026-12-20  registration  f.json");
  EXPECT_EQ(out[4],
            "3 students: 0 expired, 1 overdue, 1 due, 0 ready, 0 processing, 1 "
            "upcoming, 0 collected");
  EXPECT_EQ(out[5],
            "* depends on a year no holiday table or estimate covers: "
            "Monday–Friday assumed");
}

TEST(RenderTable, SummaryListsOnlyTheChosenPhases) {
  rpx::PhaseCounts counts;
  counts.add(Phase::due);
  const std::string out = rpx::render_check_table(
      rpx::default_table_columns(), {}, counts,
      rpx::PhaseSet({Phase::overdue, Phase::due}), 1, {});
  EXPECT_EQ(out, "1 student: 0 overdue, 1 due; 1 file could not be read\n");
}

TEST(RenderTable, ColourOnlyWhenAsked) {
  const StudentState s = student("1", "A", ymd(2026, 12, 20));
  rpx::PhaseCounts counts;
  counts.add(Phase::overdue);
  const auto columns = rpx::default_table_columns();
  const std::vector<rpx::TableRow> rows = {
      rpx::make_table_row(columns, "f", s, at(s))};
  EXPECT_EQ(rpx::render_check_table(columns, rows, counts, {}, 0, {false})
                .find('\x1b'),
            std::string::npos);
  const std::string coloured =
      rpx::render_check_table(columns, rows, counts, {}, 0, {true});
  EXPECT_NE(coloured.find("\x1b[1;31moverdue\x1b[0m"), std::string::npos);
}

TEST(RenderCheckJson, HasTheShapeOfCliMd) {
  const StudentState s = student("1", "王小明", ymd(2026, 12, 20));
  rpx::PhaseCounts counts;
  counts.add(Phase::overdue);
  const std::string one =
      rpx::render_student_json("a.json", s, at(s), k_today, 2);
  const std::string element =
      rpx::render_check_json_student("a.json", s, at(s), k_today);
  const std::string text = json_text(k_today, {element, element}, counts,
                                     {syntax_error("b.json", "bad")});
  const auto j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(j["as_of"], "2026-11-25");
  ASSERT_EQ(j["students"].size(), 2U);
  EXPECT_EQ(j["students"][0], nlohmann::ordered_json::parse(one));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j["summary"].items()) {
    keys.push_back(k);
  }
  EXPECT_EQ(keys,
            (std::vector<std::string>{"expired", "overdue", "due", "ready",
                                      "processing", "upcoming", "collected"}));
  EXPECT_EQ(j["summary"]["overdue"], 1);
  EXPECT_EQ(j["summary"]["due"], 0);
  EXPECT_EQ(j["errors"],
            nlohmann::ordered_json::parse(
                R"([{"file": "b.json", "error": "b.json:1:1: bad"}])"));
  EXPECT_TRUE(text.ends_with("}\n"));
}

TEST(RenderCheckJson, FileNamesThatAreNotUtf8StillMakeValidJson) {
  const std::string text =
      json_text(k_today, {}, {}, {syntax_error("bad\xff.json", "x")});
  const auto j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(j["errors"][0]["file"], "bad\uFFFD.json");
  EXPECT_EQ(j["errors"][0]["error"], "bad\uFFFD.json:1:1: x");
}

TEST(RenderCheckJson, AnErrorThatLooksLikeTheStudentsMarkerStaysAnError) {
  const std::string text =
      json_text(k_today, {}, {}, {syntax_error("\x01students", "x")});
  const auto j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(j["students"], nlohmann::ordered_json::array());
  EXPECT_EQ(j["errors"][0]["file"], "\x01students");
}

TEST(RenderCheckJson, ErrorsStayEnglishWhateverTheOutputLanguage) {
  rpx::set_output_lang(rpx::Lang::zh);
  const std::string text =
      json_text(k_today, {}, {}, {syntax_error("b.json", "bad")});
  rpx::set_output_lang(rpx::Lang::en);
  const auto j = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(j["errors"][0]["error"], "b.json:1:1: bad");
}

TEST(RenderCheckJson, EmptyBatch) {
  EXPECT_EQ(json_text(k_today, {}, {}, {}),
            "{\n  \"as_of\": \"2026-11-25\",\n  \"students\": [],\n"
            "  \"summary\": {\n    \"expired\": 0,\n    \"overdue\": 0,\n"
            "    \"due\": 0,\n    \"ready\": 0,\n    \"processing\": 0,\n"
            "    \"upcoming\": 0,\n    \"collected\": 0\n  },\n"
            "  \"errors\": []\n}\n");
}

TEST(RemindLine, OneLinePerPhaseThatNeedsAction) {
  EXPECT_EQ(remind(student("2021210001", "Kim Minjun", ymd(2026, 12, 20))),
            "OVERDUE 2021210001 Kim Minjun: last office day was 2026-11-20 (5 "
            "days ago); permit expires 2026-12-20\n");
  EXPECT_EQ(remind(student("2021210001", "Kim Minjun", ymd(2027, 1, 20))),
            "DUE 2021210001 Kim Minjun: last office day 2026-12-21 (in 26 "
            "days); permit expires 2027-01-20\n");
  EXPECT_EQ(remind(student("2021210001", "Kim Minjun", ymd(2026, 11, 20))),
            "EXPIRED 2021210001 Kim Minjun: permit expired on 2026-11-20 (5 "
            "days ago); report to the CQUPT international students office "
            "today\n");
  EXPECT_EQ(remind(submitted(ymd(2026, 11, 2), "023-6396 1234")),
            "READY 2021210001 Kim Minjun: passport should be ready since "
            "2026-11-23 (2 days ago); call 023-6396 1234 to check\n");
  EXPECT_EQ(remind(submitted(ymd(2026, 11, 2), "")),
            "READY 2021210001 Kim Minjun: passport should be ready since "
            "2026-11-23 (2 days ago); call the number on the Progress Note "
            "to check\n");
}

TEST(RemindLine, NothingForPhasesWithoutAction) {
  EXPECT_EQ(remind(student("1", "A", ymd(2027, 6, 1))), "");  // upcoming
  EXPECT_EQ(remind(submitted(ymd(2026, 11, 20), "")), "");    // processing
  StudentState collected = submitted(ymd(2026, 10, 1), "");
  collected.current.steps[4].done = ymd(2026, 10, 30);
  EXPECT_EQ(remind(collected), "");
}

TEST(RemindLine, SaysSoInsideTheLineWhenHolidaysAreUnpublished) {
  // Filing deadline 2026-12-25: late December needs the 2027 notice.
  EXPECT_EQ(remind(student("1", "A", ymd(2027, 1, 24))),
            "DUE 1 A: last office day 2026-12-25 (in 30 days); permit expires "
            "2027-01-24 (the 2027 schedule is not published yet: "
            "Monday–Friday assumed)\n");
  EXPECT_EQ(remind(submitted(ymd(2027, 1, 4), "1"), ymd(2027, 2, 1)),
            "READY 2021210001 Kim Minjun: passport should be ready since "
            "2027-01-25 (7 days ago); call 1 to check (the 2027 schedule is "
            "not published yet: Monday–Friday assumed)\n");
}

TEST(RemindLine, WithoutNameOrIdTheFileNamesTheStudent) {
  EXPECT_EQ(remind(student("", "", ymd(2026, 11, 20))),
            "EXPIRED dir/s.json: permit expired on 2026-11-20 (5 days ago); "
            "report to the CQUPT "
            "international students office today\n");
  EXPECT_EQ(remind(student("", "王小明", ymd(2026, 11, 20))),
            "EXPIRED 王小明: permit expired on 2026-11-20 (5 days ago); report "
            "to the CQUPT "
            "international students office today\n");
  EXPECT_EQ(remind(student("7", "a\nb", ymd(2026, 11, 20))),
            "EXPIRED 7 a?b: permit expired on 2026-11-20 (5 days ago); report "
            "to the CQUPT "
            "international students office today\n");
}

TEST(ErrorLine, OneLineOnStderr) {
  const rpx::BatchError e = syntax_error("f", "bad\nthing");
  EXPECT_EQ(rpx::render_error_line(e), "rpx: f:1:1: bad?thing\n");
}

TEST(ErrorLine, InTheOutputLanguage) {
  rpx::set_output_lang(rpx::Lang::ko);
  const std::string line = rpx::render_error_line(syntax_error("f", "bad"));
  rpx::set_output_lang(rpx::Lang::en);
  EXPECT_EQ(line, "rpx: f:1:1: JSON 구문 오류: bad\n");
}

}  // namespace

// render_student_json writes its text directly: laid out exactly as
// nlohmann's dump of the same document, in both layouts, whatever the
// strings hold.
TEST(RenderStudentJson, IsLaidOutAsNlohmannDumpsIt) {
  StudentState s =
      student("2021\"1\\", "a\tb\x01 \x7f 王 👩‍🎓", ymd(2026, 12, 20));
  s.current.steps[0].done = ymd(2026, 11, 2);
  s.current.steps[0].note = "line\nbreak\r\b\f";
  s.unknown = {{"advisor", R"("Li Wei")"},
               {"e", R"("\u00e9\n")"},
               {"n", "1E2"},
               {"deep", R"({"a":[1,{"b":[]},{}],"c":{"d":null}})"},
               {"empty", "[]"}};
  rpx::Cycle old;
  old.expiry = ymd(2025, 12, 20);
  old.steps[4].done = ymd(2025, 12, 1);
  old.progress_note = rpx::ProgressNote{ymd(2025, 11, 10), "", {}};
  s.history.push_back(old);
  for (const std::string file : {"a.json", "bad\xff\xfe.json"}) {
    for (int indent : {-1, 2}) {
      const std::string text =
          rpx::render_student_json(file, s, at(s), k_today, indent);
      ASSERT_TRUE(text.ends_with("\n"));
      const auto j = nlohmann::ordered_json::parse(text);
      EXPECT_EQ(j.dump(indent) + "\n", text) << text;
      EXPECT_EQ(j["extra"]["n"], 100.0);
      EXPECT_EQ(j["extra"]["e"], "\xC3\xA9\n");
      EXPECT_EQ(j["name"], "a\tb\x01 \x7f 王 👩‍🎓");
      EXPECT_EQ(j["history"][0]["steps"][4]["done"], "2025-12-01");
      // With a margin: every line but the first further in, no newline.
      std::string shifted = text.substr(0, text.size() - 1);
      for (std::size_t at = shifted.find('\n'); at != std::string::npos;
           at = shifted.find('\n', at + 5)) {
        shifted.insert(at + 1, "    ");
      }
      EXPECT_EQ(rpx::render_student_json(file, s, at(s), k_today, indent, 4),
                shifted);
    }
  }
}
