#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <rpx/errors.hpp>
#include <rpx/json_util.hpp>
#include <rpx/state.hpp>
#include <rpx/utf8.hpp>
#include <span>

namespace rpx {

namespace {

using json_util::Reader;
using nlohmann::json;
using nlohmann::ordered_json;

using Keys = std::span<const std::string_view>;

// The members rpx knows, in the order serialize_state writes them; anything
// else is kept verbatim in an `Unknown`.
constexpr std::array<std::string_view, 10> k_top_keys = {
    "schema",     "rules",  "uuid",  "revision",      "name",
    "student_id", "expiry", "steps", "progress_note", "history"};
/// The first schema with the `rules` member.
constexpr int k_rules_schema = 2;
constexpr std::array<std::string_view, 2> k_step_keys = {"done", "note"};
constexpr std::array<std::string_view, 2> k_note_keys = {"date", "phone"};
constexpr std::array<std::string_view, 4> k_history_keys = {
    "expiry", "steps", "progress_note", "new_expiry"};

bool is_known(std::string_view key, Keys known) {
  return std::find(known.begin(), known.end(), key) != known.end();
}

std::size_t step_index(std::string_view id) {
  return static_cast<std::size_t>(
      std::find(k_step_ids.begin(), k_step_ids.end(), id) - k_step_ids.begin());
}

/// Facts about the file that change how strictly it is read.
struct Context {
  /// The schema is newer than ours: members we do not know where we expect
  /// known ones (a new step) are skipped rather than refused, since such a
  /// file is only ever read, never saved.
  bool newer = false;
};

StepRecord read_step(const Reader& r) {
  StepRecord s;
  if (r.json().is_null()) {
    return s;
  }
  r.expect_object();
  if (r.has("done")) {
    s.done = r["done"].date();
  }
  if (r.has("note")) {
    s.note = r["note"].string_or_empty();
  }
  return s;
}

/// The `steps` member of `parent`; a missing step (or a missing `steps`) is
/// a step not done.
std::array<StepRecord, 5> read_steps(const Reader& parent, const Context& c) {
  std::array<StepRecord, 5> out;
  if (!parent.has("steps")) {
    return out;
  }
  const Reader steps = parent["steps"];
  steps.expect_object();
  for (const auto& [key, value] : steps.json().items()) {
    const std::size_t i = step_index(key);
    if (i < out.size()) {
      out[i] = read_step(steps[key]);
    } else if (!c.newer) {
      json_util::fail(steps.name(),
                      steps.pointer() + "/" + json_util::pointer_token(key),
                      Message("error.state.unknown_step"));
    }
  }
  return out;
}

std::optional<ProgressNote> read_progress_note(const Reader& parent) {
  if (!parent.has("progress_note")) {
    return std::nullopt;
  }
  const Reader r = parent["progress_note"];
  r.expect_object();
  ProgressNote note;
  note.date = r["date"].date();
  if (r.has("phone")) {
    note.phone = r["phone"].string_or_empty();
  }
  return note;
}

Cycle read_history_entry(const Reader& r, const Context& c) {
  r.expect_object();
  Cycle cycle;
  cycle.expiry = r["expiry"].date();
  cycle.steps = read_steps(r, c);
  cycle.progress_note = read_progress_note(r);
  if (r.has("new_expiry")) {
    cycle.new_expiry = r["new_expiry"].date();
  }
  return cycle;
}

std::string optional_string(const Reader& parent, std::string_view key) {
  return parent.has(key) ? parent[key].string_or_empty() : std::string();
}

/// Everything but the unknown members, which `fill_unknowns` adds.
StudentState read_known(const Reader& root) {
  root.expect_object();
  StudentState s;
  s.schema = static_cast<int>(
      root["schema"].integer(1, std::numeric_limits<int>::max()));
  const Context c{.newer = s.schema > k_schema_version};
  try {
    // Required from schema 2 on; a newer schema may have moved it. In a
    // schema-1 file a member of that name was not ours: it is dropped, and
    // the next save writes the rules in force.
    if (s.schema >= k_rules_schema && (!c.newer || root.has("rules"))) {
      s.rules = root["rules"].string_or_empty();
    }
    s.uuid = root["uuid"].string();
    s.revision =
        root["revision"].integer(0, std::numeric_limits<std::int64_t>::max());
    s.name = optional_string(root, "name");
    s.student_id = optional_string(root, "student_id");
    s.current.expiry = root["expiry"].date();
    s.current.steps = read_steps(root, c);
    s.current.progress_note = read_progress_note(root);
    if (root.has("history")) {
      const Reader list = root["history"];
      for (std::size_t i = 0; i < list.size(); ++i) {
        s.history.push_back(read_history_entry(list[i], c));
      }
    }
  } catch (const DataError& e) {
    if (!c.newer) {
      throw;
    }
    // The likely cause is the newer format, not a damaged file: say so.
    throw DataError(Message("error.state.newer",
                            {{"error", e.message()}, {"schema", s.schema}}));
  }
  return s;
}

template <typename J>
Unknown unknown_members(const J& object, Keys known) {
  Unknown out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!is_known(it.key(), known)) {
      out.emplace_back(it.key(), it.value().dump());
    }
  }
  return out;
}

