// The state file's fast reader (state.hpp: parse_state_fast): one pass over
// the bytes, building the state without a JSON tree, for the files rpx
// writes. It accepts only what it is sure the strict reader accepts, with the
// same result; anything else (a syntax error, a duplicate member, an unknown
// step, a \u escape, a newer schema) is left to the strict reader, which
// explains it. state_test and fuzz_state hold the two readers to that.
#include <algorithm>
#include <limits>
#include <rpx/json_util.hpp>
#include <rpx/state.hpp>
#include <rpx/utf8.hpp>

#include "json_scan.hpp"

namespace rpx {

namespace {

/// Thrown where the fast reader stops: not an error, only "ask the strict
/// reader". Never leaves this file.
struct NotFast {};

/// Deeper than this is left to the strict reader's depth check.
constexpr int k_fast_max_depth = 32;

/// Longest integer read here: 18 digits always fit an `int64_t`.
constexpr std::size_t k_max_digits = 18;

/// Longest integer part of a number kept verbatim: any number with this
/// many digits before the point is finite as a double, as nlohmann reads it.
constexpr std::size_t k_max_number_digits = 300;

constexpr std::size_t k_no_step = k_step_count;

std::size_t fast_step_index(std::string_view key) noexcept {
  for (std::size_t i = 0; i < k_step_ids.size(); ++i) {
    if (k_step_ids[i] == key) {
      return i;
    }
  }
  return k_no_step;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_t(text) {}

  void ws() noexcept {
    while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\n' ||
                                m_t[m_i] == '\r' || m_t[m_i] == '\t')) {
      ++m_i;
    }
  }
  char peek() const noexcept { return m_i < m_t.size() ? m_t[m_i] : '\0'; }
  void expect(char c) {
    if (peek() != c) {
      throw NotFast{};
    }
    ++m_i;
  }
  bool at_end() const noexcept { return m_i == m_t.size(); }

  /// A string literal's bytes between the quotes, checked: UTF-8, no
  /// control character, only the one-letter escapes. `escaped` tells
  /// whether it holds any.
  std::string_view string_body(bool& escaped) {
    const std::optional<json_scan::ScannedString> s =
        json_scan::scan_string(m_t, m_i);
    if (!s || !is_valid_utf8(s->body)) {
      throw NotFast{};  // \u is the strict reader's
    }
    escaped = s->escaped;
    return s->body;
  }

  /// A member name: no escapes, so that its bytes are its name.
  std::string_view key() {
    bool escaped = false;
    const std::string_view k = string_body(escaped);
    if (escaped) {
      throw NotFast{};
    }
    ws();
    expect(':');
    ws();
    return k;
  }

  std::string string_value() {
    bool escaped = false;
    const std::string_view body = string_body(escaped);
    return escaped ? json_scan::unescape(body) : std::string(body);
  }

  /// `null`, consumed; false (nothing consumed) for anything else.
  bool null() {
    if (m_t.substr(m_i, 4) == "null") {
      m_i += 4;
      return true;
    }
    return false;
  }

  std::optional<Date> date_or_null() {
    if (null()) {
      return std::nullopt;
    }
    return date();
  }

  Date date() {
    bool escaped = false;
    const std::string_view body = string_body(escaped);
    const std::optional<Date> d = escaped ? std::nullopt : parse_date(body);
    if (!d) {
      throw NotFast{};
    }
    return *d;
  }

