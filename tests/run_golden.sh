#!/usr/bin/env bash
# Runs one golden CLI case: tests/cli/<case>/cmd is a bash snippet that calls
# "$RPX"; it runs in a fresh temporary directory holding a copy of the case's
# files, with HOME and XDG_* pointing inside it, NO_COLOR set, and no RPX_*
# variables, locale or terminal size (COLUMNS, LINES): output is piped, so
# it keeps full lines unless the case sets COLUMNS itself. stdout, stderr
# and the exit code are compared with expected.stdout, expected.stderr and
# expected.rc (missing = empty / 0).
# A case's `fixtures` file names shared inputs, one "SOURCE DEST" per line:
# tests/fixtures/cli/SOURCE is copied to DEST in the temporary directory
# before the case's own files (e.g. "cohort students" for the eight-student
# cohort that check and remind cases read).
# RPX_UPDATE_GOLDEN=1 rewrites the expected files instead.
set -u
rpx=$(realpath "$1")
case_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixtures=$(dirname "$0")/fixtures/cli
if [ -f "$case_dir/fixtures" ]; then
  while read -r src dest; do
    [ -n "$src" ] || continue
    mkdir -p "$work/$(dirname "$dest")"
    cp -a "$fixtures/$src" "$work/$dest" || exit 1
  done <"$case_dir/fixtures"
fi
cp -a "$case_dir"/. "$work"/
rm -f "$work/fixtures"
cd "$work" || exit 1
mkdir -p home
update=${RPX_UPDATE_GOLDEN:-}
for v in $(env | grep -o '^RPX_[A-Z_]*'); do
  [ "$v" = RPX_SOURCE_DIR ] || unset "$v"
done
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share NO_COLOR=1
unset XDG_CONFIG_HOME LANG LC_ALL LC_MESSAGES COLUMNS LINES
export RPX=$rpx
bash ./cmd >"$work/.out" 2>"$work/.err"
rc=$?
sed -i "s|$work|@TMP@|g" "$work/.out" "$work/.err"
if [ "$update" = 1 ]; then
  cp "$work/.out" "$case_dir/expected.stdout"
  cp "$work/.err" "$case_dir/expected.stderr"
  echo "$rc" >"$case_dir/expected.rc"
  exit 0
fi
fail=0
expected_rc=0
[ -f "$case_dir/expected.rc" ] && expected_rc=$(cat "$case_dir/expected.rc")
for s in stdout stderr; do
  exp=$case_dir/expected.$s
  [ -f "$exp" ] || exp=/dev/null
  got=$work/.out
  [ $s = stderr ] && got=$work/.err
  if ! diff -u --label "expected.$s" --label "actual.$s" "$exp" "$got"; then
    fail=1
  fi
done
if [ "$rc" != "$expected_rc" ]; then
  echo "exit code: expected $expected_rc, got $rc"
  fail=1
fi
exit $fail
