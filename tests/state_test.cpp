#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/state.hpp>
#include <rpx/uuid.hpp>
#include <set>
#include <string>

#include "test_data.hpp"

namespace {

using nlohmann::json;
using rpx::parse_state;
using rpx::serialize_state;
using rpx::StudentState;

const std::string k_name = "state.json";

using rpx::test::day;

/// A valid schema-1 file, for tests that break one thing in it.
json minimal() {
  return json{{"schema", 1},
              {"uuid", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"},
              {"revision", 3},
              {"expiry", "2026-12-20"}};
}

/// The message `parse_state` throws for `text`, or "" when it parses.
std::string error_of_text(const std::string& text) {
  return rpx::test::message_of([&] { parse_state(text, k_name); });
}

std::string error_of(const json& j) { return error_of_text(j.dump()); }

/// A state with every field set, unknown members at every level included.
StudentState full_state() {
  StudentState s;
  s.uuid = "6f1c0d3e-9a4b-4c2d-8e7f-0123456789ab";
  s.revision = 3;
  s.name = "김민준 Kim Minjun";
  s.student_id = "2021210001";
  s.current.expiry = day("2026-12-20");
  s.current.steps[0] = {day("2026-11-02"),
                        "sealed by Officer Li",
                        {{"stamp", R"({"b":1,"a":2})"}}};
  s.current.steps[1].done = day("2026-11-03");
  s.current.progress_note =
      rpx::ProgressNote{day("2026-11-20"), "023-6396 1234", {{"desk", "7"}}};
  rpx::Cycle old;
  old.expiry = day("2025-12-20");
  for (auto& step : old.steps) {
    step.done = day("2025-11-10");
  }
  old.steps[4].unknown = {{"by", R"("courier")"}};
  old.progress_note = rpx::ProgressNote{day("2025-11-10"), "", {}};
  old.progress_note->unknown = {{"z", "null"}, {"a", "[1,2]"}};
  old.new_expiry = day("2026-12-20");
  old.unknown = {{"office_note", R"("collected late")"}};
  s.history.push_back(old);
  s.unknown = {{"zeta", "true"}, {"alpha", R"({"z":[],"y":{}})"}};
  return s;
}

TEST(SerializeState, RoundTripsEveryField) {
  const StudentState s = full_state();
  const std::string text = serialize_state(s);
  EXPECT_EQ(parse_state(text, k_name), s);
  // Deterministic, and a fixed point.
  EXPECT_EQ(serialize_state(s), text);
  EXPECT_EQ(serialize_state(parse_state(text, k_name)), text);
}

TEST(SerializeState, RoundTripsAnEmptyState) {
  StudentState s;
  s.uuid = "u";
  s.current.expiry = day("2030-01-01");
  EXPECT_EQ(parse_state(serialize_state(s), k_name), s);
}

TEST(SerializeState, WritesTheDocumentedShape) {
  StudentState s;
  s.rules = "cqupt-chongqing";
  s.uuid = "u";
  s.revision = 2;
  s.current.expiry = day("2026-12-20");
  s.current.steps[1].done = day("2026-11-03");
  EXPECT_EQ(serialize_state(s), R"({
  "schema": 2,
  "rules": "cqupt-chongqing",
  "uuid": "u",
  "revision": 2,
  "name": "",
  "student_id": "",
  "expiry": "2026-12-20",
  "steps": {
    "registration": {
      "done": null
    },
    "photo": {
      "done": "2026-11-03"
    },
    "letter": {
      "done": null
    },
    "submit": {
      "done": null
    },
    "collect": {
      "done": null
    }
  },
  "progress_note": null,
  "history": []
}
)");
}

TEST(SerializeState, WritesHistoryEntriesInFixedOrder) {
  const std::string text = serialize_state(full_state());
  const auto entry = text.find("\"history\"");
  ASSERT_NE(entry, std::string::npos);
  const auto expiry = text.find("\"expiry\"", entry);
  const auto steps = text.find("\"steps\"", entry);
  const auto note = text.find("\"progress_note\"", entry);
  const auto new_expiry = text.find("\"new_expiry\"", entry);
  const auto unknown = text.find("\"office_note\"", entry);
  EXPECT_LT(expiry, steps);
  EXPECT_LT(steps, note);
  EXPECT_LT(note, new_expiry);
  EXPECT_LT(new_expiry, unknown);
}

TEST(SerializeState, ReplacesInvalidUtf8RatherThanFailing) {
  StudentState s;
  s.uuid = "u";
  s.current.expiry = day("2026-12-20");
  s.name = "Kim\xFF";
  const StudentState back = parse_state(serialize_state(s), k_name);
  EXPECT_EQ(back.name, "Kim\xEF\xBF\xBD");
}

TEST(SerializeState, KnownFieldsWinOverAnUnknownOfTheSameName) {
  StudentState s;
  s.uuid = "u";
  s.current.expiry = day("2026-12-20");
  s.unknown = {{"name", R"("impostor")"}};
  s.name = "Kim";
  const json j = json::parse(serialize_state(s));
  EXPECT_EQ(j["name"], "Kim");
}

TEST(ParseState, ReadsTheDemoFile) {
  const auto text = rpx::bundled_file("demo/student.json");
  ASSERT_TRUE(text.has_value());
  const StudentState s = parse_state(*text, k_name);
  EXPECT_EQ(s.schema, 1);
  EXPECT_EQ(s.uuid, "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b");
  EXPECT_EQ(s.revision, 1);
  EXPECT_EQ(s.name, "Kim Minjun");
  EXPECT_EQ(s.student_id, "2021210001");
  // The expiry is the demo's to choose; it must come after the steps done.
  EXPECT_GT(s.current.expiry, day("2026-11-03"));
  EXPECT_EQ(s.current.steps[0].done, day("2026-11-02"));
  EXPECT_EQ(s.current.steps[1].done, day("2026-11-03"));
  EXPECT_FALSE(s.current.steps[2].done);
  EXPECT_FALSE(s.current.steps[3].done);
  EXPECT_FALSE(s.current.steps[4].done);
  EXPECT_FALSE(s.current.progress_note);
  EXPECT_TRUE(s.history.empty());
  // The demo is written exactly as rpx writes it.
  EXPECT_EQ(serialize_state(s), *text);
}

TEST(ParseState, OptionalMembersMayBeAbsentOrNull) {
  StudentState s = parse_state(minimal().dump(), k_name);
  EXPECT_EQ(s.name, "");
  EXPECT_EQ(s.student_id, "");
  for (const auto& step : s.current.steps) {
    EXPECT_EQ(step, rpx::StepRecord{});
  }
  EXPECT_FALSE(s.current.progress_note);
  EXPECT_TRUE(s.history.empty());

  json j = minimal();
  j["name"] = nullptr;
  j["student_id"] = nullptr;
  j["steps"] = {{"photo", nullptr},
                {"letter", json::object()},
                {"submit", {{"done", nullptr}, {"note", nullptr}}}};
  j["progress_note"] = nullptr;
  j["history"] = nullptr;
  EXPECT_EQ(parse_state(j.dump(), k_name), s);
}

TEST(ParseState, AcceptsAByteOrderMark) {
  json j = minimal();
  j["zz"] = 1;  // takes the second, order-keeping read too
  const StudentState s = parse_state("\xEF\xBB\xBF" + j.dump(), k_name);
  EXPECT_EQ(s.revision, 3);
  EXPECT_EQ(s.unknown, (rpx::Unknown{{"zz", "1"}}));
}

TEST(ParseState, NamesFileLineAndColumnOfASyntaxError) {
  const std::string e = error_of_text("{\n  \"schema\": 1,\n  oops\n}");
  EXPECT_EQ(e.rfind("state.json:3:3: ", 0), 0u) << e;
}

TEST(ParseState, RefusesAFileOverOneMebibyte) {
  json j = minimal();
  j["padding"] = std::string(1024 * 1024, 'x');
  EXPECT_EQ(error_of(j), "state.json: file is larger than 1 MiB");
}

TEST(ParseState, RefusesNestingDeeperThan64) {
  // The root object is level 1: 63 arrays inside it reach 64, allowed.
  const auto nested = [](int arrays) {
    return R"({"schema":1,"uuid":"u","revision":0,"expiry":"2026-12-20","x":)" +
           std::string(static_cast<std::size_t>(arrays), '[') +
           std::string(static_cast<std::size_t>(arrays), ']') + "}";
  };
  EXPECT_EQ(error_of_text(nested(63)), "");
  const std::string e = error_of_text(nested(64));
  EXPECT_NE(e.find("nested deeper than 64 levels"), std::string::npos) << e;
  EXPECT_EQ(e.rfind("state.json:1:", 0), 0u) << e;
}

TEST(ParseState, KeepsUnknownMembersAtEveryLevelInOrder) {
  const std::string text = R"({
    "zeta": 1, "schema": 1, "uuid": "u", "revision": 0, "expiry": "2026-12-20",
    "alpha": {"b": 1, "a": [true, null]},
    "steps": {"photo": {"zz": "x", "done": null, "aa": 2}},
    "progress_note": {"date": "2026-11-20", "window": 7, "desk": "B"},
    "history": [{"expiry": "2025-12-20", "why": "late", "because": 1,
                 "steps": {"collect": {"done": "2025-12-01", "q": {}}},
                 "progress_note": {"date": "2025-11-01", "r": []}}],
    "middle": "m"
  })";
  const StudentState s = parse_state(text, k_name);
  EXPECT_EQ(s.unknown, (rpx::Unknown{{"zeta", "1"},
                                     {"alpha", R"({"b":1,"a":[true,null]})"},
                                     {"middle", R"("m")"}}));
  EXPECT_EQ(s.current.steps[1].unknown,
            (rpx::Unknown{{"zz", R"("x")"}, {"aa", "2"}}));
  EXPECT_EQ(s.current.progress_note->unknown,
            (rpx::Unknown{{"window", "7"}, {"desk", R"("B")"}}));
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].unknown,
            (rpx::Unknown{{"why", R"("late")"}, {"because", "1"}}));
  EXPECT_EQ(s.history[0].steps[4].unknown, (rpx::Unknown{{"q", "{}"}}));
  EXPECT_EQ(s.history[0].progress_note->unknown, (rpx::Unknown{{"r", "[]"}}));

  // Written back after the known members, values and order intact.
  const std::string out = serialize_state(s);
  EXPECT_EQ(parse_state(out, k_name), s);
  EXPECT_LT(out.find("\"history\""), out.find("\"zeta\""));
  EXPECT_LT(out.find("\"zeta\""), out.find("\"alpha\""));
  EXPECT_LT(out.find("\"alpha\""), out.find("\"middle\""));
  EXPECT_LT(out.find("\"b\""), out.find("\"a\""));
}

