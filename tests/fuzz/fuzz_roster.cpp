// libFuzzer target: the roster CSV parser (docs/reliability.md). It
// collects bad rows instead of throwing; `rpx::Error` is still tolerated as
// a refusal, anything else is a finding. A roster without errors must be
// safe to import: every id names a file inside the directory, ids are
// unique, fields are UTF-8, and the state file made from each row is one
// rpx reads back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <rpx/errors.hpp>
#include <rpx/import.hpp>
#include <rpx/roster.hpp>
#include <rpx/state.hpp>
#include <rpx/utf8.hpp>
#include <set>
#include <string>
#include <string_view>

namespace {

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rpx::Roster roster;
  try {
    roster = rpx::parse_roster(text);
  } catch (const rpx::Error&) {
    return 0;
  }
  if (!roster.errors.empty()) {
    return 0;
  }
  std::set<std::string> ids;
  for (const rpx::RosterRow& row : roster.rows) {
    require(!rpx::student_id_problem(row.student_id));
    require(ids.insert(row.student_id).second);
    require(rpx::is_valid_utf8(row.name));
    require(row.extra.size() == roster.extra_columns.size());
    // Not guarded: a DataError here is a file import would write and rpx
    // could not read.
    const rpx::StudentState state =
        rpx::state_from_row(row, roster.extra_columns);
    rpx::parse_state(rpx::serialize_state(state), "import.json");
  }
  return 0;
}