/// The object member `key` of `parent`, or null when absent or not an object.
template <typename J>
const J* object_member(const J& parent, std::string_view key) {
  auto it = parent.find(key);
  return it != parent.end() && it->is_object() ? &*it : nullptr;
}

/// Fills the unknown members of `cycle` (parsed from `j`, so its shape has
/// been checked); true if there were any.
template <typename J>
bool fill_cycle_unknowns(Cycle& cycle, const J& j) {
  bool any = false;
  if (const J* steps = object_member(j, "steps")) {
    for (std::size_t i = 0; i < k_step_ids.size(); ++i) {
      if (const J* step = object_member(*steps, k_step_ids[i])) {
        cycle.steps[i].unknown = unknown_members(*step, k_step_keys);
        any = any || !cycle.steps[i].unknown.empty();
      }
    }
  }
  if (const J* note = object_member(j, "progress_note")) {
    cycle.progress_note->unknown = unknown_members(*note, k_note_keys);
    any = any || !cycle.progress_note->unknown.empty();
  }
  return any;
}

template <typename J>
bool fill_unknowns(StudentState& s, const J& root) {
  s.unknown = unknown_members(root, k_top_keys);
  bool any = !s.unknown.empty();
  any = fill_cycle_unknowns(s.current, root) || any;
  if (auto it = root.find("history"); it != root.end() && it->is_array()) {
    for (std::size_t i = 0; i < s.history.size(); ++i) {
      const J& entry = (*it)[i];
      s.history[i].unknown = unknown_members(entry, k_history_keys);
      any = any || !s.history[i].unknown.empty();
      any = fill_cycle_unknowns(s.history[i], entry) || any;
    }
  }
  return any;
}

using Members = std::vector<json_util::RawMember>;

const std::string* raw_member(const Members& members, std::string_view key) {
  for (const auto& m : members) {
    if (m.key == key) {
      return &m.raw;
    }
  }
  return nullptr;
}

Unknown raw_unknown(const Members& members, Keys known) {
  Unknown out;
  for (const auto& m : members) {
    if (!is_known(m.key, known)) {
      out.emplace_back(m.key, m.raw);
    }
  }
  return out;
}

/// Members of the object member `key`; empty when absent or not an object.
Members object_members(const Members& parent, std::string_view key) {
  const std::string* raw = raw_member(parent, key);
  return raw ? json_util::raw_members(*raw) : Members{};
}

void fill_raw_cycle(Cycle& cycle, const Members& members) {
  const Members steps = object_members(members, "steps");
  for (std::size_t i = 0; i < k_step_ids.size(); ++i) {
    cycle.steps[i].unknown =
        raw_unknown(object_members(steps, k_step_ids[i]), k_step_keys);
  }
  if (cycle.progress_note) {
    cycle.progress_note->unknown =
        raw_unknown(object_members(members, "progress_note"), k_note_keys);
  }
}