TEST(ParseState, ReadsANewerSchemaAsFarAsItCan) {
  json j = minimal();
  j["schema"] = 3;
  j["steps"] = {{"photo", {{"done", "2026-11-03"}}},
                {"visa_interview", {{"done", "2026-11-04"}}}};
  j["biometrics"] = {{"taken", true}};
  const StudentState s = parse_state(j.dump(), k_name);
  EXPECT_EQ(s.schema, 3);
  EXPECT_EQ(s.current.steps[1].done, day("2026-11-03"));
  EXPECT_EQ(s.unknown.size(), 1u);
}

TEST(ParseState, BlamesANewerSchemaForWhatItCannotRead) {
  json j = minimal();
  j["schema"] = 7;
  j["expiry"] = {{"date", "2026-12-20"}};
  EXPECT_EQ(error_of(j),
            "state.json: /expiry: expected a date YYYY-MM-DD (the file was "
            "written by a newer rpx, schema 7; upgrade rpx)");
}

struct BadValue {
  const char* pointer;  // where to put `value` in minimal()
  json value;
  std::string message;
};

class ParseStateBadValue : public testing::TestWithParam<BadValue> {};

TEST_P(ParseStateBadValue, NamesThePointerAndTheReason) {
  const BadValue& bad = GetParam();
  json j = minimal();
  j[json::json_pointer(bad.pointer)] = bad.value;
  EXPECT_EQ(error_of(j), bad.message);
}

