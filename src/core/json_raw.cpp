// JSON values as the text they were written in (json_util.hpp: RawMember,
// raw_members, raw_elements, write_raw), for what nlohmann would rewrite:
// `1E2`, `-0`, integers beyond a double.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <rpx/json_util.hpp>

namespace rpx::json_util {

namespace {

std::size_t skip_ws(std::string_view t, std::size_t i) {
  while (i < t.size() &&
         (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) {
    ++i;
  }
  return i;
}

/// The end of the string literal that starts at `t[i]` (a quote).
std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') {
      ++i;
    }
  }
  return std::min(i + 1, t.size());
}

/// The end of the value that starts at `t[i]`.
std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) {
    return i;
  }
  if (t[i] == '"') {
    return skip_string(t, i);
  }
  if (t[i] == '{' || t[i] == '[') {
    int depth = 0;
    for (; i < t.size(); ++i) {
      if (t[i] == '"') {
        i = skip_string(t, i) - 1;
      } else if (t[i] == '{' || t[i] == '[') {
        ++depth;
      } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return i;
  }
  while (i < t.size() &&
         std::string_view(",]} \t\r\n").find(t[i]) == std::string_view::npos) {
    ++i;
  }
  return i;
}

/// Calls `each(key_text, value_text)` for the members of object `t` (or
/// with an empty key for the elements of array `t`).
template <typename F>
void for_each_raw(std::string_view t, char open, F each) {
  std::size_t i = skip_ws(t, 0);
  if (i >= t.size() || t[i] != open) {
    return;
  }
  i = skip_ws(t, i + 1);
  while (i < t.size() && t[i] != '}' && t[i] != ']') {
    std::string_view key;
    if (open == '{') {
      const std::size_t end = skip_string(t, i);
      key = t.substr(i, end - i);
      i = skip_ws(t, skip_ws(t, end) + 1);  // past the colon
    }
    const std::size_t end = skip_value(t, i);
    each(key, t.substr(i, end - i));
    i = skip_ws(t, end);
    if (i < t.size() && t[i] == ',') {
      i = skip_ws(t, i + 1);
    }
  }
}

void write_raw_at(std::string_view t, std::size_t& i, int indent,
                  std::size_t depth, std::string& out) {
  i = skip_ws(t, i);
  if (i >= t.size()) {
    return;
  }
  const char c = t[i];
  if (c != '{' && c != '[') {
    const std::size_t end = skip_value(t, i);
    out.append(t.substr(i, end - i));
    i = end;
    return;
  }
  const char close = c == '{' ? '}' : ']';
  i = skip_ws(t, i + 1);
  if (i < t.size() && t[i] == close) {
    out += c;
    out += close;
    ++i;
    return;
  }
  out += c;
  const auto newline = [&](std::size_t level) {
    if (indent >= 0) {
      out += '\n';
      out.append(level * static_cast<std::size_t>(indent), ' ');
    }
  };
  for (bool first = true;; first = false) {
    i = skip_ws(t, i);
    if (i >= t.size() || t[i] == close) {
      break;
    }
    if (t[i] == ',') {
      ++i;
      continue;
    }
    if (!first) {
      out += ',';
    }
    newline(depth + 1);
    if (c == '{') {
      const std::size_t end = skip_string(t, i);
      out.append(t.substr(i, end - i));
      out += indent >= 0 ? ": " : ":";
      i = skip_ws(t, skip_ws(t, end) + 1);
    }
    write_raw_at(t, i, indent, depth + 1, out);
  }
  newline(depth);
  out += close;
  i = std::min(i + 1, t.size());
}

}  // namespace

std::string minify(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '"') {
      const std::size_t end = skip_string(t, i);
      out.append(t.substr(i, end - i));
      i = end;
    } else {
      if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') {
        out += t[i];
      }
      ++i;
    }
  }
  return out;
}

std::vector<RawMember> raw_members(std::string_view text) {
  std::vector<RawMember> out;
  for_each_raw(text, '{', [&](std::string_view key, std::string_view value) {
    out.push_back(
        {nlohmann::json::parse(key).get<std::string>(), minify(value)});
  });
  return out;
}

std::vector<std::string> raw_elements(std::string_view text) {
  std::vector<std::string> out;
  for_each_raw(text, '[', [&](std::string_view, std::string_view value) {
    out.push_back(minify(value));
  });
  return out;
}

std::string write_raw(std::string_view raw, int indent, std::size_t column) {
  std::string out;
  std::size_t i = 0;
  const std::size_t depth =
      indent > 0 ? column / static_cast<std::size_t>(indent) : 0;
  write_raw_at(raw, i, indent, depth, out);
  return out;
}

}  // namespace rpx::json_util
