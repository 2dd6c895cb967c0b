// What every command shares: the global options, and the rules, calendar
// and today they imply, loaded on first use.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <rpx/calendar.hpp>
#include <rpx/dates.hpp>
#include <rpx/render.hpp>
#include <rpx/rules.hpp>
#include <rpx/store.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class Option;
}  // namespace CLI

namespace rpx::cli {

/// The global options of docs/cli.md, as given (validated on use).
struct Globals {
  std::string file;      // --file, RPX_FILE
  std::string today;     // --today, RPX_TODAY
  std::string rules;     // --rules
  std::string holidays;  // --holidays
  std::string lang;      // --lang, RPX_LANG
  std::string color = "auto";
};

/// A value that a check of the command line refused while parsing: the one
/// CLI11's ValidationError is about, kept so that it can be worded (usage.cpp).
struct RejectedValue {
  enum class Kind : std::uint8_t {
    value,    // an option's or argument's value: --format xml
    step,     // a step name: done phot
    command,  // a misspelt subcommand taken as an argument: holidays imprt
  };
  Kind kind = Kind::value;
  std::string option;  // "--format", "STEP"
  std::string value;
  /// The values it accepts: the candidates for a suggestion.
  std::vector<std::string> accepted;
  /// What it expects, when not one of `accepted` ("YYYY-MM-DD").
  std::string expected;
};

class Context {
 public:
  Globals globals;
  /// The command chosen on the command line; returns the exit code.
  std::function<int()> run;
  /// The last value refused while parsing the command line.
  std::optional<RejectedValue> rejected;
  /// The values that options and arguments accept, recorded with the check
  /// that refuses the others (usage.hpp): what shell completion offers.
  std::map<const CLI::Option*, std::vector<std::string>> accepted;

  const Rules& rules();
  const WorkCalendar& calendar();
  /// The calendar as it would be with `extra` added to layer `at` (its
  /// years replacing those of that layer): `system`, `user`, or `file` for
  /// a table given with --holidays. `calendar()` is this with none.
  WorkCalendar calendar_with(const std::vector<HolidayYear>& extra,
                             Origin at) const;
  /// `--today`/`RPX_TODAY`, else the date now in the rules' time zone.
  Date today();
  /// The state file: --file, RPX_FILE, XDG_DATA_HOME, HOME.
  std::filesystem::path state_file() const;
  /// How to save: the lock wait (`RPX_LOCK_TIMEOUT`), the id of the rules
  /// in force (recorded in every save), and the test-only crash point
  /// (`RPX_TEST_CRASH`, docs/reliability.md).
  StoreOptions store_options();
  /// The state file (or import directory) a change was saved to, once it
  /// was: an error after that must say so.
  const std::optional<std::filesystem::path>& saved() const { return m_saved; }
  /// Whether stdout gets ANSI colour (--color, NO_COLOR, a terminal).
  bool color() const;
  /// The columns a line on stdout may take (docs/cli.md, "Width"): COLUMNS
  /// when it is a positive integer, else the terminal's width (80 when it
  /// does not say), else, when stdout is not a terminal, no limit.
  std::size_t width() const;
  /// How stdout's text looks: `color()` and `width()`.
  TextStyle text_style() const { return TextStyle{color(), width()}; }
  /// Where the user's holiday tables live: $XDG_DATA_HOME/rpx/holidays.
  std::filesystem::path user_holidays_dir() const;
  /// Where the system's holiday tables live: /etc/rpx/holidays
  /// (RPX_SYSCONFDIR replaces /etc/rpx, for tests and packagers).
  std::filesystem::path system_holidays_dir() const;

 private:
  std::optional<Rules> m_rules;
  std::optional<WorkCalendar> m_calendar;
  std::optional<Date> m_today;
  std::optional<std::filesystem::path> m_saved;
};

/// Parses a date given on the command line; `UsageError` naming `what`.
Date require_date(std::string_view value, std::string_view what);

/// Parses an integer in [min, max]; `UsageError` naming `what`.
long long require_integer(std::string_view value, long long min,
                          long long max, std::string_view what);

/// `value`, or `UsageError` naming `what` when it is longer than `max`
/// bytes (docs/state-file.md, "Limits").
const std::string& require_length(const std::string& value, std::size_t max,
                                  std::string_view what);

/// The value of environment variable `name`, or "".
std::string env(const char* name);

/// Prints text for people on stdout, wrapped to `ctx.width()`.
void print_text(const Context& ctx, std::string_view text);

}  // namespace rpx::cli
