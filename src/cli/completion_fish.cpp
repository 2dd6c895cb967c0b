// The fish completion script: `complete -c rpx` lines, each under a
// condition that reads the command line as rpx does (`__rpx_using`).
#include <fmt/format.h>

#include <algorithm>

#include "completion.hpp"

namespace rpx::cli {

namespace {

/// `text` in fish's single quotes, where `\` and `'` are escaped.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

/// The candidates `-a` gives for `v`, or "".
std::string fish_candidates(const CompletedValue& v) {
  switch (v.kind) {
    case ValueKind::words:
      return " -a " + fish_quoted(v.comma_list
                                      ? "(__rpx_list " + joined(v.words) + ")"
                                      : joined(v.words));
    case ValueKind::directories:
      return " -a '(__rpx_directories)'";
    case ValueKind::none:
    case ValueKind::text:
    case ValueKind::files:
      break;
  }
  return "";
}

/// The arguments of `complete` for an option that takes `v`: files, or no
/// files and the candidates.
std::string fish_option_value(const CompletedValue& v) {
  switch (v.kind) {
    case ValueKind::none:
      return "";
    case ValueKind::files:
      return " -r -F";
    case ValueKind::text:
    case ValueKind::words:
    case ValueKind::directories:
      break;
  }
  return " -x" + fish_candidates(v);
}

/// `-n '__rpx_using "holidays import"'`, with `arguments` ("0", "1+")
/// when given. Commands are plain words: no quote or backslash to escape.
std::string fish_condition(const CompletedCommand& cmd,
                           const std::string& arguments = "") {
  std::string test = "__rpx_using \"" + joined_path(cmd) + "\"";
  if (!arguments.empty()) {
    test += " " + arguments;
  }
  return " -n " + fish_quoted(test);
}

std::string fish_option_line(const CompletedOption& o,
                             const std::string& when) {
  std::string out = "complete -c rpx" + when;
  for (const std::string& n : o.names) {
    out += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
  }
  return out + fish_option_value(o.value) + " -d " +
         fish_quoted(o.description) + "\n";
}

/// The tables `__rpx_state` reads: each command's subcommands, and the
/// options that take a value (so that the value is not taken for a
/// command or an argument), rpx's own after any command.
std::string fish_tables(const std::vector<CompletedCommand>& table) {
  std::string commands = "function __rpx_commands\n    switch $argv[1]\n";
  std::vector<std::string> own;
  std::vector<std::string> global;
  for (const CompletedCommand& cmd : table) {
    const std::string path = joined_path(cmd);
    if (!cmd.commands.empty()) {
      commands +=
          fmt::format("        case {}\n            string split ' ' {}\n",
                      fish_quoted(path), fish_quoted(joined(cmd.commands)));
    }
    for (const CompletedOption& o : cmd.options) {
      for (const std::string& n : o.names) {
        if (o.value.kind == ValueKind::none) {
          continue;
        }
        if (cmd.path.empty()) {
          global.push_back("'*|" + n + "'");
        } else {
          own.push_back(fish_quoted(path + "|" + n));
        }
      }
    }
  }
  commands += "    end\nend\n\n";
  own.insert(own.end(), global.begin(), global.end());
  std::string values =
      "function __rpx_takes_value\n    switch \"$argv[1]|$argv[2]\"\n"
      "        case";
  for (const std::string& pattern : own) {
    values += " \\\n                " + pattern;
  }
  return commands + values +
         "\n            return 0\n    end\n    return 1\nend\n\n";
}

constexpr const char* k_fish_head =
    R"(# fish completion for rpx, made by `rpx completion fish` from the commands
# and options that `rpx --help` lists. Installed in fish's
# vendor_completions.d, or saved as ~/.config/fish/completions/rpx.fish.

)";

constexpr const char* k_fish_functions =
    R"(# The command on the command line, as rpx reads it: the number of
# arguments after it, then its words ("holidays", "import"; none for rpx).
function __rpx_state
    set -l cmd
    set -l n 0
    set -l skip 0
    set -l options 1
    for w in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
        else if test $options = 1; and string match -q -- '-?*' $w
            if test $w = --
                set options 0
            else if not string match -q -- '*=*' $w
                and __rpx_takes_value "$cmd" $w
                set skip 1
            end
        else if test $n = 0; and contains -- $w (__rpx_commands "$cmd")
            set -a cmd $w
        else
            set n (math $n + 1)
        end
    end
    echo $n
    string join \n -- $cmd
end

# Whether the command on the command line is $argv[1] ("" for rpx), with
# $argv[2] arguments after it when given: "N" exactly, "N+" at least.
function __rpx_using
    set -l state (__rpx_state)
    set -l cmd (string join ' ' -- $state[2..-1])
    test "$cmd" = "$argv[1]"; or return 1
    set -q argv[2]; or return 0
    set -l want (string trim -r -c + -- $argv[2])
    if string match -q -- '*+' $argv[2]
        test $state[1] -ge $want
    else
        test $state[1] -eq $want
    end
end

# Each of $argv after the last comma of the word being completed.
function __rpx_list
    set -l word (string replace -r -- '^-[^=]*=' '' (commandline -ct))
    set -l before (string match -r -- '^.*,' $word; or echo)
    printf '%s\n' $before$argv
end

function __rpx_directories
    __fish_complete_directories (string replace -r -- '^-[^=]*=' '' (commandline -ct))
end

# No file names unless a value is one.
complete -c rpx -f
)";

/// The lines of `cmd`: its subcommands, its options (rpx's everywhere), the
/// values of its arguments.
std::string fish_command_lines(const std::vector<CompletedCommand>& table,
                               const CompletedCommand& cmd) {
  std::string out;
  for (const CompletedCommand* sub : subcommands_of(table, cmd)) {
    out += "complete -c rpx" + fish_condition(cmd, "0") + " -a " +
           fish_quoted(sub->path.back()) + " -d " +
           fish_quoted(sub->description) + "\n";
  }
  const CompletedCommand& root = table.front();
  for (const CompletedOption& o : cmd.options) {
    const bool global = std::any_of(
        root.options.begin(), root.options.end(),
        [&o](const CompletedOption& r) { return r.names == o.names; });
    if (cmd.path.empty()) {
      out += fish_option_line(o, "");
    } else if (!global) {
      out += fish_option_line(o, fish_condition(cmd));
    }
  }
  for (std::size_t i = 0; i < cmd.arguments.size(); ++i) {
    const CompletedValue& v = cmd.arguments[i];
    if (v.kind == ValueKind::text) {
      continue;
    }
    const bool rest = cmd.last_repeats && i + 1 == cmd.arguments.size();
    out += "complete -c rpx" +
           fish_condition(cmd, std::to_string(i) + (rest ? "+" : "")) +
           (v.kind == ValueKind::files ? " -F" : fish_candidates(v)) + "\n";
  }
  return out;
}

}  // namespace

std::string fish_completion(const std::vector<CompletedCommand>& table) {
  std::string out = k_fish_head + fish_tables(table) + k_fish_functions;
  for (const CompletedCommand& cmd : table) {
    if (const std::string lines = fish_command_lines(table, cmd);
        !lines.empty()) {
      out += "\n# rpx" + (cmd.path.empty() ? "" : " " + joined_path(cmd)) +
             "\n" + lines;
    }
  }
  return out;
}

}  // namespace rpx::cli