/// The unknown members of `s` as the file spells them (`root`).
void fill_raw_unknowns(StudentState& s, const Members& root) {
  s.unknown = raw_unknown(root, k_top_keys);
  fill_raw_cycle(s.current, root);
  const std::string* history = raw_member(root, "history");
  const std::vector<std::string> entries =
      history ? json_util::raw_elements(*history) : std::vector<std::string>{};
  for (std::size_t i = 0; i < s.history.size() && i < entries.size(); ++i) {
    const Members entry = json_util::raw_members(entries[i]);
    s.history[i].unknown = raw_unknown(entry, k_history_keys);
    fill_raw_cycle(s.history[i], entry);
  }
}

/// Unknown members go into the document as marker strings, replaced by
/// their raw text after `dump`: nlohmann would print `1E2` as `100.0`,
/// `-0` as `0` and a 23-digit integer as a double.
class RawValues {
 public:
  ordered_json marker(const std::string& key, const std::string& raw) {
    if (!ordered_json::accept(raw)) {
      throw InternalError(
          fmt::format("unknown member \"{}\" holds invalid JSON", key));
    }
    m_raw.push_back(raw);
    return fmt::format("\x01rpx-raw-{}\x01", m_raw.size() - 1);
  }

  /// `text` (dumped with `indent`, -1 for compact) with each marker
  /// replaced by its raw value, laid out as `dump` would.
  std::string splice(const std::string& text, int indent) const {
    std::string out;
    std::size_t from = 0;
    for (std::size_t k = 0; k < m_raw.size(); ++k) {
      const std::string mark = fmt::format("\"\\u0001rpx-raw-{}\\u0001\"", k);
      const std::size_t at = text.find(mark, from);
      if (at == std::string::npos ||
          text.find(mark, at + mark.size()) != std::string::npos) {
        throw DataError(Message("error.state.internal_marker"));
      }
      const std::size_t line = text.rfind('\n', at);
      const std::size_t start = line == std::string::npos ? 0 : line + 1;
      const std::size_t column = text.find_first_not_of(' ', start) - start;
      out.append(text, from, at - from);
      out += json_util::write_raw(m_raw[k], indent, column);
      from = at + mark.size();
    }
    out.append(text, from, std::string::npos);
    return out;
  }

 private:
  std::vector<std::string> m_raw;
};

/// Adds `unknown` to `j` after its known members. A key that is known, or
/// already present, is skipped: the known fields are the truth.
void add_unknown(ordered_json& j, const Unknown& unknown, Keys known,
                 RawValues& raw) {
  for (const auto& [key, value] : unknown) {
    if (is_known(key, known) || j.contains(key)) {
      continue;
    }
    j[key] = raw.marker(key, value);
  }
}

ordered_json date_or_null(const std::optional<Date>& d) {
  return d ? ordered_json(format_date(*d)) : ordered_json(nullptr);
}

ordered_json steps_json(const std::array<StepRecord, 5>& steps,
                        RawValues& raw) {
  ordered_json out = ordered_json::object();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ordered_json step = ordered_json::object();
    step["done"] = date_or_null(steps[i].done);
    if (!steps[i].note.empty()) {
      step["note"] = steps[i].note;
    }
    add_unknown(step, steps[i].unknown, k_step_keys, raw);
    out[std::string(k_step_ids[i])] = std::move(step);
  }
  return out;
}

ordered_json progress_note_json(const std::optional<ProgressNote>& note,
                                RawValues& raw) {
  if (!note) {
    return nullptr;
  }
  ordered_json out = ordered_json::object();
  out["date"] = format_date(note->date);
  if (!note->phone.empty()) {
    out["phone"] = note->phone;
  }
  add_unknown(out, note->unknown, k_note_keys, raw);
  return out;
}

