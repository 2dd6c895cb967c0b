// Words for people, from the message catalogues data/i18n/{en,zh,ko}.json:
// every text rpx shows a person comes from here, in the language chosen once
// at start-up (docs/cli.md, "Languages"). Machine formats never pass through
// it.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/text.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace rpx {

enum class Lang : std::uint8_t { en, zh, ko };
inline constexpr std::array k_langs{Lang::en, Lang::zh, Lang::ko};

/// "en", "zh", "ko": the catalogue's name and the key of rules texts.
std::string_view lang_code(Lang lang);

/// A language as `--lang` and RPX_LANG accept it: "en", "zh", "ko", also
/// with a region and an encoding ("zh_CN.UTF-8", "ko-KR", "zh_TW"); nullopt
/// for anything else.
std::optional<Lang> parse_lang(std::string_view name);

/// The language of a locale name (LC_ALL, LC_MESSAGES, LANG): Chinese for
/// zh_*, Korean for ko_*, English for anything else ("C", "", "fr_FR").
Lang lang_of_locale(std::string_view locale);

/// The language of every text rpx writes from now on, on this thread
/// (English at start).
void set_output_lang(Lang lang);
Lang output_lang();

/// Sets the output language until the end of the scope: machine formats
/// word their few texts (warnings in JSON) in English whatever the user's
/// language.
class OutputLangScope {
 public:
  explicit OutputLangScope(Lang lang) : m_saved(output_lang()) {
    set_output_lang(lang);
  }
  ~OutputLangScope() { set_output_lang(m_saved); }
  OutputLangScope(const OutputLangScope&) = delete;
  OutputLangScope& operator=(const OutputLangScope&) = delete;

 private:
  Lang m_saved;
};

struct MessageArg;

/// A message kept as key and arguments, to be worded later in any language
/// (errors are thrown in core and io, and worded by the CLI). An argument
/// may be a message itself (a reason inside "cannot read {file}: {reason}"),
/// worded in the same language.
struct Message {
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;
  std::vector<std::pair<std::string, Message>> parts;

  // Explicit: an error cannot be thrown with a bare English string.
  explicit Message(std::string k, std::initializer_list<MessageArg> a = {});
  std::string in(Lang lang) const;

  bool operator==(const Message&) const = default;
};

/// A named argument of a message: "{date}" in the template is replaced by
/// `value`, or by `part` worded in the same language.
struct MessageArg {
  std::string_view name;
  std::string value;
  std::optional<Message> part;

  template <typename T>
  MessageArg(std::string_view n, const T& v) : name(n), value(to_text(v)) {}
  MessageArg(std::string_view n, Message m) : name(n), part(std::move(m)) {}

 private:
  static std::string to_text(std::string_view s) { return std::string(s); }
  template <typename T>
  requires std::is_integral_v<T>
  static std::string to_text(T n) { return std::to_string(n); }
};

/// The catalogue's text for `key` in `lang`, its "{name}" placeholders
/// replaced by `args` ("{{" and "}}" are braces). A key missing from the
/// catalogue, or a placeholder without an argument, is a bug: InternalError.
std::string message_in(Lang lang, std::string_view key,
                       std::initializer_list<MessageArg> args = {});
std::string message_in(Lang lang, std::string_view key,
                       const std::vector<MessageArg>& args);

/// message_in() in the output language.
std::string tr(std::string_view key,
               std::initializer_list<MessageArg> args = {});

/// For a count: the message `key` + ".one" when `n` is 1 or -1, else `key` +
/// ".other", with `n` as the argument "{n}".
std::string tr_n(std::string_view key, long long n,
                 std::initializer_list<MessageArg> args = {});

/// Every key of `lang`'s catalogue, sorted; its raw template by key.
std::vector<std::string> message_keys(Lang lang);
std::optional<std::string_view> message_template(Lang lang,
                                                 std::string_view key);

/// For a count, as tr_n: the message `key` + ".one" when `n` is 1 or -1,
/// else `key` + ".other", with `n` as the argument "{n}".
Message message_n(std::string_view key, long long n,
                  std::initializer_list<MessageArg> args = {});

/// A text of the rules or the holiday tables in the output language: the
/// language's own, else English (a rules file of one's own may have English
/// only).
const std::string& local(const Text& text);

/// Dates for people, in the output language's habit: "2027-02-20",
/// "2027年2月20日", "2027년 2월 20일".
std::string show_date(Date d);
/// With the weekday: "Saturday 2027-02-20", "2027年2月20日（星期六）",
/// "2027년 2월 20일 (토)".
std::string show_weekday_date(Date d);
/// The weekday alone: "Saturday", "星期六", "토요일".
std::string show_weekday(Date d);
/// The same, kept as a message to be worded later (in an error).
Message weekday_message(Date d);

}  // namespace rpx