  /// A non-negative integer written as plain digits.
  std::int64_t integer() {
    const std::size_t start = m_i;
    while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9') {
      ++m_i;
    }
    const std::size_t n = m_i - start;
    if (n == 0 || n > k_max_digits || (n > 1 && m_t[start] == '0')) {
      throw NotFast{};
    }
    std::int64_t v = 0;
    for (std::size_t k = start; k < m_i; ++k) {
      v = v * 10 + (m_t[k] - '0');
    }
    const char next = peek();
    if (next == '.' || next == 'e' || next == 'E') {
      throw NotFast{};
    }
    return v;
  }

  /// Any JSON value, checked and skipped; returns its text as
  /// json_util::raw_members gives an unknown member (`minify`).
  std::string raw_value(int depth) {
    const std::size_t start = m_i;
    skip_value(depth);
    return json_util::minify(m_t.substr(start, m_i - start));
  }

 private:
  void skip_value(int depth) {
    if (depth > k_fast_max_depth) {
      throw NotFast{};
    }
    const char c = peek();
    if (c == '"') {
      bool escaped = false;
      string_body(escaped);
    } else if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++m_i;
      ws();
      if (peek() == close) {
        ++m_i;
        return;
      }
      std::vector<std::string_view> keys;
      for (;;) {
        if (close == '}') {
          const std::string_view k = key();
          if (std::find(keys.begin(), keys.end(), k) != keys.end()) {
            throw NotFast{};
          }
          keys.push_back(k);
        }
        skip_value(depth + 1);
        ws();
        if (peek() != ',') {
          expect(close);
          return;
        }
        ++m_i;
        ws();
      }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number();
    } else if (m_t.substr(m_i, 4) == "true" || m_t.substr(m_i, 4) == "null") {
      m_i += 4;
    } else if (m_t.substr(m_i, 5) == "false") {
      m_i += 5;
    } else {
      throw NotFast{};
    }
  }

  /// RFC 8259's number, without an exponent (which could overflow a
  /// double: the strict reader's to report).
  void number() {
    if (peek() == '-') {
      ++m_i;
    }
    const auto digits = [&] {
      const std::size_t start = m_i;
      while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9') {
        ++m_i;
      }
      return m_i - start;
    };
    const std::size_t first = m_i;
    const std::size_t n = digits();
    // 309 digits can pass a double's range: the strict reader's to refuse.
    if (n == 0 || n > k_max_number_digits || (n > 1 && m_t[first] == '0')) {
      throw NotFast{};
    }
    if (peek() == '.') {
      ++m_i;
      if (digits() == 0) {
        throw NotFast{};
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      throw NotFast{};
    }
  }

  std::string_view m_t;
  std::size_t m_i = 0;
};

/// Calls `member(key)` for each member of the object at the scanner, with
/// the scanner at the value; the value must be consumed. Refuses a name
/// seen twice (`seen` bits, for names with an index; others by `key`).
template <class F>
void for_each_member(Scanner& in, F&& member) {
  in.expect('{');
  in.ws();
  if (in.peek() == '}') {
    in.expect('}');
    return;
  }
  for (;;) {
    member(in.key());
    in.ws();
    if (in.peek() == ',') {
      in.expect(',');
      in.ws();
      continue;
    }
    in.expect('}');
    return;
  }
}

/// Marks bit `bit` of `seen`; a member named twice is the strict reader's.
void mark(unsigned& seen, unsigned bit) {
  if ((seen & (1U << bit)) != 0) {
    throw NotFast{};
  }
  seen |= 1U << bit;
}

std::string string_or_null(Scanner& in) {
  return in.null() ? std::string() : in.string_value();
}

StepRecord read_fast_step(Scanner& in) {
  StepRecord s;
  if (in.null()) {
    return s;
  }
  unsigned seen = 0;
  for_each_member(in, [&](std::string_view key) {
    if (key == "done") {
      mark(seen, 0);
      s.done = in.date_or_null();
    } else if (key == "note") {
      mark(seen, 1);
      s.note = string_or_null(in);
    } else {
      throw NotFast{};  // kept verbatim by the strict reader
    }
  });
  return s;
}

std::array<StepRecord, k_step_count> read_fast_steps(Scanner& in) {
  std::array<StepRecord, k_step_count> out;
  if (in.null()) {
    return out;
  }
  unsigned seen = 0;
  for_each_member(in, [&](std::string_view key) {
    const std::size_t i = fast_step_index(key);
    if (i == k_no_step) {
      throw NotFast{};
    }
    mark(seen, static_cast<unsigned>(i));
    out[i] = read_fast_step(in);
  });
  return out;
}

std::optional<ProgressNote> read_fast_note(Scanner& in) {
  if (in.null()) {
    return std::nullopt;
  }
  ProgressNote note;
  unsigned seen = 0;
  for_each_member(in, [&](std::string_view key) {
    if (key == "date") {
      mark(seen, 0);
      note.date = in.date();
    } else if (key == "phone") {
      mark(seen, 1);
      note.phone = string_or_null(in);
    } else {
      throw NotFast{};
    }
  });
  if ((seen & 1U) == 0) {
    throw NotFast{};
  }
  return note;
}

