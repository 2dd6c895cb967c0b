// The zsh completion script: one `_arguments` function per command, the
// subcommands offered with `_describe`.
#include <fmt/format.h>

#include <algorithm>

#include "completion.hpp"

namespace rpx::cli {

namespace {

/// `_rpx`, `_rpx__holidays__import`, `_rpx__set__student_id`.
std::string zsh_function(const CompletedCommand& cmd) {
  std::string out = "_rpx";
  for (const std::string& word : cmd.path) {
    out += "__" + word;
  }
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

/// `text` with what `_arguments` and `_describe` read specially escaped.
std::string zsh_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '[' || c == ']' || c == ':') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

/// The `:MESSAGE:ACTION` that ends a spec taking a value.
std::string zsh_action(const CompletedValue& v) {
  const std::string label = zsh_escaped(v.label.empty() ? "VALUE" : v.label);
  std::string words;
  for (const std::string& w : v.words) {
    words += (words.empty() ? "" : " ") + w;
  }
  switch (v.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::text:
      return ":" + label + ": ";
    case ValueKind::words:
      return v.comma_list
                 ? fmt::format(":{0}:_values -s , {0} {1}", label, words)
                 : fmt::format(":{}:({})", label, words);
    case ValueKind::files:
      return ":" + label + ":_files";
    case ValueKind::directories:
      return ":" + label + ":_files -/";
  }
  return "";
}

/// One `_arguments` spec per name of `o`, each excluding the others.
std::string option_specs(const CompletedOption& o) {
  std::string exclusion;
  if (o.names.size() > 1) {
    for (const std::string& n : o.names) {
      exclusion += (exclusion.empty() ? "(" : " ") + n;
    }
    exclusion += ")";
  }
  std::string out;
  for (const std::string& n : o.names) {
    const bool takes = o.value.kind != ValueKind::none;
    const std::string name = n + (!takes ? "" : n.size() == 2 ? "+" : "=");
    out += " \\\n    " +
           single_quoted(exclusion + name + "[" + zsh_escaped(o.description) +
                         "]" + zsh_action(o.value));
  }
  return out;
}

std::string command_function(const std::vector<CompletedCommand>& table,
                             const CompletedCommand& cmd) {
  const auto subs = subcommands_of(table, cmd);
  std::string out = zsh_function(cmd) + "() {\n";
  if (!subs.empty()) {
    out += "  local curcontext=$curcontext state state_descr line ret=1\n";
    out += "  typeset -A opt_args\n";
  }
  out += subs.empty() ? "  _arguments -s -S" : "  _arguments -C -s -S";
  for (const CompletedOption& o : valid_options(table, cmd)) {
    out += option_specs(o);
  }
  if (!subs.empty()) {
    out += " \\\n    '1: :->command' \\\n    '*:: :->args' && ret=0\n";
    out += "  case $state in\n    command)\n      local -a commands=(\n";
    for (const CompletedCommand* sub : subs) {
      out += "        " +
             single_quoted(sub->path.back() + ":" + sub->description) + "\n";
    }
    out +=
        "      )\n      _describe -t commands command commands && ret=0\n"
        "      ;;\n    args)\n";
    out += fmt::format(
        "      local next={}__${{words[1]//-/_}}\n"
        "      (( $+functions[$next] )) && $next && ret=0\n"
        "      ;;\n  esac\n  return ret\n}}\n\n",
        zsh_function(cmd));
    return out;
  }
  for (std::size_t i = 0; i < cmd.arguments.size(); ++i) {
    const CompletedValue& v = cmd.arguments[i];
    const bool rest = cmd.last_repeats && i + 1 == cmd.arguments.size();
    out += " \\\n    " +
           single_quoted((rest ? "*" : std::to_string(i + 1)) + zsh_action(v));
  }
  return out + "\n}\n\n";
}

constexpr const char* k_zsh_head = R"(#compdef rpx
# zsh completion for rpx, made by `rpx completion zsh` from the commands and
# options that `rpx --help` lists. Installed as _rpx in a directory of
# $fpath (vendor-completions), or loaded after compinit with
# `source <(rpx completion zsh)`.

)";

constexpr const char* k_zsh_tail =
    R"(# Autoloaded from $fpath, this file is the body of _rpx: it defines the
# functions, then completes. Sourced, it registers _rpx for rpx.
if [[ $funcstack[1] == _rpx ]]; then
  _rpx "$@"
else
  compdef _rpx rpx
fi
)";

}  // namespace

std::string zsh_completion(const std::vector<CompletedCommand>& table) {
  std::string out = k_zsh_head;
  for (const CompletedCommand& cmd : table) {
    out += command_function(table, cmd);
  }
  return out + k_zsh_tail;
}

}  // namespace rpx::cli
