#!/usr/bin/env bash
# The .deb in a fresh Debian 12 root (docs/install.md, "The package's test").
#
#   tests/package/deb_install.sh [PATH.deb]
#
# Builds the package with scripts/package unless given one, makes a minimal
# bookworm root with mmdebstrap (variant minbase, plus man-db, from
# deb.debian.org: the only network it needs), and in it, as a customize hook
# (tests/package/in_root.sh):
#   1. installs the package with `apt-get install ./rpx_*.deb`, so that apt
#      resolves its Depends from Debian;
#   2. checks what it installed and runs `rpx --version`, `rpx deadline
#      2027-03-10` and `man -w rpx`;
#   3. purges it, with the dependencies apt brought in, and compares the
#      root's files with those before the install;
#   4. installs it again, installs a holiday table in /etc/rpx/holidays as an
#      administrator would, purges, and checks the table is still there.
# Each check prints one line; the first failure ends the test with
# "deb_install: FAIL: REASON" as its last line, and exit 1. The root is
# removed at the end, pass or fail.
#
# Run as root (scripts/test runs it when CI is set, as root), where chroot
# works (CAP_SYS_CHROOT). mmdebstrap runs in its unshare mode when this
# process can make namespaces (as root that unshares only the mount, pid, uts
# and ipc namespaces, so the mounts of /proc, /sys and /dev die with the run
# and never touch this machine); otherwise, in a container that cannot mount
# (no CAP_SYS_ADMIN), in its root mode without mounts (--skip=chroot/mount):
# nothing the test runs needs them.
#
# Environment:
#   RPX_DEB_MIRROR        the Debian mirror (default http://deb.debian.org/debian)
#   RPX_DEB_TEST_KEEP=1   keep the root and the logs after a failure, and
#                         print where they are
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
start=$SECONDS

fail() {
  echo "deb_install: FAIL: $*" >&2
  exit 1
}

case "${1:-}" in
  -*) echo "usage: tests/package/deb_install.sh [PATH.deb]" >&2; exit 64 ;;
esac
[ "$(id -u)" -eq 0 ] || fail "run as root: mmdebstrap makes the root with chroot"
command -v mmdebstrap >/dev/null ||
  fail "mmdebstrap not found: bash scripts/install-deps --test"

if [ $# -ge 1 ]; then
  deb=$(realpath "$1")
else
  echo "== deb_install: scripts/package"
  deb=$(bash "$repo/scripts/package") || fail "scripts/package failed"
fi
[ -f "$deb" ] || fail "no package at $deb"
version=$(dpkg-deb -f "$deb" Version) || fail "$deb: not a Debian package"
echo "== deb_install: $deb (version $version), after $((SECONDS - start)) s"

# Every path in the package is one of rpx's own places: nothing under
# /usr/local, nothing of another package's.
stray=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -E 's|^\./|/|; s|(.)/$|\1|' |
  grep -vxE '/|/usr|/usr/bin|/usr/bin/rpx|/usr/share|/usr/share/doc|/usr/share/doc/rpx(/.*)?|/usr/share/man|/usr/share/man/man1|/usr/share/man/man1/rpx(-[a-z]+)?\.1\.gz|/usr/share/bash-completion(/completions(/rpx)?)?|/usr/share/zsh(/vendor-completions(/_rpx)?)?|/usr/share/fish(/vendor_completions\.d(/rpx\.fish)?)?|/etc|/etc/rpx|/etc/rpx/holidays' || true)
[ -z "$stray" ] || fail "$deb holds paths outside rpx's places: $(echo $stray)"
echo "ok: every path in the package is rpx's"

work=$(mktemp -d "${TMPDIR:-/tmp}/rpx-deb-XXXXXX")
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ] && [ -n "${RPX_DEB_TEST_KEEP:-}" ]; then
    echo "deb_install: kept the root and logs in $work" >&2
  else
    # Never into a file system still mounted in the root.
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
chmod 755 "$work"

# Both modes below chroot into the root; fakechroot and chrootless only
# emulate one, which is not the install apt does on a Debian machine.
chroot / true 2>/dev/null ||
  fail "cannot chroot here (no CAP_SYS_CHROOT): mmdebstrap cannot make the root"
mode=(--mode=unshare)
if ! unshare --mount --pid --fork --uts --ipc true 2>/dev/null; then
  mode=(--mode=root --skip=chroot/mount)
fi

# What the hook reads; mmdebstrap passes the environment on to its hooks.
export RPX_DEB_TEST_DEB=$deb RPX_DEB_TEST_VERSION=$version
export RPX_DEB_TEST_WORK=$work RPX_DEB_TEST_IN_ROOT=$here/in_root.sh
export RPX_DEB_TEST_NOTICE=$repo/tests/fixtures/cli/notice-2027.txt
export RPX_DEB_TEST_START=$(date +%s)
echo "== deb_install: mmdebstrap ${mode[*]} bookworm, minbase + man-db"
# The merged-usr hook makes the /usr symlinks itself, as debootstrap does,
# instead of installing usrmerge and the Perl it needs.
if ! mmdebstrap "${mode[@]}" --variant=minbase --include=man-db \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --customize-hook='bash "$RPX_DEB_TEST_IN_ROOT" "$1"' \
    bookworm "$work/root" "${RPX_DEB_MIRROR:-http://deb.debian.org/debian}"; then
  if [ -s "$work/reason" ]; then
    fail "$(cat "$work/reason")"
  fi
  fail "mmdebstrap failed (its output is above)"
fi
[ -f "$work/passed" ] || fail "the checks in the root did not run to the end"
echo "== deb_install: passed in $((SECONDS - start)) s"
