#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>

#include "json_scan.hpp"

namespace rpx {

namespace {

/// A language's messages, sorted by key: views into the bundled text, and
/// the values that had escapes, decoded.
struct Catalogue {
  std::vector<std::pair<std::string_view, std::string_view>> entries;
  std::deque<std::string> decoded;

  const std::string_view* find(std::string_view key) const {
    const auto it = std::lower_bound(
        entries.begin(), entries.end(), key,
        [](const auto& entry, std::string_view k) { return entry.first < k; });
    return it != entries.end() && it->first == key ? &it->second : nullptr;
  }
};

/// Reads `{"format": "...", "language": "...", "messages": {...}}` in one
/// pass without a JSON tree: every command reads a catalogue before
/// anything else. False when the text is anything else, for
/// `read_catalogue` to read it the slow way.
bool read_catalogue_fast(std::string_view text, Catalogue& out) {
  std::size_t at = 0;
  const auto ws = [&] {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n' ||
                                text[at] == '\r' || text[at] == '\t')) {
      ++at;
    }
  };
  const auto expect = [&](char c) {
    ws();
    if (at >= text.size() || text[at] != c) {
      return false;
    }
    ++at;
    ws();
    return true;
  };
  if (!expect('{')) {
    return false;
  }
  for (bool more = true; more;) {
    const auto key = json_scan::scan_string(text, at);
    if (!key || key->escaped || !expect(':')) {
      return false;
    }
    if (key->body != "messages") {
      if (!json_scan::scan_string(text, at)) {
        return false;
      }
    } else {
      if (!expect('{')) {
        return false;
      }
      for (bool member = at < text.size() && text[at] != '}'; member;) {
        const auto k = json_scan::scan_string(text, at);
        if (!k || k->escaped || !expect(':')) {
          return false;
        }
        const auto v = json_scan::scan_string(text, at);
        if (!v) {
          return false;
        }
        out.entries.emplace_back(
            k->body, v->escaped ? std::string_view(out.decoded.emplace_back(
                                      json_scan::unescape(v->body)))
                                : v->body);
        ws();
        member = at < text.size() && text[at] == ',';
        if (member && !expect(',')) {
          return false;
        }
      }
      if (!expect('}')) {
        return false;
      }
    }
    ws();
    more = at < text.size() && text[at] == ',';
    if (more && !expect(',')) {
      return false;
    }
  }
  if (!expect('}') || at != text.size()) {
    return false;
  }
  // The bundled catalogues are kept sorted by key; sort only one that is not.
  if (!std::is_sorted(out.entries.begin(), out.entries.end())) {
    std::sort(out.entries.begin(), out.entries.end());
  }
  return std::adjacent_find(out.entries.begin(), out.entries.end(),
                            [](const auto& a, const auto& b) {
                              return a.first == b.first;
                            }) == out.entries.end();
}

/// The catalogue in `text`: fast, or by nlohmann when the fast reader
/// declines.
Catalogue read_catalogue(std::string_view text) {
  Catalogue c;
  if (read_catalogue_fast(text, c)) {
    return c;
  }
  c = Catalogue{};
  const auto j = nlohmann::json::parse(text);
  for (const auto& [key, value] : j.at("messages").items()) {
    c.decoded.push_back(key);
    const std::string_view k = c.decoded.back();
    c.entries.emplace_back(k, c.decoded.emplace_back(value.get<std::string>()));
  }
  std::sort(c.entries.begin(), c.entries.end());
  return c;
}

// Per thread: a JSON renderer switches to English for a moment without
// touching what another thread writes.
thread_local Lang g_output_lang = Lang::en;

std::string catalogue_path(Lang lang) {
  return "i18n/" + std::string(lang_code(lang)) + ".json";
}

/// The bundled catalogue of `lang`, read once. The build checks that every
/// catalogue has the same keys (cmake/check_messages.cmake).
const Catalogue& catalogue(Lang lang) {
  static std::array<Catalogue, k_langs.size()> catalogues;
  static std::array<std::once_flag, k_langs.size()> once;
  const auto i = static_cast<std::size_t>(lang);
  std::call_once(once[i], [lang, i] {
    const std::string path = catalogue_path(lang);
    const auto text = bundled_file(path);
    if (!text) {
      throw InternalError("no bundled message catalogue " + path);
    }
    catalogues[i] = read_catalogue(*text);
  });
  return catalogues[i];
}

std::string_view lookup(Lang lang, std::string_view key) {
  const std::string_view* found = catalogue(lang).find(key);
  if (found == nullptr) {
    throw InternalError("no message \"" + std::string(key) + "\" in the " +
                        std::string(lang_code(lang)) + " catalogue");
  }
  return *found;
}

/// Replaces each "{name}" of `tmpl` by `value_of(name)`, a
/// `std::optional<std::string>`.
template <typename ValueOf>
std::string fill(std::string_view key, std::string_view tmpl,
                 const ValueOf& value_of) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    const std::size_t end = tmpl.find('}', i);
    const std::string_view name = end == std::string_view::npos
                                      ? tmpl.substr(i)
                                      : tmpl.substr(i + 1, end - i - 1);
    const std::optional<std::string> value =
        end == std::string_view::npos ? std::nullopt : value_of(name);
    if (!value) {
      throw InternalError("message \"" + std::string(key) +
                          "\" has no argument for {" + std::string(name) + "}");
    }
    out += *value;
    i = end;
  }
  return out;
}

