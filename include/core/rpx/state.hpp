// One student's state file as a value: what they have done, and when
// (format in docs/state-file.md, schema in data/schema/state.schema.json).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <rpx/dates.hpp>
#include <rpx/messages.hpp>
#include <rpx/steps.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rpx {

/// The newest state-file schema this rpx reads and writes. Schema 2 added
/// `rules`; a schema-1 file is read as before and saved as schema 2
/// (docs/state-file.md, "Schema versions").
inline constexpr int k_schema_version = 2;

/// The longest texts rpx accepts where they are entered (`--name`,
/// `--note`, `--phone`, a roster's name column): with them a state file
/// of 200 cycles stays well inside the 1 MiB the reader accepts.
inline constexpr std::size_t k_max_name_bytes = 200;
inline constexpr std::size_t k_max_note_bytes = 1000;
inline constexpr std::size_t k_max_phone_bytes = 64;

/// Members rpx does not know, as (key, raw JSON text), written back verbatim
/// so that a newer rpx or a staff script can add fields.
using Unknown = std::vector<std::pair<std::string, std::string>>;

struct StepRecord {
  std::optional<Date> done;
  std::string note;  // "" when none
  Unknown unknown;

  bool operator==(const StepRecord&) const = default;
};

/// The Residence Permit Progress Note handed out at submission (step 4).
struct ProgressNote {
  Date date;
  std::string phone;  // the number printed on it; "" when not recorded
  Unknown unknown;

  bool operator==(const ProgressNote&) const = default;
};

/// One application: a permit's expiry and the steps taken to extend it.
struct Cycle {
  Date expiry;
  std::array<StepRecord, k_step_count> steps;  // indexed by StepId
  std::optional<ProgressNote> progress_note;
  /// The expiry of the permit that replaced this one (history only).
  std::optional<Date> new_expiry;
  Unknown unknown;  // history entries only; the current cycle's live below

  const StepRecord& step(StepId s) const noexcept {
    return steps[step_index(s)];
  }
  StepRecord& step(StepId s) noexcept { return steps[step_index(s)]; }

  bool operator==(const Cycle&) const = default;
};

struct StudentState {
  int schema = k_schema_version;
  /// The id of the rules the file was last saved under (schema 2; "" when
  /// not known: read from schema 1, or written by a tool that did not say).
  std::string rules;
  std::string uuid;           // made at init; stable identity
  std::int64_t revision = 0;  // raised on every save
  std::string name;           // may be ""
  std::string student_id;     // may be ""
  Cycle current;
  std::vector<Cycle> history;  // finished cycles, oldest first
  Unknown unknown;             // unknown top-level members

  bool operator==(const StudentState&) const = default;
};

/// The longest key and value of an extra member (`rpx set extra`).
inline constexpr std::size_t k_max_extra_key_bytes = 64;
inline constexpr std::size_t k_max_extra_value_bytes = 1000;

/// True when `a` and `b` name the same extra member: equal but for ASCII
/// case, as a roster's header is read.
bool same_extra_key(std::string_view a, std::string_view b) noexcept;

/// The extra member `key` of `state` — an unknown top-level member: a
/// roster's own column (`rpx import`) or `rpx set extra` — matched ignoring
/// ASCII case, as its raw JSON text; null when the file has none.
const std::string* find_extra(const StudentState& state,
                              std::string_view key) noexcept;

/// Why `key` cannot name an extra member: empty, longer than
/// k_max_extra_key_bytes, not UTF-8 or holding a control character, or a
/// member of the state file itself (`name`, `history`, ...); nullopt when it
/// can.
std::optional<Message> extra_key_problem(std::string_view key);

/// Parses a state file; `name` is used in error messages. Throws
/// `DataError` naming `name:LINE:COL` or `name: /pointer: reason`. A file
/// with a schema newer than k_schema_version is read (as far as it can
/// be) but `state.schema` keeps its number, so that saving can refuse it.
/// The common case goes through `parse_state_fast`, the rest through
/// `parse_state_strict`: the result is the same either way.
StudentState parse_state(std::string_view text, const std::string& name);

/// The strict reader: a JSON tree (json_util::parse), then every member
/// checked; explains every refusal.
StudentState parse_state_strict(std::string_view text,
                                const std::string& name);

/// The fast reader (state_fast.cpp): one pass without a JSON tree, for
/// files in schema 1 or 2 with no `\u` escape, no unknown member
/// inside a step, note or history entry, and no number with an exponent
/// among the unknown members. Returns exactly what `parse_state_strict`
/// would, or nullopt when it cannot be sure: never a state the strict
/// reader would refuse.
std::optional<StudentState> parse_state_fast(std::string_view text);

/// How `serialize_state` lays a file out: indented for people, compact for
/// a file that would otherwise be too large (docs/state-file.md, "Limits").
enum class Layout { indented, compact };

/// The JSON text of `state` (two-space indent, trailing newline, members in a
/// fixed order, unknown members last in their original order), in the
/// format of `state.schema`: `rules` is written from schema 2 on. Migrating
/// a file is the caller's choice (store raises the schema on every save).
/// `Layout::compact` writes it on one line. Unknown members are written as
/// they were read (numbers and strings exactly).
std::string serialize_state(const StudentState& state,
                            Layout layout = Layout::indented);

}  // namespace rpx
