#include "context.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <rpx/bundled.hpp>
#include <rpx/errors.hpp>
#include <rpx/fsutil.hpp>
#include <rpx/holidays.hpp>
#include <rpx/json_util.hpp>
#include <rpx/layout.hpp>
#include <rpx/provisional.hpp>

namespace rpx::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_default_rules = "rules/cqupt-chongqing.json";
/// A terminal that does not tell its size is taken to be a VT100's.
constexpr std::size_t k_default_terminal_width = 80;

std::vector<HolidayYear> load_layer(const fs::path& dir, Origin origin) {
  std::vector<HolidayYear> layer;
  for (const fs::path& file : json_files_in(dir)) {
    layer =
        overlay(std::move(layer),
                parse_holiday_file(read_file(file, json_util::k_max_file_bytes),
                                   file.string(), origin));
  }
  return layer;
}

fs::path data_home() {
  const std::string xdg = env("XDG_DATA_HOME");
  if (!xdg.empty()) {
    return xdg;
  }
  return fs::path(env("HOME")) / ".local" / "share";
}

}  // namespace

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

Date require_date(std::string_view value, std::string_view what) {
  if (auto d = parse_date(value)) {
    return *d;
  }
  throw UsageError(Message("error.invalid_date", {{"value", value},
                                                  {"what", what},
                                                  {"min", k_min_year},
                                                  {"max", k_max_year}}));
}

long long require_integer(std::string_view value, long long min, long long max,
                          std::string_view what) {
  std::string_view s = value;
  if (s.starts_with('+')) {
    s.remove_prefix(1);
  }
  const std::string_view digits = s.starts_with('-') ? s.substr(1) : s;
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  const bool ok = !digits.empty() && digits[0] >= '0' && digits[0] <= '9' &&
                  !(value.starts_with('+') && s.starts_with('-')) &&
                  ec == std::errc{} && ptr == s.data() + s.size() && v >= min &&
                  v <= max;
  if (!ok) {
    throw UsageError(Message(
        "error.invalid_integer",
        {{"what", what}, {"value", value}, {"min", min}, {"max", max}}));
  }
  return v;
}

const std::string& require_length(const std::string& value, std::size_t max,
                                  std::string_view what) {
  if (value.size() > max) {
    throw UsageError(
        Message("error.too_long",
                {{"what", what}, {"size", value.size()}, {"max", max}}));
  }
  return value;
}

const Rules& Context::rules() {
  if (!m_rules) {
    if (globals.rules.empty()) {
      m_rules = parse_rules(*bundled_file(k_default_rules),
                            std::string(k_default_rules));
    } else {
      m_rules = parse_rules(
          read_file(globals.rules, json_util::k_max_file_bytes), globals.rules);
    }
  }
  return *m_rules;
}

fs::path Context::user_holidays_dir() const {
  return data_home() / "rpx" / "holidays";
}

fs::path Context::system_holidays_dir() const {
  const std::string etc = env("RPX_SYSCONFDIR");
  return fs::path(etc.empty() ? "/etc/rpx" : etc) / "holidays";
}

const WorkCalendar& Context::calendar() {
  if (!m_calendar) {
    m_calendar.emplace(calendar_with({}, Origin::file));
  }
  return *m_calendar;
}

WorkCalendar Context::calendar_with(const std::vector<HolidayYear>& extra,
                                    Origin at) const {
  const auto add = [&](std::vector<HolidayYear> years, Origin layer) {
    return layer == at ? overlay(std::move(years), extra) : years;
  };
  std::vector<HolidayYear> years = bundled_holiday_years();
  years = add(overlay(std::move(years),
                      load_layer(system_holidays_dir(), Origin::system)),
              Origin::system);
  years = add(
      overlay(std::move(years), load_layer(user_holidays_dir(), Origin::user)),
      Origin::user);
  if (!globals.holidays.empty()) {
    years = overlay(std::move(years),
                    parse_holiday_file(read_file(globals.holidays,
                                                 json_util::k_max_file_bytes),
                                       globals.holidays, Origin::file));
  }
  // Every notice-year with no official table gets the provisional one.
  return WorkCalendar(add(std::move(years), Origin::file),
                      &bundled_holiday_model);
}