/// The value of argument `name` among `args` (MessageArgs), its part
/// worded in `lang`.
template <typename Args>
std::optional<std::string> arg_value(Lang lang, const Args& args,
                                     std::string_view name) {
  for (const MessageArg& a : args) {
    if (a.name == name) {
      return a.part ? a.part->in(lang) : a.value;
    }
  }
  return std::nullopt;
}

template <typename Args>
std::string word(Lang lang, std::string_view key, const Args& args) {
  return fill(key, lookup(lang, key), [&](std::string_view name) {
    return arg_value(lang, args, name);
  });
}

}  // namespace

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::zh:
      return "zh";
    case Lang::ko:
      return "ko";
    case Lang::en:
      break;
  }
  return "en";
}

std::optional<Lang> parse_lang(std::string_view name) {
  // "zh", "zh_CN", "zh-Hans", "zh_CN.UTF-8", "ko_KR.utf8@euro"
  const std::size_t end = name.find_first_of("_-.@");
  const std::string_view base = name.substr(0, end);
  if (end != std::string_view::npos && end + 1 >= name.size()) {
    return std::nullopt;  // "zh_"
  }
  for (Lang lang : k_langs) {
    if (base == lang_code(lang)) {
      return lang;
    }
  }
  return std::nullopt;
}

Lang lang_of_locale(std::string_view locale) {
  return parse_lang(locale).value_or(Lang::en);
}

void set_output_lang(Lang lang) { g_output_lang = lang; }
Lang output_lang() { return g_output_lang; }

std::string message_in(Lang lang, std::string_view key,
                       std::initializer_list<MessageArg> args) {
  return word(lang, key, args);
}

std::string message_in(Lang lang, std::string_view key,
                       const std::vector<MessageArg>& args) {
  return word(lang, key, args);
}

std::string tr(std::string_view key, std::initializer_list<MessageArg> args) {
  return message_in(output_lang(), key, args);
}

std::string tr_n(std::string_view key, long long n,
                 std::initializer_list<MessageArg> args) {
  return message_n(key, n, args).in(output_lang());
}

std::vector<std::string> message_keys(Lang lang) {
  std::vector<std::string> keys;
  for (const auto& entry : catalogue(lang).entries) {
    keys.emplace_back(entry.first);
  }
  return keys;
}

std::optional<std::string_view> message_template(Lang lang,
                                                 std::string_view key) {
  const std::string_view* found = catalogue(lang).find(key);
  return found == nullptr ? std::nullopt
                          : std::optional<std::string_view>(*found);
}

Message::Message(std::string k, std::initializer_list<MessageArg> a)
    : key(std::move(k)) {
  for (const MessageArg& arg : a) {
    if (arg.part) {
      parts.emplace_back(std::string(arg.name), *arg.part);
    } else {
      args.emplace_back(std::string(arg.name), arg.value);
    }
  }
}

std::string Message::in(Lang lang) const {
  return fill(key, lookup(lang, key),
              [&](std::string_view name) -> std::optional<std::string> {
                for (const auto& [n, value] : args) {
                  if (n == name) {
                    return value;
                  }
                }
                for (const auto& [n, part] : parts) {
                  if (n == name) {
                    return part.in(lang);
                  }
                }
                return std::nullopt;
              });
}

Message message_n(std::string_view key, long long n,
                  std::initializer_list<MessageArg> args) {
  Message m(std::string(key) + (n == 1 || n == -1 ? ".one" : ".other"), args);
  m.args.emplace_back("n", std::to_string(n));
  return m;
}

const std::string& local(const Text& text) {
  return text.in(lang_code(output_lang()));
}

std::string show_date(Date d) {
  // The language's own order; English keeps ISO, as everywhere in rpx.
  const date::year_month_day ymd{d};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  switch (output_lang()) {
    case Lang::zh:
      return std::to_string(y) + "年" + std::to_string(m) + "月" +
             std::to_string(day) + "日";
    case Lang::ko:
      return std::to_string(y) + "년 " + std::to_string(m) + "월 " +
             std::to_string(day) + "일";
    case Lang::en:
      break;
  }
  return format_date(d);
}

std::string show_weekday(Date d) {
  return weekday_message(d).in(output_lang());
}

Message weekday_message(Date d) {
  const date::weekday w{d};
  return Message("date.weekday." + std::to_string(w.c_encoding()));
}

std::string show_weekday_date(Date d) {
  const date::weekday w{d};
  switch (output_lang()) {
    case Lang::zh:
      return show_date(d) + "（" + show_weekday(d) + "）";
    case Lang::ko:
      return show_date(d) + " (" +
             tr("date.weekday_short." + std::to_string(w.c_encoding())) + ")";
    case Lang::en:
      break;
  }
  return show_weekday(d) + " " + show_date(d);
}

}  // namespace rpx