ordered_json history_json(const Cycle& cycle, RawValues& raw) {
  ordered_json out = ordered_json::object();
  out["expiry"] = format_date(cycle.expiry);
  out["steps"] = steps_json(cycle.steps, raw);
  out["progress_note"] = progress_note_json(cycle.progress_note, raw);
  out["new_expiry"] = date_or_null(cycle.new_expiry);
  add_unknown(out, cycle.unknown, k_history_keys, raw);
  return out;
}

}  // namespace

StudentState parse_state(std::string_view text, const std::string& name) {
  if (std::optional<StudentState> fast = parse_state_fast(text)) {
    return std::move(*fast);
  }
  return parse_state_strict(text, name);
}

StudentState parse_state_strict(std::string_view text,
                                const std::string& name) {
  const json root = json_util::parse(text, name);
  StudentState s = read_known(Reader(root, name));
  // nlohmann::json sorts members and turns numbers into doubles; re-read the
  // unknown members' text, in order, only in the rare file that has some,
  // keeping the common case (batch `check` over many files) to one parse.
  if (fill_unknowns(s, root)) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
      text.remove_prefix(3);
    }
    fill_raw_unknowns(s, json_util::raw_members(text));
  }
  return s;
}

std::string serialize_state(const StudentState& state, Layout layout) {
  RawValues raw;
  ordered_json root = ordered_json::object();
  root["schema"] = state.schema;
  if (state.schema >= k_rules_schema) {
    root["rules"] = state.rules;
  }
  root["uuid"] = state.uuid;
  root["revision"] = state.revision;
  root["name"] = state.name;
  root["student_id"] = state.student_id;
  root["expiry"] = format_date(state.current.expiry);
  root["steps"] = steps_json(state.current.steps, raw);
  root["progress_note"] = progress_note_json(state.current.progress_note, raw);
  ordered_json history = ordered_json::array();
  for (const Cycle& cycle : state.history) {
    history.push_back(history_json(cycle, raw));
  }
  root["history"] = std::move(history);
  add_unknown(root, state.unknown, k_top_keys, raw);
  // Invalid UTF-8 (from a command-line argument) becomes U+FFFD rather than
  // failing the save: a state file must always be writable and valid JSON.
  const int indent = layout == Layout::indented ? 2 : -1;
  return raw.splice(root.dump(indent, ' ', false,
                              ordered_json::error_handler_t::replace),
                    indent) +
         "\n";
}

bool same_extra_key(std::string_view a, std::string_view b) noexcept {
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

const std::string* find_extra(const StudentState& state,
                              std::string_view key) noexcept {
  for (const auto& [k, raw] : state.unknown) {
    if (same_extra_key(k, key)) {
      return &raw;
    }
  }
  return nullptr;
}

std::optional<Message> extra_key_problem(std::string_view key) {
  if (key.empty()) {
    return Message("error.extra.empty_key");
  }
  if (key.size() > k_max_extra_key_bytes) {
    return Message("error.extra.key_too_long",
                   {{"max", k_max_extra_key_bytes}});
  }
  if (!is_valid_utf8(key)) {
    return Message("error.extra.key_not_utf8");
  }
  for (std::size_t pos = 0; pos < key.size();) {
    const std::optional<char32_t> c = next_code_point(key, pos);
    if (c && is_control(*c)) {
      return Message("error.extra.key_control");
    }
  }
  for (std::string_view own : k_top_keys) {
    if (!same_extra_key(own, key)) {
      continue;
    }
    // The three a person may correct have their own `rpx set`.
    if (own == "name" || own == "expiry") {
      return Message("error.extra.key_settable",
                     {{"key", std::string(key)}, {"command", own}});
    }
    if (own == "student_id") {
      return Message("error.extra.key_settable",
                     {{"key", std::string(key)}, {"command", "student-id"}});
    }
    return Message("error.extra.key_reserved", {{"key", std::string(key)}});
  }
  return std::nullopt;
}

}  // namespace rpx