const std::string k_date = "expected a date YYYY-MM-DD";
const std::string k_step =
    "unknown step (the steps are registration, photo, "
    "letter, submit, collect)";

INSTANTIATE_TEST_SUITE_P(
    EveryField, ParseStateBadValue,
    testing::Values(
        BadValue{"/schema", "1",
                 "state.json: /schema: expected an integer "
                 "from 1 to 2147483647"},
        BadValue{"/schema", 0,
                 "state.json: /schema: expected an integer "
                 "from 1 to 2147483647"},
        BadValue{"/schema", 1.5,
                 "state.json: /schema: expected an integer "
                 "from 1 to 2147483647"},
        BadValue{"/uuid", 5, "state.json: /uuid: expected a string"},
        BadValue{"/uuid", "", "state.json: /uuid: must not be empty"},
        BadValue{"/revision", -1,
                 "state.json: /revision: expected an integer from 0 to "
                 "9223372036854775807"},
        BadValue{"/revision", "3",
                 "state.json: /revision: expected an integer from 0 to "
                 "9223372036854775807"},
        BadValue{"/name", 5, "state.json: /name: expected a string"},
        BadValue{"/student_id", json::array(),
                 "state.json: /student_id: expected a string"},
        BadValue{"/expiry", "2026-2-3", "state.json: /expiry: " + k_date},
        BadValue{"/expiry", "2026-02-30", "state.json: /expiry: " + k_date},
        BadValue{"/expiry", 20261220, "state.json: /expiry: " + k_date},
        BadValue{"/steps", json::array(),
                 "state.json: /steps: expected an object"},
        BadValue{"/steps/passport", json::object(),
                 "state.json: /steps/passport: " + k_step},
        BadValue{"/steps/a~1b", json::object(),
                 "state.json: /steps/a~1b: " + k_step},
        BadValue{"/steps/photo", true,
                 "state.json: /steps/photo: expected an object"},
        BadValue{"/steps/photo/done", "yesterday",
                 "state.json: /steps/photo/done: " + k_date},
        BadValue{"/steps/photo/done", true,
                 "state.json: /steps/photo/done: " + k_date},
        BadValue{"/steps/photo/note", 1,
                 "state.json: /steps/photo/note: expected a string"},
        BadValue{"/progress_note", "2026-11-20",
                 "state.json: /progress_note: expected an object"},
        BadValue{"/progress_note", json::object(),
                 "state.json: /progress_note/date: missing"},
        BadValue{"/progress_note/date", "20 Nov",
                 "state.json: /progress_note/date: " + k_date},
        BadValue{"/history", json::object(),
                 "state.json: /history: expected an array"},
        BadValue{"/history/0", 1, "state.json: /history/0: expected an object"},
        BadValue{"/history/0", json::object(),
                 "state.json: /history/0/expiry: missing"},
        BadValue{"/history/0",
                 {{"expiry", "2025-12-20"}, {"new_expiry", "soon"}},
                 "state.json: /history/0/new_expiry: " + k_date},
        BadValue{
            "/history/0",
            {{"expiry", "2025-12-20"}, {"steps", {{"letter", {{"done", 1}}}}}},
            "state.json: /history/0/steps/letter/done: " + k_date},
        BadValue{"/history/0",
                 {{"expiry", "2025-12-20"}, {"steps", {{"visa", nullptr}}}},
                 "state.json: /history/0/steps/visa: " + k_step},
        BadValue{"/history/0",
                 {{"expiry", "2025-12-20"},
                  {"progress_note", {{"date", "2025-11-01"}, {"phone", 5}}}},
                 "state.json: /history/0/progress_note/phone: expected a "
                 "string"}));

