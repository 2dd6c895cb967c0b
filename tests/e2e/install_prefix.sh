#!/usr/bin/env bash
# `cmake --install` of the build that made RPX (docs/install.md): under a
# prefix of a user's own, everything lands under it (nothing in /etc), and
# the example service names that prefix's binary; with the prefix /usr under
# DESTDIR, as the package installs, /etc/rpx/holidays is made under DESTDIR
# and the service names /usr/bin/rpx.
set -u
rpx=$(realpath "$1")
build=$(dirname "$rpx")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/start"
fail=0
check() {  # check WHAT CONDITION...
  local what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what"
    fail=1
  fi
}
doc=share/doc/rpx
units=$doc/examples/systemd

# install LOG [cmake --install options]: every path cmake reports is printed
# to LOG, one per line.
install() {
  local log=$1
  shift
  if ! cmake --install "$build" "$@" >"$work/out" 2>&1; then
    cat "$work/out"
    echo "FAIL: cmake --install $*"
    exit 1
  fi
  sed -nE 's/^-- (Installing|Up-to-date): //p' "$work/out" >"$log"
}
# outside LOG DIR: the reported paths not under DIR.
outside() { grep -v "^$2/" "$1"; }

prefix=$work/home/.local
install "$work/user.log" --prefix "$prefix"
check "--prefix: cmake reported no path" test -s "$work/user.log"
check "--prefix: paths outside the prefix: $(outside "$work/user.log" "$prefix" | tr '\n' ' ')" \
  test -z "$(outside "$work/user.log" "$prefix")"
for f in bin/rpx $doc/README.md $doc/LICENSE $doc/copyright $doc/install.md \
    $doc/cli.md $doc/images/report-300.png $doc/examples/student.json \
    $units/rpx-remind.service $units/rpx-remind.timer \
    share/man/man1/rpx.1.gz share/man/man1/rpx-calendar.1.gz \
    share/bash-completion/completions/rpx share/zsh/site-functions/_rpx \
    share/fish/vendor_completions.d/rpx.fish; do
  check "--prefix: no $f" test -f "$prefix/$f"
done
# The build tree gets nothing from an install (a root install would leave it
# root's).
check "--prefix: the install wrote into the build tree: $(find "$build" -newer "$work/start" -path '*examples*' | head -3)" \
  test -z "$(find "$build" -newer "$work/start" -path '*examples*')"
check "--prefix: bin/rpx is not executable" test -x "$prefix/bin/rpx"
check "--prefix: the service's ExecStart is not $prefix/bin/rpx remind" \
  grep -qx "ExecStart=$prefix/bin/rpx remind" "$prefix/$units/rpx-remind.service"
check "--prefix: an etc/ under the prefix" test ! -e "$prefix/etc"
"$prefix/bin/rpx" --version >"$work/version" 2>&1
check "--prefix: the installed rpx --version: $(cat "$work/version")" \
  grep -qx 'rpx [0-9.]*' "$work/version"

stage=$work/stage
DESTDIR=$stage install "$work/stage.log" --prefix /usr
check "DESTDIR: paths outside DESTDIR: $(outside "$work/stage.log" "$stage" | tr '\n' ' ')" \
  test -z "$(outside "$work/stage.log" "$stage")"
check "DESTDIR, /usr: no /etc/rpx/holidays" test -d "$stage/etc/rpx/holidays"
check "DESTDIR, /usr: /etc/rpx/holidays is not empty" \
  test -z "$(ls -A "$stage/etc/rpx/holidays" 2>/dev/null)"
check "DESTDIR, /usr: no /usr/bin/rpx" test -x "$stage/usr/bin/rpx"
check "DESTDIR, /usr: no zsh completion in vendor-completions" \
  test -f "$stage/usr/share/zsh/vendor-completions/_rpx"
check "DESTDIR, /usr: the service's ExecStart is not /usr/bin/rpx remind" \
  grep -qx "ExecStart=/usr/bin/rpx remind" "$stage/usr/$units/rpx-remind.service"

# /usr/local, the default: no /etc/rpx either.
DESTDIR=$work/local install "$work/local.log" --prefix /usr/local
check "/usr/local: an /etc under DESTDIR" test ! -e "$work/local/etc"

[ $fail -eq 0 ] && echo "install_prefix: ok"
exit $fail
