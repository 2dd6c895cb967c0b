// `rpx export ics`: a student's dates as an iCalendar file (RFC 5545) for
// phones and calendar programs (docs/calendar-export.md). Like every
// renderer it computes no date: they all come from the Assessment.
#pragma once

#include <date/date.h>

#include <rpx/assess.hpp>
#include <rpx/rules.hpp>
#include <rpx/state.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx {

/// Days before the last office day at which its alarms go off.
inline constexpr int k_first_alarm_days = 14;
inline constexpr int k_last_alarm_days = 3;

/// A VCALENDAR with one all-day VEVENT each for the last office day, the
/// filing deadline, the permit's expiry and, once submitted, the ready
/// estimate. UIDs are `EVENT-UUID@rpx` (EVENT: `last-office-day`,
/// `filing-deadline`, `expiry`, `ready-estimate`; UUID: the state file's),
/// so a re-import replaces the events instead of doubling them. `stamp` is
/// the DTSTAMP (when the file was made; the caller reads the clock). Lines
/// end in CRLF and are folded at 75 octets; text is escaped.
std::string render_ics(const StudentState& state, const Assessment& assessment,
                       const Rules& rules, date::sys_seconds stamp);

/// The cohort calendar's VEVENTs of one student (`rpx export ics PATH...`):
/// the last office day until submitted, the expiry, and the ready estimate
/// once submitted; named after the student (or the id), without alarms.
/// UIDs are `EVENT-UUID-cN@rpx`, N the cycle (1 + the finished ones), so that
/// a new permit's events are new events and a re-import replaces, never
/// doubles. SEQUENCE is the file's revision plus `calendar_generation` (the
/// number of official holiday years the calendar has), so that it rises
/// whenever a date can have moved: a change to the file, or an official
/// table replacing a provisional year.
std::string render_ics_cohort_events(const StudentState& state,
                                     const Assessment& assessment,
                                     const Rules& rules,
                                     date::sys_seconds stamp,
                                     std::int64_t calendar_generation);

/// The cohort calendar around `events` (render_ics_cohort_events' texts,
/// in order).
std::string render_ics_cohort(const std::vector<std::string>& events);

/// `text` as an iCalendar TEXT value: backslash, semicolon, comma and line
/// breaks escaped; other control characters dropped (RFC 5545, 3.3.11).
std::string ics_escape(std::string_view text);

/// One content line, folded so that no line exceeds 75 octets without
/// splitting a UTF-8 sequence, each line ending in CRLF (RFC 5545, 3.1).
std::string ics_fold(std::string_view line);

}  // namespace rpx
