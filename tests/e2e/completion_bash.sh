#!/usr/bin/env bash
# The bash completion (docs/cli.md, "Completions"): `rpx completion bash`
# sourced into a bash with bash-completion loaded, and into one without it,
# its function called as bash calls it on TAB (COMP_WORDS split at spaces
# and at "=", COMP_CWORD, COMP_LINE, COMP_POINT), and what it offers (in
# the order bash lists it, sorted) compared word for word.
set -u
rpx=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$rpx" --lang en completion bash >"$work/rpx.bash"
rc=$?
if [ "$rc" != 0 ]; then
  echo "FAIL: rpx completion bash: exit $rc"
  exit 1
fi
mkdir -p "$work/files/students"
touch "$work/files/roster.csv" "$work/files/notes.txt"
# A name with a glob character: one reply, never expanded.
mkdir -p "$work/files/glob"
touch "$work/files/glob/g*" "$work/files/glob/ga"

cat >"$work/cases.sh" <<'EOF'
# Runs in bash: $1 is "with" or "without" bash-completion, $2 the script,
# $3 the driver, $4 a directory of files.
set -u
if [ "$1" = with ]; then
  source /usr/share/bash-completion/bash_completion
fi
source "$2"
source "$3"
mode=$1
fail=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL: $mode bash-completion: $1: expected [$2], got [$3]"
    fail=1
  fi
}
expect() {  # expect LINE OFFERED
  check "[$1]" "$2" "$(offered "$1")"
}
check "complete -p rpx" "complete -F _rpx rpx" "$(complete -p rpx)"

expect "rpx st" "status"
expect "rpx h" "help history holidays"
expect "rpx " "calendar check collect completion deadline done export help history holidays import info init plan remind set status submit undo workdays"
expect "rpx workdays " "add count is"
expect "rpx set " "expiry extra name student-id"
expect "rpx holidays " "import"
expect "rpx holidays im" "import"
expect "rpx done ph" "photo"
expect "rpx done " "1 2 3 4 5 collect letter photo registration submit"
expect "rpx undo 4 " ""
expect "rpx info " "fees offices steps"
expect "rpx completion " "bash fish zsh"
expect "rpx check --format " "csv html json jsonl table"
expect "rpx check --format=j" "json jsonl"
expect "rpx holidays import --format " "json text tsv"
expect "rpx calendar --format " "json text"
expect "rpx calendar --th" "--three"
expect "rpx check --phase due,ov" "due,overdue"
expect "rpx check --phase " "collected due expired overdue processing ready upcoming"
expect "rpx check --phase=expired,overdue,d" "expired,overdue,due"
expect "rpx check --columns student_id,na" "student_id,name"
expect "rpx status --fo" "--format"
expect "rpx holidays import --fo" "--force --format"
expect "rpx status --la" "--lang"
expect "rpx -" "--color --file --help --holidays --lang --rules --today --version -h"
expect "rpx workdays is --" "--color --file --help --holidays --lang --rules --today --version"
expect "rpx --lang " "en ko zh"
expect "rpx --lang=k" "ko"
expect "rpx --lang zh st" "status"
expect "rpx status --color " "always auto never"
expect "rpx done photo --on " ""
expect "rpx workdays add 2026-12-01 " ""
expect "rpx status --format json --today 2026-11-25 --" "--color --file --format --help --holidays --lang --rules --today --version"

# File names, in a directory that holds roster.csv, notes.txt, students/.
cd "$4" || exit 1
expect "rpx --file " "glob notes.txt roster.csv students"
expect "rpx --file glob/g" "glob/g* glob/ga"
expect "rpx --file r" "roster.csv"
expect "rpx --file=r" "roster.csv"
expect "rpx status --file n" "notes.txt"
expect "rpx --file roster.csv st" "status"
expect "rpx export ics -o r" "roster.csv"
expect "rpx check s" "students"
expect "rpx check g" "glob"
expect "rpx check students r" "roster.csv"
expect "rpx holidays import n" "notes.txt"
expect "rpx import roster.csv --into " "glob students"
expect "rpx import r" "roster.csv"
exit $fail
EOF

driver=$(dirname "$(realpath "$0")")/../lib/complete_bash.sh
fail=0
for mode in with without; do
  bash --norc --noprofile "$work/cases.sh" "$mode" "$work/rpx.bash" \
    "$driver" "$work/files" || fail=1
done
[ "$fail" = 0 ] && echo "ok"
exit $fail
