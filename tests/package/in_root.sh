#!/usr/bin/env bash
# The checks of tests/package/deb_install.sh, run by mmdebstrap as its
# customize hook: $1 is the Debian root, which has its package lists and can
# reach the mirror; the rest comes from deb_install.sh in RPX_DEB_TEST_*.
# Prints one line per check; the first failure writes its reason to
# $RPX_DEB_TEST_WORK/reason, in one line, and exits 1.
set -eEuo pipefail
shopt -s extglob
root=$1
work=$RPX_DEB_TEST_WORK
deb=$RPX_DEB_TEST_DEB
version=$RPX_DEB_TEST_VERSION
echo "== in the root: made in $(($(date +%s) - RPX_DEB_TEST_START)) s"
start=$SECONDS

# fail REASON: the reason in full here, and in one line, at most 300
# characters, as deb_install.sh's last line.
fail() {
  echo "FAIL: $*" >&2
  printf '%s' "$*" | sed -z -E 's/\n+/ | /g' | cut -c1-300 >"$work/reason"
  exit 1
}
ok() { echo "ok: $*"; }
trap 'fail "in_root.sh, line $LINENO: \`$BASH_COMMAND\` failed"' ERR

# in_root CMD...: CMD in the root, as root, in a clean environment (none of
# this machine's RPX_* or locale).
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# What cmake/man.cmake and cmake/completions.cmake install: the man pages
# man must find, and the completion files.
completion_files=(
  /usr/share/bash-completion/completions/rpx
  /usr/share/zsh/vendor-completions/_rpx
  /usr/share/fish/vendor_completions.d/rpx.fish
)
man_pages=(rpx rpx-holidays)

# root_files: every file, directory and link in the root but the mounted
# /dev, /proc and /sys, one line per path ("PATH TYPE MODE UID:GID TARGET")
# and one per regular file's content ("PATH md5:SUM"), less these files of
# apt, dpkg and ldconfig, which an install and purge change for themselves
# (their paths as extended regular expressions):
ignored=(
  # the packages apt downloaded (the dependencies), kept until `apt-get clean`
  '\./var/cache/apt/archives/[^/]+\.deb'
  # apt's binary caches of the package lists and of dpkg's status
  '\./var/cache/apt/(src)?pkgcache\.bin'
  # ldconfig's record of the libraries it has examined
  '\./var/cache/ldconfig/aux-cache'
  # man-db's index, which its trigger rebuilds when man pages come or go, and
  # the tags that mark its cache directories, written on its first rebuild
  '\./var/cache/man/index\.db' '\./var/cache/man/[^/]+/CACHEDIR\.TAG'
  # dpkg's copy of its status file as it was before its last change (the
  # status file itself must be as before)
  '\./var/lib/dpkg/status-old'
  # the logs of dpkg and apt
  '\./var/log/dpkg\.log' '\./var/log/apt/(history\.log|term\.log|eipp\.log\.xz)'
)
# Anything else that differs after the purge, in /etc, /usr, /var/lib or
# anywhere, is something the package left behind.
root_files() {
  local prune=(\( -path ./dev -o -path ./proc -o -path ./sys \) -prune -o)
  local skip
  skip="^($(IFS='|'; echo "${ignored[*]}")) "
  (
    cd "$root"
    find . -xdev "${prune[@]}" -printf '%p %y %m %U:%G %l\n'
    find . -xdev "${prune[@]}" -type f -print0 | xargs -0 md5sum |
      sed -E 's/^([0-9a-f]+)  (.*)$/\2 md5:\1/'
  ) | grep -Ev "$skip" | LC_ALL=C sort
}

# install_rpx: apt-get install the package from /tmp in the root.
install_rpx() {
  cp "$deb" "$root/tmp/"
  if ! in_root apt-get install -y "/tmp/$(basename "$deb")" \
      >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    fail "apt-get install ./$(basename "$deb") failed: $(tail -n 1 "$work/install.log")"
  fi
  rm "$root/tmp/$(basename "$deb")"
  local status
  status=$(in_root dpkg-query -W -f='${db:Status-Abbrev}${Version}' rpx 2>&1) ||
    fail "dpkg does not know rpx after the install: $status"
  [ "$status" = "ii $version" ] ||
    fail "rpx is not installed as version $version after the install: $status"
}

# purge_rpx: apt-get purge the package and the dependencies it brought in.
purge_rpx() {
  if ! in_root apt-get purge -y --autoremove rpx >"$work/purge.log" 2>&1; then
    cat "$work/purge.log" >&2
    fail "apt-get purge --autoremove rpx failed: $(tail -n 1 "$work/purge.log")"
  fi
  if in_root dpkg-query -W rpx >/dev/null 2>&1; then
    fail "dpkg still knows rpx after the purge: $(in_root dpkg-query -W \
      -f='${db:Status-Abbrev}' rpx)"
  fi
}

# check_file PATH [-d|-x]: PATH in the root is a regular file (a directory,
# an executable).
check_file() {
  local path=$1 test=${2:--f}
  [ "$test" "$root$path" ] || fail "$path: missing after the install (test $test)"
  ok "$path"
}

# --- 1. Install --------------------------------------------------------------
root_files >"$work/files.before"
install_rpx
deps=$(grep -o '^Setting up [^ ]*' "$work/install.log" | cut -d' ' -f3 |
  { grep -vx "rpx" || true; } | tr '\n' ' ')
