// `rpx import`: one state file per roster row, all or nothing (docs/import.md).
// Planning reads and checks everything; only executing a plan writes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <rpx/roster.hpp>
#include <rpx/state.hpp>
#include <rpx/store.hpp>
#include <string>
#include <vector>

namespace rpx {

enum class ImportAction { create, update, unchanged };

/// Whether existing state files take the roster's name and expiry.
enum class UpdateExisting { no, yes };

/// What happens to one roster row.
struct ImportItem {
  std::size_t row = 0;  // index into `Roster::rows`
  std::filesystem::path file;
  ImportAction action = ImportAction::create;
  /// An existing file's name and expiry before the update (update only).
  std::string old_name;
  Date old_expiry;
};

struct ImportPlan {
  std::filesystem::path dir;
  bool create_dir = false;        // `dir` does not exist yet
  std::vector<ImportItem> items;  // in roster order

  std::size_t count(ImportAction action) const noexcept;
};

/// The state file `dir/ID.json` of a student id that `student_id_problem`
/// accepts.
std::filesystem::path state_file_for(const std::filesystem::path& dir,
                                     std::string_view student_id);

/// A new student's state: the current schema, a new uuid, revision 1, no
/// step done, the row's name, id and expiry, and its extra columns as
/// top-level string members.
StudentState state_from_row(const RosterRow& row,
                            const std::vector<std::string>& extra_columns);

/// Decides, without writing anything, what importing `roster` (which must
/// have no errors) into `dir` does: a row whose file does not exist is
/// created; an existing file is left alone, or with `update` yes is read
/// and updated when its name or expiry differ. Throws `IoError` when `dir`
/// is not a directory, and `DataError`/`IoError` when an existing file to
/// update cannot be read, so that nothing is written.
ImportPlan plan_import(const Roster& roster, const std::filesystem::path& dir,
                       UpdateExisting update);

/// Carries out `plan`. First the new files, all or none: `dir` and its
/// missing parents are made (0700); each file is written to a temporary
/// name; one `syncfs` flushes them all; each is renamed into place without
/// replacing anything; one `fsync` of `dir` makes the renames durable. On
/// any failure the temporary and already renamed files are removed. Then
/// each update goes through `StateStore::update` (locked, atomic). New
/// files are 0600, or 0660 with the directory's group when `dir` is
/// group-writable, and record `options.rules` as every save does.
void execute_import(const ImportPlan& plan, const Roster& roster,
                    const StoreOptions& options);

}  // namespace rpx
