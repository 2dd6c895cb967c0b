// Helpers shared by the student commands (init, status, done, submit, ...).
#pragma once

#include <filesystem>
#include <rpx/assess.hpp>
#include <rpx/state.hpp>
#include <rpx/store.hpp>
#include <string>

#include "context.hpp"

namespace rpx::cli {

/// The store of the state file the global options name.
StateStore student_store(Context& ctx);

/// True when nothing is at `file`, not even a dangling link: there is no
/// state file yet (bare `rpx`, `rpx calendar`).
bool no_state_file_yet(const std::filesystem::path& file);

/// `assess` with the context's rules, calendar and today.
Assessment assess_student(Context& ctx, const StudentState& state);

/// A `--on` date: defaults to today, refused (DataError) after today, since
/// rpx records what has happened.
Date on_date(Context& ctx, const std::string& on, std::string_view what);

/// "Last office day Friday 2026-11-20 (in 5 days); permit expires ..." — the
/// line the mutating commands print after a change.
std::string deadline_summary(Context& ctx, const StudentState& state);

}  // namespace rpx::cli
