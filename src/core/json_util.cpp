// Parsing JSON data files with the errors docs/cli.md promises: syntax
// errors as FILE:LINE:COL, limits, duplicate member names.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <rpx/errors.hpp>
#include <rpx/json_util.hpp>
#include <rpx/utf8.hpp>

namespace rpx::json_util {

namespace {

struct Position {
  std::size_t line = 1;
  std::size_t col = 1;
};

/// Line and column (both 1-based, column in bytes) of byte `offset`.
Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.col = 1;
    } else {
      ++p.col;
    }
  }
  return p;
}

[[noreturn]] void fail_at(const std::string& name, std::string_view text,
                          std::size_t offset, Message reason) {
  const Position p = position_of(text, offset);
  throw DataError(
      Message("error.at_position", {{"file", name},
                                    {"line", p.line},
                                    {"col", p.col},
                                    {"reason", std::move(reason)}}));
}

/// Calls `visit(i)` for each byte of `text` outside JSON strings; `visit`
/// returns the offset to go on from (`i + 1`, or further when it consumed
/// more), or `text.size()` to stop.
template <class Visit>
void outside_strings(std::string_view text, Visit&& visit) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      i += c == '\\' ? 2 : 1;
      in_string = c != '"';
    } else if (c == '"') {
      in_string = true;
      ++i;
    } else {
      i = visit(i);
    }
  }
}

/// Refuses nesting deeper than k_max_depth before the parser recurses.
void check_depth(std::string_view text, const std::string& name) {
  int depth = 0;
  outside_strings(text, [&](std::size_t i) {
    const char c = text[i];
    if (c == '[' || c == '{') {
      if (++depth > k_max_depth) {
        fail_at(name, text, i,
                Message("error.json.too_deep", {{"max", k_max_depth}}));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
    return i + 1;
  });
}

/// nlohmann's message without its "[json.exception...] parse error at line
/// L, column C: " prefix, whose column counts differ from ours. It stays
/// English in every language, inside a translated frame (docs/cli.md).
Message reason_of(const nlohmann::json::parse_error& e) {
  std::string_view what = e.what();
  if (auto colon = what.find(": "); colon != std::string_view::npos) {
    what.remove_prefix(colon + 2);
  }
  // Each byte that is not UTF-8 is shown as <XX>, the way nlohmann shows
  // control characters (<U+0000>): an error line must not carry the bad
  // bytes it complains about to the user's terminal.
  return Message(
      "error.json.syntax",
      {{"detail", sanitize(what, Controls::keep, BadBytes::hex_in_angles)}});
}

/// The offset of the first number (outside strings) too large for a
/// double. nlohmann reports such a number (out_of_range 406) without its
/// position; it is the first, since parsing stops there.
std::size_t first_overflowing_number(std::string_view text) {
  std::size_t found = 0;
  outside_strings(text, [&](std::size_t i) {
    const char c = text[i];
    if (c != '-' && (c < '0' || c > '9')) {
      return i + 1;
    }
    std::size_t end = i + 1;
    while (end < text.size() &&
           std::string_view("0123456789.eE+-").find(text[end]) !=
               std::string_view::npos) {
      ++end;
    }
    const std::string number(text.substr(i, end - i));
    if (std::isinf(std::strtod(number.c_str(), nullptr))) {
      found = i;
      return text.size();
    }
    return end;
  });
  return found;
}

/// Refuses a member name that appears twice in one object, naming its
/// pointer: nlohmann keeps the last and drops the first silently, so a
/// hand-edited file could lose a date without a word.
class DuplicateCheck {
 public:
  explicit DuplicateCheck(const std::string& name) : m_name(name) {}

  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event,
                  nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        m_stack.push_back({event == E::array_start, 0, {}, {}});
        break;
      case E::key:
        on_key(parsed.get_ref<const std::string&>());
        break;
      case E::object_end:
      case E::array_end:
        m_stack.pop_back();
        completed();
        break;
      case E::value:
        completed();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;  // elements completed (arrays)
    std::string key;    // the member being read (objects)
    std::vector<std::string> keys;
  };

  void completed() {
    if (!m_stack.empty() && m_stack.back().array) {
      ++m_stack.back().index;
    }
  }

  void on_key(const std::string& key) {
    Frame& f = m_stack.back();
    if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) {
      std::string at;
      for (std::size_t i = 0; i + 1 < m_stack.size(); ++i) {
        at += m_stack[i].array ? fmt::format("/{}", m_stack[i].index)
                               : "/" + pointer_token(m_stack[i].key);
      }
      fail(m_name, at + "/" + pointer_token(key),
           Message("error.json.duplicate_member"));
    }
    f.keys.push_back(key);
    f.key = key;
  }

  const std::string& m_name;
  std::vector<Frame> m_stack;
};

}  // namespace

nlohmann::json parse(std::string_view text, const std::string& name) {
  if (text.size() > k_max_file_bytes) {
    throw DataError(Message(
        "error.file_too_large",
        {{"file", name}, {"size", Message("error.size.mib", {{"n", 1}})}}));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  // nlohmann stops at a NUL byte as at the end of the input, so that
  // `{...}<NUL>garbage` would pass as valid; no JSON text holds one.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    fail_at(name, text, nul, Message("error.json.nul_byte"));
  }
  check_depth(text, name);
  try {
    return nlohmann::json::parse(text, DuplicateCheck(name));
  } catch (const nlohmann::json::parse_error& e) {
    // `byte` is the 1-based index of the last byte read: the culprit.
    fail_at(name, text, e.byte == 0 ? 0 : e.byte - 1, reason_of(e));
  } catch (const nlohmann::json::out_of_range&) {
    fail_at(name, text, first_overflowing_number(text),
            Message("error.json.number_too_large"));
  }
}

void fail(const std::string& name, const std::string& pointer, Message reason) {
  if (pointer.empty()) {
    throw DataError(Message("error.in_file",
                            {{"file", name}, {"reason", std::move(reason)}}));
  }
  throw DataError(Message(
      "error.at_pointer",
      {{"file", name}, {"pointer", pointer}, {"reason", std::move(reason)}}));
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}
}  // namespace rpx::json_util
