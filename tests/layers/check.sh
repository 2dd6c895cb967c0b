#!/usr/bin/env bash
# The layers hold (docs/architecture.md): a layer's public headers compile
# with its include path, a header of a layer that must not be seen does not
# even resolve, and no renderer names the calendar. Each layer's include path comes from its
# CMake target, so this checks the build's own rules.
#
#   check.sh CXX SOURCE_DIR CORE_DIRS IO_DIRS RENDER_DIRS
# where *_DIRS are the targets' include directories joined with ':'.
set -u
cxx=$1 src=$2
declare -A dirs=([core]=$3 [io]=$4 [render]=$5)
# What each layer may not see.
declare -A forbidden=([core]="io render" [io]="render" [render]="io")
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags_of() {
  local out=() d
  IFS=: read -ra ds <<<"$1"
  for d in "${ds[@]}"; do out+=(-I "$d"); done
  printf '%s\n' "${out[@]}"
}

for layer in core io render; do
  mapfile -t flags < <(flags_of "${dirs[$layer]}")
  # All of the layer's own headers compile with its include path.
  : >"$work/t.cpp"
  for h in "$src/include/$layer/rpx/"*.hpp; do
    printf '#include <rpx/%s>\n' "$(basename "$h")" >>"$work/t.cpp"
  done
  if ! "$cxx" -std=c++20 -fsyntax-only "${flags[@]}" "$work/t.cpp" 2>"$work/err"; then
    echo "$layer: its own headers do not compile with its include path:"
    head -5 "$work/err"
    fail=1
  fi
  # No header of a forbidden layer resolves.
  for other in ${forbidden[$layer]}; do
    for h in "$src/include/$other/rpx/"*.hpp; do
      name=rpx/$(basename "$h")
      printf '#include <%s>\n' "$name" >"$work/t.cpp"
      "$cxx" -std=c++20 -fsyntax-only "${flags[@]}" "$work/t.cpp" 2>"$work/err"
      # g++: "rpx/x.hpp: No such file or directory"; clang: "'rpx/x.hpp'
      # file not found".
      if ! grep -Eq "$name: No such file or directory|'$name' file not found" \
        "$work/err"; then
        echo "$layer can include <$name> of $other"
        fail=1
      fi
    done
  done
done
# Render words facts; it never asks the calendar (docs/architecture.md).
if grep -rlw -e WorkCalendar -e 'rpx/calendar.hpp' "$src/src/render" \
  "$src/include/render"; then
  echo "render uses the calendar (the files above)"
  fail=1
fi
[ $fail = 0 ] && echo "layers hold: core sees only core; io and render see core and themselves"
exit $fail
