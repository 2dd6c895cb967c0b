#include "usage.hpp"

#include <algorithm>
#include <rpx/errors.hpp>
#include <rpx/messages.hpp>
#include <rpx/steps.hpp>
#include <rpx/suggest.hpp>

namespace rpx::cli {

namespace {

using Kind = RejectedValue::Kind;
using Chain = std::vector<const CLI::App*>;

/// What a refusal returns to CLI11: never shown, usage_message words it.
constexpr const char* k_refused = "refused";

std::string name_of(const CLI::Option& opt) {
  return opt.get_positional() ? opt.get_name(true) : opt.get_name();
}

std::string help_of(const CLI::App& app) {
  return command_path(app) + " --help";
}

/// The commands chosen on the command line: `root` first, then each
/// subcommand CLI11 parsed, so far as it got.
Chain parsed_chain(const CLI::App& root) {
  Chain chain{&root};
  for (auto subs = root.get_subcommands(); !subs.empty();
       subs = chain.back()->get_subcommands()) {
    chain.push_back(subs.front());
  }
  return chain;
}

const CLI::App* find_command(const CLI::App& app, std::string_view name) {
  const auto subs = app.get_subcommands(
      [name](const CLI::App* sub) { return sub->get_name() == name; });
  return subs.empty() ? nullptr : subs.front();
}

std::optional<std::string> suggestion(std::string_view typed,
                                      const std::vector<std::string>& names) {
  const std::vector<std::string_view> views(names.begin(), names.end());
  const auto s = suggest(typed, views);
  return s ? std::optional<std::string>(*s) : std::nullopt;
}

/// "-x", "--xyz", "--xyz=1"; not "-", "--" nor a negative number.
bool is_option_like(std::string_view arg) {
  return arg.size() > 1 && arg[0] == '-' && arg != "--" &&
         !(arg[1] >= '0' && arg[1] <= '9');
}

Message unknown_command(const CLI::App& parent, std::string_view word) {
  // The words after "rpx": "workdays ad", with "workdays " before both.
  const std::string path = command_path(parent);
  const std::string before =
      path.size() > 3 ? path.substr(4) + " " : std::string();
  const std::string typed = before + std::string(word);
  if (const auto s = suggestion(word, command_names(parent))) {
    return Message("usage.unknown_command.suggest",
                   {{"command", typed}, {"suggestion", before + *s}});
  }
  return Message("usage.unknown_command",
                 {{"command", typed}, {"help", help_of(parent)}});
}

/// Candidates from the chosen command first, then the commands above it
/// (global options work everywhere).
Message unknown_option(const Chain& chain, std::string_view arg) {
  const std::string typed(arg.substr(0, arg.find('=')));
  std::vector<std::string> names;
  for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
    for (const CLI::Option* opt : (*app)->get_options()) {
      if (!opt->get_group().empty()) {
        const auto& l = opt->get_lnames();
        names.insert(names.end(), l.begin(), l.end());
      }
    }
  }
  const std::string_view bare =
      std::string_view(typed).substr(typed.find_first_not_of('-'));
  const std::string help = help_of(*chain.back());
  if (const auto s = suggestion(bare, names)) {
    return Message(
        "usage.unknown_option.suggest",
        {{"option", typed}, {"suggestion", "--" + *s}, {"help", help}});
  }
  return Message("usage.unknown_option", {{"option", typed}, {"help", help}});
}

/// The first argument nothing took: an unknown option, a misspelt command
/// when none was chosen, else one argument too many.
Message extras_message(const CLI::App& root, const Chain& chain) {
  const std::vector<std::string> extras = root.remaining(true);
  const std::string first = extras.empty() ? std::string() : extras.front();
  if (is_option_like(first)) {
    return unknown_option(chain, first);
  }
  if (chain.size() == 1) {
    return unknown_command(root, first);
  }
  return Message("usage.extra_argument",
                 {{"argument", first}, {"help", help_of(*chain.back())}});
}

/// A command that needs a subcommand got none, or a required option or
/// argument is missing.
std::optional<Message> required_message(const CLI::App& root,
                                        const Chain& chain) {
  const CLI::App& cmd = *chain.back();
  if (cmd.get_require_subcommand_min() > 0 && cmd.get_subcommands().empty()) {
    // A misspelt subcommand is among the arguments nothing took.
    for (const std::string& arg : root.remaining(true)) {
      if (!is_option_like(arg)) {
        return unknown_command(cmd, arg);
      }
    }
    return Message("usage.missing_command",
                   {{"command", command_path(cmd)},
                    {"expected", or_list(command_names(cmd))},
                    {"help", help_of(cmd)}});
  }
  for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
    for (const CLI::Option* opt : (*app)->get_options()) {
      if (!opt->get_required() || opt->count() > 0) {
        continue;
      }
      if (opt->get_positional()) {
        return Message("usage.missing_argument",
                       {{"argument", name_of(*opt)}, {"help", help_of(cmd)}});
      }
      return Message("usage.missing_option",
                     {{"option", name_of(*opt)}, {"help", help_of(cmd)}});
    }
  }
  return std::nullopt;
}

