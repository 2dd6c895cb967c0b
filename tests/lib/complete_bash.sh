# Calls the bash completion of rpx as bash does on TAB, for the tests:
# sourced after the completion script (and bash-completion, when wanted).
#
#   offered LINE   what TAB at the end of LINE offers, sorted (as bash
#                  lists it), on one line
#
# COMP_WORDS is LINE split at spaces and at "=" (which COMP_WORDBREAKS
# holds): "--format=j" is "--format", "=", "j", and "--format=" ends with
# "=". COMP_LINE and COMP_POINT are the line and its end.

rpx_completion_function() {
  local spec
  spec=$(complete -p rpx) || return 1
  spec=${spec#complete -F }
  printf '%s\n' "${spec% rpx}"
}

offered() {
  local line=$1 w function
  function=$(rpx_completion_function) || return 1
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMP_WORDS=()
  set -f
  for w in $line; do
    while [[ $w == *=* ]]; do
      COMP_WORDS+=("${w%%=*}" "=")
      w=${w#*=}
    done
    [ -n "$w" ] && COMP_WORDS+=("$w")
  done
  set +f
  [[ $line == *' ' ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  "$function" rpx "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd ' '
}