TEST(ParseState, RefusesARootThatIsNotAnObject) {
  EXPECT_EQ(error_of_text("[]"), "state.json: expected an object");
}

TEST(ParseState, RefusesAFileWithoutRequiredMembers) {
  for (const char* key : {"schema", "uuid", "revision", "expiry"}) {
    json j = minimal();
    j.erase(key);
    EXPECT_EQ(error_of(j), std::string("state.json: /") + key + ": missing");
  }
}

TEST(ParseState, ReadsTheRevisionsFullRange) {
  json j = minimal();
  j["revision"] = 9223372036854775807LL;
  EXPECT_EQ(parse_state(j.dump(), k_name).revision, 9223372036854775807LL);
}

TEST(SchemaMigration, ReadsASchemaOneFileAsBefore) {
  json j = minimal();
  j["name"] = "Kim";
  const StudentState s = parse_state(j.dump(), k_name);
  EXPECT_EQ(s.schema, 1);
  EXPECT_EQ(s.rules, "");
  EXPECT_EQ(s.name, "Kim");
  // Written back unchanged: serializing does not migrate, saving does.
  EXPECT_EQ(parse_state(serialize_state(s), k_name), s);
  EXPECT_EQ(json::parse(serialize_state(s)).count("rules"), 0u);
}