/// The option CLI11 names in `what`: "--on: 1 required DATE missing",
/// "Could not convert: --bom = x".
const CLI::Option* named_option(const Chain& chain, std::string_view what) {
  std::size_t pos = 0;
  while ((pos = what.find('-', pos)) != std::string_view::npos) {
    const std::size_t end = what.find_first_of(": =", pos);
    const std::string name(what.substr(pos, end - pos));
    for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
      if (const CLI::Option* opt = (*app)->get_option_no_throw(name)) {
        return opt;
      }
    }
    pos = end;
  }
  return nullptr;
}

/// An option given no value, or a flag given one.
std::optional<Message> value_count_message(const Chain& chain,
                                           std::string_view what) {
  const CLI::Option* opt = named_option(chain, what);
  if (opt == nullptr) {
    return std::nullopt;
  }
  const std::string name = name_of(*opt);
  const std::string help = help_of(*chain.back());
  if (opt->get_expected_max() == 0) {  // a flag
    return Message("usage.flag_value", {{"option", name}, {"help", help}});
  }
  return Message("usage.missing_value", {{"option", name}, {"help", help}});
}

Message rejected_message(const RejectedValue& r, const Chain& chain) {
  // The help that lists the option: a global one's is rpx --help.
  const CLI::App* owner = chain.back();
  for (auto app = chain.rbegin(); app != chain.rend(); ++app) {
    if ((*app)->get_option_no_throw(r.option) != nullptr) {
      owner = *app;
      break;
    }
  }
  const std::string help = help_of(*owner);
  const auto s = suggestion(r.value, r.accepted);
  switch (r.kind) {
    case Kind::command:
      return unknown_command(*owner, r.value);
    case Kind::step:
      if (s) {
        return Message("usage.unknown_step.suggest",
                       {{"step", r.value}, {"suggestion", *s}, {"help", help}});
      }
      return Message(
          "usage.unknown_step",
          {{"step", r.value}, {"expected", r.expected}, {"help", help}});
    case Kind::value:
      break;
  }
  if (s) {
    return Message("usage.invalid_value.suggest", {{"value", r.value},
                                                   {"option", r.option},
                                                   {"suggestion", *s},
                                                   {"help", help}});
  }
  return Message(
      "usage.invalid_value",
      {{"value", r.value},
       {"option", r.option},
       {"expected", r.expected.empty() ? or_list(r.accepted) : r.expected},
       {"help", help}});
}

std::optional<Message> specific_message(
    const CLI::App& root, const Chain& chain, const CLI::ParseError& e,
    const std::optional<RejectedValue>& rejected) {
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    return extras_message(root, chain);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    return required_message(root, chain);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr ||
      dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    return value_count_message(chain, e.what());
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && rejected) {
    return rejected_message(*rejected, chain);
  }
  return std::nullopt;
}

}  // namespace