Date Context::today() {
  if (!m_today) {
    if (!globals.today.empty()) {
      m_today = require_date(globals.today, "--today");
    } else {
      const std::string& zone_name = rules().time_zone;
      const date::time_zone* zone = nullptr;
      try {
        zone = date::locate_zone(zone_name);
      } catch (const std::exception&) {
        zone = nullptr;
      }
      if (zone == nullptr) {
        bool have_tzdata = false;
        try {
          have_tzdata = date::locate_zone("Asia/Shanghai") != nullptr;
        } catch (const std::exception&) {
        }
        if (have_tzdata) {
          // The zone database is there: the rules file names a zone that
          // does not exist, a bad rules file.
          throw DataError(Message(
              "error.at_pointer",
              {{"file", globals.rules.empty() ? std::string(k_default_rules)
                                              : globals.rules},
               {"pointer", "/time_zone"},
               {"reason", Message("error.rules.unknown_time_zone",
                                  {{"zone", zone_name}})}}));
        }
        throw IoError(Message("error.no_tzdata", {{"zone", zone_name}}));
      }
      const auto local = zone->to_local(std::chrono::system_clock::now());
      m_today = Date{date::floor<date::days>(local).time_since_epoch()};
    }
  }
  return *m_today;
}

fs::path Context::state_file() const {
  if (!globals.file.empty()) {
    return globals.file;
  }
  const std::string xdg = env("XDG_DATA_HOME");
  const std::string home = env("HOME");
  if (!xdg.starts_with('/') && !home.starts_with('/')) {
    // Else the default would be relative: `init` would make
    // ./.local/share/rpx/state.json wherever it is run.
    throw UsageError(Message("error.no_home"));
  }
  return default_state_path(xdg, home);
}

namespace {

/// TEST ONLY (docs/reliability.md): `RPX_TEST_CRASH` makes a save `_exit(99)`
/// at a chosen point, so that tests can prove a crash there loses nothing. It
/// is not a user setting and does nothing when unset or empty.
CrashPoint test_crash_point() {
  const std::string point = env("RPX_TEST_CRASH");
  if (point.empty()) {
    return CrashPoint::none;
  }
  if (point == "after_temp_write") {
    return CrashPoint::after_temp_write;
  }
  if (point == "after_fsync") {
    return CrashPoint::after_fsync;
  }
  if (point == "after_rename") {
    return CrashPoint::after_rename;
  }
  throw UsageError(Message("error.test_crash_setting", {{"value", point}}));
}

}  // namespace

StoreOptions Context::store_options() {
  StoreOptions o;
  o.on_saved = [this](const fs::path& file) { m_saved = file; };
  o.crash = test_crash_point();
  o.rules = rules().id;
  const std::string wait = env("RPX_LOCK_TIMEOUT");
  if (!wait.empty()) {
    double seconds = -1;
    const auto [ptr, ec] =
        std::from_chars(wait.data(), wait.data() + wait.size(), seconds);
    if (ec != std::errc{} || ptr != wait.data() + wait.size() ||
        !(seconds >= 0 && seconds <= 3600)) {
      throw UsageError(
          Message("error.lock_timeout_setting", {{"value", wait}}));
    }
    o.lock_wait =
        std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  return o;
}

bool Context::color() const {
  if (globals.color == "always") {
    return true;
  }
  if (globals.color == "never" || !env("NO_COLOR").empty() ||
      env("TERM") == "dumb") {
    return false;
  }
  return ::isatty(STDOUT_FILENO) == 1;
}

std::size_t Context::width() const {
  // COLUMNS first, even when piped: it is how a user or a test asks for a
  // width. A shell sets it without exporting it, so it seldom reaches rpx
  // by accident.
  const std::string columns = env("COLUMNS");
  std::size_t n = 0;
  const char* end = columns.data() + columns.size();
  const auto [ptr, ec] = std::from_chars(columns.data(), end, n);
  if (!columns.empty() && ec == std::errc{} && ptr == end && n > 0) {
    return n;
  }
  if (::isatty(STDOUT_FILENO) != 1) {
    return k_no_width_limit;  // piped output keeps full lines
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return k_default_terminal_width;
}

void print_text(const Context& ctx, std::string_view text) {
  fmt::print("{}", wrap_text(text, ctx.width()));
}

}  // namespace rpx::cli
