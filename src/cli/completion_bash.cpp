// The bash completion script: the command table as three `case`
// statements, and one function that reads the command line with them.
#include <fmt/format.h>

#include "completion.hpp"

namespace rpx::cli {

namespace {

/// What `_rpx_value` answers: "" for a flag, else "text", "files", "dirs",
/// "words W..." or "list W..." (comma-separated).
std::string bash_spec(const CompletedValue& v) {
  switch (v.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::text:
      return "text";
    case ValueKind::words:
      return (v.comma_list ? "list " : "words ") + joined(v.words);
    case ValueKind::files:
      return "files";
    case ValueKind::directories:
      return "dirs";
  }
  return "";
}

std::string case_line(const std::string& pattern, const std::string& reply) {
  return fmt::format("    {}) REPLY={} ;;\n", pattern, single_quoted(reply));
}

std::string commands_case(const std::vector<CompletedCommand>& table) {
  std::string out;
  for (const CompletedCommand& cmd : table) {
    if (!cmd.commands.empty()) {
      out += case_line(single_quoted(joined_path(cmd)), joined(cmd.commands));
    }
  }
  return out;
}

std::string options_case(const std::vector<CompletedCommand>& table) {
  std::string out;
  for (const CompletedCommand& cmd : table) {
    std::vector<std::string> names;
    for (const CompletedOption& o : valid_options(table, cmd)) {
      names.insert(names.end(), o.names.begin(), o.names.end());
    }
    out += case_line(single_quoted(joined_path(cmd)), joined(names));
  }
  return out;
}

/// A command's options and arguments first, then rpx's options, which are
/// valid after any command.
std::string values_case(const std::vector<CompletedCommand>& table) {
  std::string out;
  // rpx's own options match after any command: *'|--file'.
  const auto options = [&out](const CompletedCommand& cmd) {
    const std::string path = joined_path(cmd);
    for (const CompletedOption& o : cmd.options) {
      for (const std::string& name : o.names) {
        if (o.value.kind != ValueKind::none) {
          out += case_line(cmd.path.empty() ? "*" + single_quoted("|" + name)
                                            : single_quoted(path + "|" + name),
                           bash_spec(o.value));
        }
      }
    }
  };
  for (const CompletedCommand& cmd : table) {
    if (cmd.path.empty()) {
      continue;
    }
    const std::string path = joined_path(cmd);
    options(cmd);
    const std::size_t n = cmd.arguments.size();
    for (std::size_t i = 0; i < n; ++i) {
      const std::string s = bash_spec(cmd.arguments[i]);
      if (s == "text") {
        continue;
      }
      // The last argument of a command that takes several: #i and after.
      out += cmd.last_repeats && i + 1 == n
                 ? case_line(single_quoted(fmt::format("{}|#", path)) + "*", s)
                 : case_line(single_quoted(fmt::format("{}|#{}", path, i)), s);
    }
  }
  options(table.front());
  return out;
}

constexpr const char* k_bash_head =
    R"(# bash completion for rpx                                 -*- shell-script -*-
# Made by `rpx completion bash` from the commands and options that
# `rpx --help` lists. Installed as bash-completion/completions/rpx, or
# loaded with `source <(rpx completion bash)`.

# REPLY: the subcommands of command $1 ("" is rpx, "holidays import" one of
# its subcommands).
_rpx_commands() {
  case $1 in
)";

constexpr const char* k_bash_options = R"(    *) REPLY='' ;;
  esac
}

# REPLY: the options valid after command $1: its own, then rpx's.
_rpx_options() {
  case $1 in
)";

constexpr const char* k_bash_values = R"(    *) REPLY='' ;;
  esac
}

# REPLY: what option $2 of command $1 takes, or argument #N of it when $2
# is "#N": "" for a flag (or nothing to offer), "text", "files", "dirs",
# "words W..." (one of them) or "list W..." (comma-separated).
_rpx_value() {
  case "$1|${2%%=*}" in
)";

constexpr const char* k_bash_tail = R"(    *) REPLY='' ;;
  esac
}

# Without bash-completion: COMP_WORDS with "--opt", "=", "value" joined
# into "--opt=value" again (COMP_WORDBREAKS splits at "="), and cur, prev
# and split as `_init_completion -s` sets them.
_rpx_words() {
  local i w
  words=()
  cword=0
  for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]})) &&
      { [[ $w == = && ${words[-1]} == -* && ${words[-1]} != *=* ]] ||
        [[ ${words[-1]} == -*= && ${COMP_WORDS[i - 1]} == = ]]; }; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
    ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
  done
  cur=${words[cword]}
  prev=${words[cword - 1]}
  if [[ $cur == -*=* ]]; then
    prev=${cur%%=*}
    cur=${cur#*=}
    split=true
  fi
}

# COMPREPLY: the subcommands $2 and what value spec $1 offers. mapfile, not
# COMPREPLY=($(...)): a file name is one reply, never split or globbed.
_rpx_offer() {
  local kind=${1%% *} list=${1#* } IFS=$' \t\n'
  mapfile -t COMPREPLY < <(compgen -W "${2-}" -- "$cur")
  case $kind in
    words) mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -W "$list" -- "$cur") ;;
    list)
      local prefix=
      [[ $cur == *,* ]] && prefix=${cur%,*},
      mapfile -t -O ${#COMPREPLY[@]} COMPREPLY \
        < <(compgen -P "$prefix" -W "$list" -- "${cur##*,}")
      ;;
    files | dirs)
      if declare -F _filedir >/dev/null; then
        if [[ $kind == dirs ]]; then _filedir -d; else _filedir; fi
      else
        compopt -o filenames 2>/dev/null
        local flag=-f
        [[ $kind == dirs ]] && flag=-d
        mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen "$flag" -- "$cur")
      fi
      ;;
  esac
}

_rpx() {
  local cur prev words cword split=false REPLY
  if declare -F _init_completion >/dev/null; then
    _init_completion -s || return
  else
    _rpx_words
  fi
  # The command so far, the arguments after it, and whether the word being
  # completed is an option's value.
  local cmd= n=0 i w value= options=true
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
    if [[ $options == true && $w == -?* ]]; then
      if [[ $w == -- ]]; then
        options=false
      elif [[ $w != *=* ]]; then
        _rpx_value "$cmd" "$w"
        if [[ -n $REPLY ]]; then
          ((i + 1 == cword)) && value=$REPLY
          ((i++))
        fi
      fi
    elif ((n == 0)) && _rpx_commands "$cmd" && [[ " $REPLY " == *" $w "* ]]; then
      cmd=${cmd:+$cmd }$w
    else
      ((n++))
    fi
  done
  if [[ $split == true ]]; then
    _rpx_value "$cmd" "$prev"
    value=${REPLY:-none}
  fi
  if [[ -n $value ]]; then
    _rpx_offer "$value"
  elif [[ $options == true && $cur == -* ]]; then
    _rpx_options "$cmd"
    mapfile -t COMPREPLY < <(compgen -W "$REPLY" -- "$cur")
  else
    w=
    ((n == 0)) && _rpx_commands "$cmd" && w=$REPLY
    _rpx_value "$cmd" "#$n"
    _rpx_offer "$REPLY" "$w"
  fi
}

complete -F _rpx rpx
)";

}  // namespace

std::string bash_completion(const std::vector<CompletedCommand>& table) {
  return k_bash_head + commands_case(table) + k_bash_options +
         options_case(table) + k_bash_values + values_case(table) + k_bash_tail;
}

}  // namespace rpx::cli