ok "apt-get install ./$(basename "$deb"): rpx $version, with ${deps:-no other package}"

# --- 2. What it installed ----------------------------------------------------
check_file /usr/bin/rpx -x
out=$(in_root rpx --version 2>&1) || fail "rpx --version failed: $out"
[ "$out" = "rpx $version" ] || fail "rpx --version printed '$out', not 'rpx $version'"
ok "rpx --version: $out"
out=$(in_root rpx deadline 2027-03-10 2>&1) ||
  fail "rpx deadline 2027-03-10 failed: $(echo "$out" | tail -n 1)"
grep -qx 'Last office day   Thursday 2027-02-04' <<<"$out" ||
  fail "rpx deadline 2027-03-10 does not give the last office day 2027-02-04: $out"
ok "rpx deadline 2027-03-10: last office day Thursday 2027-02-04"

check_file /etc/rpx/holidays -d
[ -z "$(ls -A "$root/etc/rpx/holidays")" ] || fail "/etc/rpx/holidays is not empty"
for f in README.md LICENSE copyright cli.md holidays.md install.md staff.md \
    images/report-300.png examples/student.json; do
  check_file "/usr/share/doc/rpx/$f"
done
head -n 1 "$root/usr/share/doc/rpx/copyright" |
  grep -Fqx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
  fail "/usr/share/doc/rpx/copyright is not in Debian's machine-readable format"
ok "/usr/share/doc/rpx/copyright: machine-readable format"
units=/usr/share/doc/rpx/examples/systemd
check_file $units/rpx-remind.service
check_file $units/rpx-remind.timer
grep -qx 'ExecStart=/usr/bin/rpx remind' "$root$units/rpx-remind.service" ||
  fail "$units/rpx-remind.service: ExecStart is not /usr/bin/rpx remind: $(grep ExecStart "$root$units/rpx-remind.service")"
ok "$units/rpx-remind.service: ExecStart=/usr/bin/rpx remind"

for f in "${completion_files[@]}"; do
  check_file "$f"
done
for page in "${man_pages[@]}"; do
  out=$(in_root man -w "$page" 2>&1) || fail "man -w $page: $out"
  [[ $out == "/usr/share/man/man1/$page.1"?(.gz) ]] ||
    fail "man -w $page: '$out', not in /usr/share/man/man1"
  ok "man -w $page: $out"
done
# Rendered from the file man found (-l), since `man rpx` would keep the
# page it formats in man-db's cache, which the purge does not remove.
page=$(in_root man -w rpx)
out=$(in_root env MANWIDTH=80 man -l "$page" 2>&1) || fail "man -l $page: $out"
grep -q '^NAME' <<<"$out" || fail "man -l $page shows no NAME section"
ok "man -l $page renders"
out=$(in_root bash -c '. /usr/share/bash-completion/completions/rpx && complete -p rpx' 2>&1) ||
  fail "the bash completion does not define rpx's completion: $out"
ok "bash completion: $out"
out=$(in_root bash -c '. /usr/share/bash-completion/completions/rpx &&
  COMP_WORDS=(rpx done ph) COMP_CWORD=2 COMP_LINE="rpx done ph" COMP_POINT=11 &&
  _rpx rpx ph done && echo "${COMPREPLY[*]}"' 2>&1) ||
  fail "the bash completion fails on 'rpx done ph': $out"
[ "$out" = photo ] || fail "the bash completion of 'rpx done ph': '$out', not 'photo'"
ok "bash completion of 'rpx done ph': $out"

# --- 3. Purge: nothing left behind --------------------------------------------
purge_rpx
root_files >"$work/files.after"
if ! diff -u "$work/files.before" "$work/files.after" >"$work/files.diff"; then
  cat "$work/files.diff" >&2
  fail "the purge left the root different: $(grep '^[-+][^-+]' "$work/files.diff" |
    head -n 3 | tr '\n' ' ')"
fi
ok "apt-get purge --autoremove rpx: the root's $(grep -vc ' md5:' "$work/files.after") paths and their contents are as before the install"

# --- 4. A table an administrator installed outlives the purge -----------------
install_rpx
cp "$RPX_DEB_TEST_NOTICE" "$root/tmp/notice-2027.txt"
out=$(in_root rpx holidays import /tmp/notice-2027.txt --install --system 2>&1) ||
  fail "rpx holidays import --install --system failed: $out"
rm "$root/tmp/notice-2027.txt"
[ -f "$root/etc/rpx/holidays/2027.json" ] ||
  fail "rpx holidays import --install --system wrote no /etc/rpx/holidays/2027.json: $out"
ok "rpx holidays import --install --system: /etc/rpx/holidays/2027.json"
out=$(in_root rpx workdays is 2027-02-08 2>&1) || true
[ "$out" = "2027-02-08 is not a workday: a day off for Spring Festival" ] ||
  fail "rpx does not read /etc/rpx/holidays/2027.json: $out"
ok "rpx reads /etc/rpx/holidays/2027.json"
purge_rpx
[ -f "$root/etc/rpx/holidays/2027.json" ] ||
  fail "the purge removed /etc/rpx/holidays/2027.json, an administrator's table"
[ ! -e "$root/usr/bin/rpx" ] || fail "the second purge left /usr/bin/rpx"
ok "apt-get purge rpx keeps /etc/rpx/holidays/2027.json"

echo "== in the root: checks passed in $((SECONDS - start)) s"
touch "$work/passed"
