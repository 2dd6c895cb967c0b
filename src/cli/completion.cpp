// rpx completion bash|zsh|fish: the completion script for a shell, made
// from the command table that --help prints.
#include "completion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <rpx/messages.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

std::string summary(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

/// What `opt` takes: the values its check accepts, else what its type name
/// (the metavariable --help shows) says.
CompletedValue value_of(const CLI::Option& opt, const Context& ctx) {
  CompletedValue v;
  if (!opt.get_positional() && opt.get_expected_max() == 0) {
    return v;
  }
  v.label = opt.get_positional() ? opt.get_name() : opt.get_type_name();
  v.comma_list = opt.get_delimiter() == ',';
  if (const auto it = ctx.accepted.find(&opt); it != ctx.accepted.end()) {
    v.kind = ValueKind::words;
    v.words = it->second;
    return v;
  }
  const std::string type = opt.get_type_name();
  // DATE offers nothing: where today is meant it is the default already
  // (done --on), an expiry is not today, and a script could not know
  // rpx's today (China's, or --today).
  v.kind = type == "PATH" || type == "FILE" ? ValueKind::files
           : type == "DIR"                  ? ValueKind::directories
                                            : ValueKind::text;
  return v;
}

void add_command(std::vector<CompletedCommand>& table, const CLI::App& app,
                 std::vector<std::string> path, const Context& ctx) {
  CompletedCommand cmd;
  cmd.path = std::move(path);
  cmd.description = summary(app.get_description());
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) {
      cmd.arguments.push_back(value_of(*opt, ctx));
      cmd.last_repeats = opt->get_expected_max() > 1;
    } else if (!opt->get_group().empty()) {  // "" is hidden
      CompletedOption o;
      o.names = opt->get_snames();
      for (std::string& n : o.names) {
        n.insert(0, "-");
      }
      for (const std::string& n : opt->get_lnames()) {
        o.names.push_back("--" + n);
      }
      o.description = summary(opt->get_description());
      o.value = value_of(*opt, ctx);
      cmd.options.push_back(std::move(o));
    }
  }
  // Every named command, help too: rpx --help leaves it out of the list
  // only because its last line names it.
  const auto subs = app.get_subcommands(
      [](const CLI::App* s) { return !s->get_name().empty(); });
  for (const CLI::App* sub : subs) {
    cmd.commands.push_back(sub->get_name());
  }
  const std::vector<std::string> base = cmd.path;
  table.push_back(std::move(cmd));
  for (const CLI::App* sub : subs) {
    std::vector<std::string> p = base;
    p.push_back(sub->get_name());
    add_command(table, *sub, std::move(p), ctx);
  }
}

}  // namespace

std::vector<CompletedCommand> completion_table(const CLI::App& root,
                                               const Context& ctx) {
  std::vector<CompletedCommand> table;
  add_command(table, root, {}, ctx);
  return table;
}

std::vector<CompletedOption> valid_options(
    const std::vector<CompletedCommand>& table, const CompletedCommand& cmd) {
  std::vector<CompletedOption> out = cmd.options;
  if (cmd.path.empty()) {
    return out;
  }
  std::vector<std::string> own;
  for (const CompletedOption& o : cmd.options) {
    own.insert(own.end(), o.names.begin(), o.names.end());
  }
  for (const CompletedOption& o : table.front().options) {
    const bool taken =
        std::any_of(o.names.begin(), o.names.end(), [&own](const auto& n) {
          return std::find(own.begin(), own.end(), n) != own.end();
        });
    if (!taken) {
      out.push_back(o);
    }
  }
  return out;
}

std::vector<const CompletedCommand*> subcommands_of(
    const std::vector<CompletedCommand>& table, const CompletedCommand& cmd) {
  std::vector<const CompletedCommand*> out;
  for (const CompletedCommand& c : table) {
    if (c.path.size() == cmd.path.size() + 1 &&
        std::equal(cmd.path.begin(), cmd.path.end(), c.path.begin())) {
      out.push_back(&c);
    }
  }
  return out;
}

std::string joined_path(const CompletedCommand& cmd) {
  return joined(cmd.path);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string single_quoted(std::string_view word) {
  std::string out = "'";
  for (const char c : word) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

void add_completion(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("completion", tr("help.completion.about") + "\n\n" +
                                           tr("help.completion.text"));
  auto shell = std::make_shared<std::string>();
  const std::vector<std::string> shells{"bash", "zsh", "fish"};
  accept_only(cmd->add_option(
                  "SHELL", *shell,
                  tr("help.completion.shell", {{"values", or_list(shells)}})),
              ctx, shells)
      ->required();
  set_help_footer(
      *cmd,
      {{"source <(rpx completion bash)", tr("help.completion.example.bash")},
       {"rpx completion bash > ~/.local/share/bash-completion/completions/rpx",
        tr("help.completion.example.bash_user")},
       {"source <(rpx completion zsh)", tr("help.completion.example.zsh")},
       {"rpx completion fish > ~/.config/fish/completions/rpx.fish",
        tr("help.completion.example.fish")}});
  cmd->callback([&app, &ctx, shell] {
    ctx.run = [&app, &ctx, shell] {
      const std::vector<CompletedCommand> table = completion_table(app, ctx);
      fmt::print("{}", *shell == "bash"  ? bash_completion(table)
                       : *shell == "zsh" ? zsh_completion(table)
                                         : fish_completion(table));
      return 0;
    };
  });
}

}  // namespace rpx::cli
