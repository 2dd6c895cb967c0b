// `rpx holidays import`: reading schedules from a notice, holiday-cn's JSON
// year files or rpx's own tables, merging supplementary notices, writing a
// table, and telling which days change (docs/holidays.md, "Importing").
#pragma once

#include <filesystem>
#include <rpx/calendar.hpp>
#include <rpx/notice.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// One notice-year read from a source, and whether it replaces or amends.
struct ImportedYear {
  HolidayYear year;
  NoticeKind kind = NoticeKind::schedule;
};

/// Reads one source, telling the formats apart by their content: a JSON
/// object with "format" is an rpx table, one with "days" a holiday-cn year
/// file, anything else a notice's text. `name` is used in messages. Throws
/// `DataError`: `name:LINE: reason` for a notice, `name: /pointer: reason`
/// or `name:LINE:COL: ...` for JSON.
std::vector<ImportedYear> read_holiday_source(std::string_view text,
                                              const std::string& name);

/// Applies `imports` in order: a schedule replaces its year, a
/// supplementary notice amends it, holiday by holiday (a holiday of the
/// same name is replaced, a new one added), the year it amends coming from
/// an earlier import or else from `current`. Returns each year imported,
/// sorted by year. Throws `DataError` for a supplement with nothing to
/// amend.
std::vector<HolidayYear> merge_imports(const std::vector<ImportedYear>& imports,
                                       const std::vector<HolidayYear>& current);

/// The years as a table in rpx's format (docs/holidays.md), one holiday
/// per line like the bundled files.
std::string format_holiday_table(const std::vector<HolidayYear>& years);

/// Writes the years' table to `file` (through `AtomicFile`), readable by
/// everyone (0644): installed tables serve cron jobs and every user. Makes
/// the missing directories as `mkdir -p` would.
void write_holiday_table(const std::filesystem::path& file,
                         const std::vector<HolidayYear>& years);

/// `date<TAB>off|work<TAB>holiday_en<TAB>holiday_zh` rows sorted by date,
/// the shape of data/reference/china-holidays.tsv (without its header).
std::string format_holiday_tsv(const std::vector<HolidayYear>& years);

/// The days that notice-year `year` may decide: 25 December of the year
/// before through 31 December.
struct DaySpan {
  Date first;
  Date last;
};
DaySpan notice_span(int year);

/// The days of `span` whose workday status differs between `before` and
/// `after`, in order.
std::vector<Date> changed_days(const WorkCalendar& before,
                               const WorkCalendar& after, DaySpan span);

}  // namespace rpx