TEST(SchemaMigration, DropsAMemberNamedRulesFromSchemaOne) {
  // Not ours in schema 1; the next save records the rules in force.
  json j = minimal();
  j["rules"] = 42;
  const StudentState s = parse_state(j.dump(), k_name);
  EXPECT_EQ(s.rules, "");
  EXPECT_TRUE(s.unknown.empty());
}

TEST(SchemaMigration, SchemaTwoIsSchemaOnePlusTheRules) {
  StudentState s = parse_state(minimal().dump(), k_name);
  s.schema = 2;
  s.rules = "cqupt-chongqing";
  const std::string text = serialize_state(s);
  json want = minimal();
  want["schema"] = 2;
  want["rules"] = "cqupt-chongqing";
  const json got = json::parse(text);
  for (const auto& [key, value] : want.items()) {
    EXPECT_EQ(got.at(key), value) << key;
  }
  EXPECT_EQ(parse_state(text, k_name), s);
  EXPECT_LT(text.find("\"schema\""), text.find("\"rules\""));
  EXPECT_LT(text.find("\"rules\""), text.find("\"uuid\""));
}

TEST(SchemaMigration, SchemaTwoNeedsTheRulesAsAString) {
  json j = minimal();
  j["schema"] = 2;
  EXPECT_EQ(error_of(j), "state.json: /rules: missing");
  j["rules"] = 7;
  EXPECT_EQ(error_of(j), "state.json: /rules: expected a string");
  j["rules"] = "";  // written by a tool that did not know them
  EXPECT_EQ(parse_state(j.dump(), k_name).rules, "");
}

TEST(SchemaMigration, ANewerSchemaMayLackTheRules) {
  json j = minimal();
  j["schema"] = 3;
  EXPECT_EQ(parse_state(j.dump(), k_name).rules, "");
  j["rules"] = "x";
  EXPECT_EQ(parse_state(j.dump(), k_name).rules, "x");
}

TEST(MakeUuid, IsARandomVersion4Uuid) {
  const std::regex shape(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string u = rpx::make_uuid();
    EXPECT_TRUE(std::regex_match(u, shape)) << u;
    seen.insert(u);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