Cycle read_fast_history_entry(Scanner& in) {
  Cycle cycle;
  unsigned seen = 0;
  for_each_member(in, [&](std::string_view key) {
    if (key == "expiry") {
      mark(seen, 0);
      cycle.expiry = in.date();
    } else if (key == "steps") {
      mark(seen, 1);
      cycle.steps = read_fast_steps(in);
    } else if (key == "progress_note") {
      mark(seen, 2);
      cycle.progress_note = read_fast_note(in);
    } else if (key == "new_expiry") {
      mark(seen, 3);
      cycle.new_expiry = in.date_or_null();
    } else {
      throw NotFast{};
    }
  });
  if ((seen & 1U) == 0) {
    throw NotFast{};
  }
  return cycle;
}

std::vector<Cycle> read_fast_history(Scanner& in) {
  std::vector<Cycle> out;
  if (in.null()) {
    return out;
  }
  in.expect('[');
  in.ws();
  if (in.peek() == ']') {
    in.expect(']');
    return out;
  }
  for (;;) {
    out.push_back(read_fast_history_entry(in));
    in.ws();
    if (in.peek() == ',') {
      in.expect(',');
      in.ws();
      continue;
    }
    in.expect(']');
    return out;
  }
}

// The top-level members, by bit.
enum class Top : unsigned {
  schema,
  rules,
  uuid,
  revision,
  name,
  student_id,
  expiry,
  steps,
  progress_note,
  history
};

constexpr unsigned bit(Top t) noexcept { return static_cast<unsigned>(t); }

StudentState read_fast(Scanner& in) {
  StudentState s;
  unsigned seen = 0;
  bool rules_is_string = false;
  in.ws();
  for_each_member(in, [&](std::string_view key) {
    if (key == "schema") {
      mark(seen, bit(Top::schema));
      const std::int64_t schema = in.integer();
      if (schema != 1 && schema != k_schema_version) {
        throw NotFast{};  // a newer file is read as far as it can be
      }
      s.schema = static_cast<int>(schema);
    } else if (key == "rules") {
      mark(seen, bit(Top::rules));
      // Ours from schema 2 on; in a schema-1 file, whatever it holds is
      // dropped (the schema may come later in the file).
      if (in.peek() == '"') {
        s.rules = in.string_value();
        rules_is_string = true;
      } else {
        in.raw_value(1);
      }
    } else if (key == "uuid") {
      mark(seen, bit(Top::uuid));
      s.uuid = in.string_value();
      if (s.uuid.empty()) {
        throw NotFast{};
      }
    } else if (key == "revision") {
      mark(seen, bit(Top::revision));
      s.revision = in.integer();
    } else if (key == "name") {
      mark(seen, bit(Top::name));
      s.name = string_or_null(in);
    } else if (key == "student_id") {
      mark(seen, bit(Top::student_id));
      s.student_id = string_or_null(in);
    } else if (key == "expiry") {
      mark(seen, bit(Top::expiry));
      s.current.expiry = in.date();
    } else if (key == "steps") {
      mark(seen, bit(Top::steps));
      s.current.steps = read_fast_steps(in);
    } else if (key == "progress_note") {
      mark(seen, bit(Top::progress_note));
      s.current.progress_note = read_fast_note(in);
    } else if (key == "history") {
      mark(seen, bit(Top::history));
      s.history = read_fast_history(in);
    } else {
      for (const auto& [k, raw] : s.unknown) {
        if (k == key) {
          throw NotFast{};
        }
      }
      std::string k(key);
      s.unknown.emplace_back(std::move(k), in.raw_value(1));
    }
  });
  in.ws();
  constexpr unsigned required =
      (1U << bit(Top::schema)) | (1U << bit(Top::uuid)) |
      (1U << bit(Top::revision)) | (1U << bit(Top::expiry));
  if ((seen & required) != required || !in.at_end()) {
    throw NotFast{};
  }
  if (s.schema == 1) {
    s.rules.clear();
  } else if (!rules_is_string) {
    throw NotFast{};
  }
  return s;
}

}  // namespace

std::optional<StudentState> parse_state_fast(std::string_view text) {
  if (text.size() > json_util::k_max_file_bytes) {
    return std::nullopt;
  }
  try {
    Scanner in(text);
    return read_fast(in);
  } catch (const NotFast&) {
    return std::nullopt;
  }
}

}  // namespace rpx
