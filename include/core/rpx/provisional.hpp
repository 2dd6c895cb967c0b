// Provisional holiday schedules for notice-years with no official table: the
// statutory days of the law in force (data/provisional/statutory.json), the
// law's make-up rule, and a model of how the State Council usually arranges
// the breaks (data/provisional/model.json). docs/holidays.md, "Provisional
// schedules".
#pragma once

#include <array>
#include <rpx/schedule.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// A day named by the law or the model: a Gregorian month-day, a day of a
/// non-leap lunar month, the lunar New Year's Eve, or Qingming.
struct DayRule {
  enum class Kind : std::uint8_t { date, lunar, eve, qingming };
  Kind kind = Kind::date;
  int month = 0;
  int day = 0;

  /// The day in (notice-)year `year`.
  Date in(int year) const;
  bool operator==(const DayRule&) const = default;
};

struct StatutoryHoliday {
  std::string id;  // "spring_festival", ...
  Text name;
  std::vector<DayRule> days;

  bool operator==(const StatutoryHoliday&) const = default;
};

/// One version of 全国年节及纪念日放假办法, in force from notice-year `from`.
struct LawVersion {
  int from = 0;
  std::string law;
  std::vector<StatutoryHoliday> holidays;

  bool operator==(const LawVersion&) const = default;
};

/// How a one-day holiday is arranged, by the weekday of its statutory day:
/// days off from `off_from` (relative to it) for `off_days`, and the worked
/// days at the offsets in `work`.
struct SingleDayRule {
  int off_from = 0;
  int off_days = 1;
  std::vector<int> work;

  bool operator==(const SingleDayRule&) const = default;
};

/// A multi-day break: `days` long (one more allowed when needed), holding the
/// statutory days and `required_days` from `required_from` (when set), and
/// with `whole_weekend` a Saturday and the Sunday after it.
struct BreakRule {
  std::string holiday;
  int from = 0;
  int to = 9999;
  std::optional<DayRule> required_from;  // nullopt: the first statutory day
  int required_days = 0;
  int days = 7;
  bool whole_weekend = false;

  bool operator==(const BreakRule&) const = default;
};

struct HolidayModel {
  std::vector<LawVersion> law;              // sorted by `from`
  std::array<SingleDayRule, 7> single_day;  // by weekday, Sunday = 0
  std::vector<BreakRule> breaks;
  int merge_from = 0;                  // Mid-Autumn with National Day
  int merge_window_from[2] = {9, 29};  // month, day
  int merge_window_to[2] = {10, 8};
  int merge_days = 8;
  std::vector<std::pair<int, int>> max_run;  // (from year, days), sorted

  bool operator==(const HolidayModel&) const = default;
};

/// Parses the two model files; `law_name` and `model_name` name them in
/// errors (`DataError`, as for the other data files).
HolidayModel parse_holiday_model(std::string_view law_json,
                                 const std::string& law_name,
                                 std::string_view model_json,
                                 const std::string& model_name);

/// The model compiled into the binary.
const HolidayModel& bundled_holiday_model();

/// The notice-years a provisional schedule can be made for: the law's first
/// version to the lunar table's end.
inline constexpr int k_provisional_first_year = 2000;
inline constexpr int k_provisional_last_year = 2101;

/// How much of the model to apply; the weaker levels exist to measure what
/// each part is worth (docs/holidays.md, "Accuracy").
enum class ModelLevel : std::uint8_t {
  weekdays,          // nothing: Monday–Friday
  statutory,         // the statutory days on their dates
  statutory_makeup,  // and 补假 for a statutory day on a weekend
  full,              // and the breaks as the State Council arranges them
};

/// The law in force in notice-year `year` (the latest version from before
/// it); null before the first version.
const LawVersion* law_in_force(const HolidayModel& model, int year);

/// The statutory days of notice-year `year`, sorted.
std::vector<Date> statutory_days(const HolidayModel& model, int year);

/// The provisional schedule of notice-year `year` in
/// [k_provisional_first_year, k_provisional_last_year]: origin
/// `Origin::provisional`, holidays in date order, each with its guessed days
/// in `assumed`.
HolidayYear provisional_year(const HolidayModel& model, int year,
                             ModelLevel level = ModelLevel::full);

/// Provisional schedules for every notice-year of that range that `official`
/// (sorted or not) does not hold.
std::vector<HolidayYear> provisional_years(
    const HolidayModel& model, const std::vector<HolidayYear>& official);

/// `official` and the provisional schedules of every other year: the
/// notice-years of the calendar rpx uses.
std::vector<HolidayYear> with_provisional(std::vector<HolidayYear> official,
                                          const HolidayModel& model);

}  // namespace rpx