CLI::Option* accept_only(CLI::Option* opt, Context& ctx,
                         std::vector<std::string> values) {
  const std::string name = name_of(*opt);
  // One list: the check reads the one completion offers (a map's elements
  // stay where they are).
  const std::vector<std::string>& accepted = ctx.accepted[opt] =
      std::move(values);
  return opt->check(CLI::Validator(
      [&ctx, name, &accepted](std::string& v) -> std::string {
        if (std::find(accepted.begin(), accepted.end(), v) != accepted.end()) {
          return {};
        }
        ctx.rejected = RejectedValue{Kind::value, name, v, accepted, ""};
        return k_refused;
      },
      ""));
}

CLI::Option* accept_step(CLI::Option* opt, Context& ctx) {
  const std::string name = name_of(*opt);
  std::vector<std::string>& accepted = ctx.accepted[opt];
  accepted.assign(k_step_ids.begin(), k_step_ids.end());
  for (std::size_t n = 1; n <= k_step_count; ++n) {
    accepted.push_back(std::to_string(n));
  }
  return opt->check(CLI::Validator(
      [&ctx, name](std::string& v) -> std::string {
        if (!step_id(v).empty()) {
          return {};
        }
        std::vector<std::string> ids(k_step_ids.begin(), k_step_ids.end());
        std::vector<std::string> expected = ids;
        expected.emplace_back("1–5");
        ctx.rejected =
            RejectedValue{Kind::step, name, v, ids, or_list(expected)};
        return k_refused;
      },
      ""));
}

CLI::Option* accept_later(CLI::Option* opt, Context& ctx,
                          std::vector<std::string> values) {
  ctx.accepted[opt] = std::move(values);
  return opt;
}

CLI::Option* refuse_misspelt_commands(CLI::Option* opt, Context& ctx,
                                      std::vector<std::string> commands) {
  const std::string name = name_of(*opt);
  return opt->check(CLI::Validator(
      [&ctx, name, commands](std::string& v) -> std::string {
        if (!suggestion(v, commands)) {
          return {};
        }
        ctx.rejected = RejectedValue{Kind::command, name, v, commands, ""};
        return k_refused;
      },
      ""));
}

CLI::Option* refuse_empty(CLI::Option* opt, Context& ctx,
                          std::string expected) {
  const std::string name = name_of(*opt);
  return opt->check(CLI::Validator(
      [&ctx, name, expected](std::string& v) -> std::string {
        if (!v.empty()) {
          return {};
        }
        ctx.rejected = RejectedValue{Kind::value, name, v, {}, expected};
        return k_refused;
      },
      ""));
}

std::string or_list(const std::vector<std::string>& items) {
  if (items.size() < 2) {
    return items.empty() ? std::string() : items.front();
  }
  return tr("usage.list.or",
            {{"list", comma_list({items.begin(), items.end() - 1})},
             {"last", items.back()}});
}

std::string comma_list(const std::vector<std::string>& items) {
  const std::string separator = tr("usage.list.separator");
  std::string list;
  for (const std::string& item : items) {
    list += (list.empty() ? "" : separator) + item;
  }
  return list;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands(
           [](const CLI::App* s) { return !s->get_name().empty(); })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string command_path(const CLI::App& app) {
  const CLI::App* parent = app.get_parent();
  return parent == nullptr ? app.get_name()
                           : command_path(*parent) + " " + app.get_name();
}

std::string usage_message(const CLI::App& root, const CLI::ParseError& e,
                          const std::optional<RejectedValue>& rejected) {
  const Chain chain = parsed_chain(root);
  const std::optional<Message> m = specific_message(root, chain, e, rejected);
  return (m ? *m
            : Message("usage.other",
                      {{"what", e.what()}, {"help", help_of(*chain.back())}}))
      .in(output_lang());
}

const CLI::App& resolve_command(const CLI::App& root,
                                const std::vector<std::string>& words) {
  const CLI::App* app = &root;
  for (const std::string& word : words) {
    const CLI::App* sub = find_command(*app, word);
    if (sub == nullptr) {
      throw UsageError(unknown_command(*app, word));
    }
    app = sub;
  }
  return *app;
}

}  // namespace rpx::cli
