#!/usr/bin/env bash
# `rpx holidays import --install --system` (docs/holidays.md): the table goes
# to the system directory, readable by everyone, so that another user (a
# cron job's) gets the new schedule with no flag; removing the file reverts.
# Run as root (as in CI), the other user is uid 65534 through setpriv, which
# also proves that an unprivileged --system install fails and leaves nothing.
set -u
rpx=$(realpath "$1")
notice=$(dirname "$(realpath "$0")")/../fixtures/cli/notice-2027.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
fail=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected [$2], got [$3]"
    fail=1
  fi
}
export RPX_SYSCONFDIR=$work/etc HOME=$work/root XDG_DATA_HOME=$work/root/data
export RPX_TODAY=2026-11-25 NO_COLOR=1
as_other=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups
            env HOME="$work/other" XDG_DATA_HOME="$work/other/data")
else
  echo "not root or no setpriv: the other user is this one"
fi
mkdir -p "$work/other" && chmod 777 "$work/other"

out=$("$rpx" holidays import "$notice" --install --system 2>&1)
check "install --system exit" 0 $?
check "install --system output" \
  "Wrote $work/etc/holidays/2027.json" "$(sed -n 2p <<<"$out")"
check "mode" 644 "$(stat -c %a "$work/etc/holidays/2027.json")"

out=$("${as_other[@]}" "$rpx" workdays is 2027-02-08 2>&1)
check "other user: workdays is exit" 1 $?
check "other user: workdays is" \
  "2027-02-08 is not a workday: a day off for Spring Festival" "$out"
out=$("${as_other[@]}" "$rpx" deadline 2027-10-31 2>&1 | sed -n 4p)
check "other user: deadline" "Last office day   Thursday 2027-09-30" "$out"
out=$("${as_other[@]}" "$rpx" holidays 2>&1 | grep '^  2027 ')
check "other user: holidays" \
  "  2027  installed: $work/etc/holidays/2027.json" "$out"

if [ ${#as_other[@]} -gt 0 ]; then
  # Unprivileged, --system cannot write: exit 74, nothing left behind.
  chmod 755 "$work/etc/holidays"
  out=$("${as_other[@]}" "$rpx" holidays import "$notice" --install --system \
          --force 2>&1)
  check "other user: install --system exit" 74 $?
  check "other user: install --system message" \
    "rpx: cannot write $work/etc/holidays/2027.json: Permission denied" "$out"
  check "nothing left behind" "2027.json" "$(ls -A "$work/etc/holidays")"
fi

rm "$work/etc/holidays/2027.json"
out=$("${as_other[@]}" "$rpx" workdays is 2027-02-08 2>/dev/null)
check "reverted: workdays is exit" 1 $?
check "reverted: workdays is" \
  "2027-02-08 is not a workday: a day off for Spring Festival in rpx's provisional 2027 schedule" \
  "$(sed -n 1p <<<"$out")"
[ "$fail" = 0 ] && echo "ok"
exit $fail
