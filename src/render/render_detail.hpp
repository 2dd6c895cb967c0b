// Pieces shared by the text renderers. Internal to render_*.cpp.
#pragma once

#include <rpx/assess.hpp>
#include <rpx/messages.hpp>
#include <rpx/rules.hpp>
#include <rpx/utf8.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace rpx::render_detail {

/// The lines after "Filing deadline": why the office is closed that day and
/// which other closed days push the last office day back. "" when the
/// deadline is a workday. Each line starts with `indent`.
std::string moved_explanation(const Deadline& deadline,
                              std::string_view indent);

/// Why the office is closed on the filing deadline: "falls on a Sunday:
/// the office is closed on weekends".
std::string filing_day_clause(const DayFacts& day);

/// "the office is also closed from Friday 2026-10-02 (National Day)", or ""
/// when no other reason keeps it closed.
std::string also_closed_clause(const Deadline& deadline);

/// "an adjusted workday for Spring Festival", "the filing deadline itself"
/// or "".
std::string last_office_day_clause(const Deadline& deadline);

/// ", an adjusted workday (Spring Festival)", ", the filing deadline
/// itself" or "".
std::string last_office_day_qualifier(const Deadline& deadline);

/// `text` padded with spaces to `width` display columns (CJK count two).
std::string pad_right(std::string_view text, std::size_t width);

/// A labelled line of a screen: `indent`, the catalogue's `label_key` padded
/// to `label_width` columns (at least one space after it), then `value`.
std::string field(std::string_view indent, std::string_view label_key,
                  std::size_t label_width, std::string_view value);

using rpx::local;

/// The phase as the status screen names it: "DUE", "应办理", "신청 기간".
std::string phase_title(Phase p);

/// The phase as tables and summaries name it: "due", "应办理", "신청 기간".
std::string phase_label(Phase p);

/// "official", "provisional", "Monday–Friday" in the output language.
std::string basis_label(Basis b);

/// "warning: " in the output language, for lines on stdout.
std::string warning_label();

/// ", worked 2027-01-31 and 2027-02-14" after a holiday's days off, or ""
/// when it has no worked weekend.
std::string worked_clause(const std::vector<Date>& worked);

}  // namespace rpx::render_detail
