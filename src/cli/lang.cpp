#include "lang.hpp"

#include "context.hpp"

#include <cstdlib>
#include <rpx/errors.hpp>
#include <string>
#include <string_view>

namespace rpx::cli {

namespace {

/// The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is
/// not empty (POSIX's order for messages).
Lang locale_lang() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const std::string v = env(name);
    if (!v.empty()) {
      return lang_of_locale(v);
    }
  }
  return Lang::en;
}

/// The value of the last `--lang X` or `--lang=X` before a `--`.
std::optional<std::string_view> lang_argument(int argc,
                                              const char* const* argv) {
  std::optional<std::string_view> found;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") {
      break;
    }
    if (arg == "--lang") {
      found = i + 1 < argc ? std::string_view(argv[++i]) : std::string_view();
    } else if (arg.starts_with("--lang=")) {
      found = arg.substr(7);
    }
  }
  return found;
}

}  // namespace

Lang choose_lang(int argc, const char* const* argv) {
  const Lang fallback = locale_lang();
  const auto check = [fallback](std::string_view value, const char* source) {
    if (auto lang = parse_lang(value)) {
      return *lang;
    }
    set_output_lang(fallback);
    throw UsageError(
        Message("error.unknown_lang", {{"value", value}, {"source", source}}));
  };
  if (const auto arg = lang_argument(argc, argv)) {
    return check(*arg, "--lang");
  }
  if (const std::string v = env("RPX_LANG"); !v.empty()) {
    return check(v, "RPX_LANG");
  }
  return fallback;
}

}  // namespace rpx::cli
