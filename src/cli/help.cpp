#include "help.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <rpx/messages.hpp>

#include "help_layout.hpp"

namespace rpx::cli {

namespace {

/// Where descriptions start in the lists of options and of commands (or
/// two columns after the longest command's name).
constexpr std::size_t k_column = 22;
constexpr std::size_t k_command_column = 12;
/// Where an exit code's meaning starts.
constexpr std::size_t k_code_column = 7;

/// "Options:", "选项：": a section's title in the language's punctuation.
std::string heading(std::string_view title) {
  return tr("help.heading", {{"title", title}}) + "\n";
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

/// CLI11's help, laid out by display width, with its labels and headings
/// from the catalogue.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode /*mode*/) const override {
    std::string out = make_description(app) + "\n";
    out += make_usage(app, name);
    out += make_positionals(app);
    out += make_options(app);
    out += make_subcommands(app, CLI::AppFormatMode::Normal);
    out += make_footer(app);
    if (app->get_parent() != nullptr) {
      out += "\n" + wrapped(tr("help.global_options"));
    }
    return out;
  }

  std::string make_description(const CLI::App* app) const override {
    return wrapped(app->get_description());
  }

  std::string make_usage(const CLI::App* app, std::string name) const override {
    std::string out = name;
    if (!app->get_options(
                [](const CLI::Option* o) { return o->nonpositional(); })
             .empty()) {
      out += " [" + get_label("OPTIONS") + "]";
    }
    for (const CLI::Option* p : app->get_options(
             [](const CLI::Option* o) { return o->get_positional(); })) {
      out += " " + make_option_usage(p);
    }
    if (!visible_commands(app, "").empty()) {
      const bool optional = app->get_require_subcommand_min() == 0;
      out += " " + std::string(optional ? "[" : "") + get_label("SUBCOMMAND") +
             (optional ? "]" : "");
    }
    return tr("help.usage", {{"label", get_label("Usage")}, {"line", out}}) +
           "\n";
  }

  std::string make_positionals(const CLI::App* app) const override {
    const auto opts = app->get_options([](const CLI::Option* o) {
      return !o->get_group().empty() && o->get_positional();
    });
    return opts.empty() ? std::string()
                        : make_group(get_label("Positionals"), true, opts);
  }

  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    std::string out = "\n" + heading(get_label(group));
    for (const CLI::Option* opt : opts) {
      out += make_option(opt, is_positional);
    }
    return out;
  }

  std::string make_subcommands(const CLI::App* app,
                               CLI::AppFormatMode /*mode*/) const override {
    std::vector<std::string> groups;
    for (const CLI::App* sub : visible_commands(app, "")) {
      if (std::find(groups.begin(), groups.end(), sub->get_group()) ==
          groups.end()) {
        groups.push_back(sub->get_group());
      }
    }
    std::string out;
    for (const std::string& group : groups) {
      out += "\n" + heading(get_label(group));
      for (const CLI::App* sub : visible_commands(app, group)) {
        out += make_subcommand(sub);
      }
    }
    return out;
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return two_columns("  " + sub->get_name(),
                       first_line(sub->get_description()),
                       command_column(sub->get_parent()));
  }

  std::string make_footer(const CLI::App* app) const override {
    // CLI11 ends the footer function's text with '\n' and the footer
    // string, which rpx leaves empty.
    std::string footer = app->get_footer();
    if (footer.ends_with('\n')) {
      footer.pop_back();
    }
    return footer.empty() ? std::string() : "\n" + footer;
  }

  std::string make_option(const CLI::Option* opt,
                          bool is_positional) const override {
    std::string left = "  " + make_option_name(opt, is_positional);
    if (!is_positional && opt->get_type_size() != 0 &&
        !opt->get_type_name().empty()) {
      left += " " + opt->get_type_name();
    }
    if (opt->get_expected_max() >= CLI::detail::expected_max_vector_size) {
      left += " ...";
    }
    if (opt->get_required()) {
      left += " " + get_label("REQUIRED");
    }
    std::string desc = opt->get_description();
    if (!opt->get_envname().empty()) {
      desc = tr("help.env", {{"text", desc}, {"name", opt->get_envname()}});
    }
    return two_columns(left, desc, k_column);
  }

 private:
  /// `app`'s named subcommands that are not hidden (group ""), in `group`
  /// unless that is "".
  static std::vector<const CLI::App*> visible_commands(
      const CLI::App* app, const std::string& group) {
    return app->get_subcommands([&group](const CLI::App* sub) {
      return !sub->get_name().empty() && !sub->get_group().empty() &&
             (group.empty() || sub->get_group() == group);
    });
  }

  static std::size_t command_column(const CLI::App* app) {
    std::size_t column = k_command_column;
    for (const CLI::App* sub : visible_commands(app, "")) {
      column = std::max(column, sub->get_name().size() + 4);
    }
    return column;
  }

  /// The options that are not positionals, by group.
  std::string make_options(const CLI::App* app) const {
    std::string out;
    for (const std::string& group : app->get_groups()) {
      const auto opts = app->get_options([&group](const CLI::Option* o) {
        return o->get_group() == group && o->nonpositional();
      });
      if (!group.empty() && !opts.empty()) {
        out += make_group(group, false, opts);
      }
    }
    return out;
  }
};

}  // namespace

void setup_help(CLI::App& app) {
  auto f = std::make_shared<HelpFormatter>();
  f->label("Usage", tr("help.label.usage"));
  f->label("OPTIONS", tr("help.label.options_badge"));
  f->label("SUBCOMMAND", tr("help.label.command_badge"));
  f->label("Positionals", tr("help.label.arguments"));
  f->label("Options", tr("help.label.options"));
  f->label("Subcommands", tr("help.label.commands"));
  f->label("REQUIRED", tr("help.label.required"));
  f->column_width(k_column);
  app.formatter(f);
  app.set_help_flag("-h,--help", tr("help.option.help"));
  app.set_version_flag("--version", "rpx " RPX_VERSION,
                       tr("help.option.version"));
}

void set_help_footer(CLI::App& cmd, std::vector<Example> examples,
                     std::vector<ExitCode> exit_codes,
                     std::vector<std::string> notes) {
  // Laid out when help is asked for, not by every command that runs.
  cmd.footer([examples = std::move(examples),
              exit_codes = std::move(exit_codes), notes = std::move(notes)] {
    std::string out;
    if (!exit_codes.empty()) {
      out += heading(tr("help.label.exit_codes"));
      for (const ExitCode& c : exit_codes) {
        out += two_columns("  " + std::to_string(c.code), c.meaning,
                           k_code_column);
      }
      out += "\n";
    }
    if (!examples.empty()) {
      out += heading(tr("help.label.examples"));
      for (const Example& e : examples) {
        for (const std::string& line : wrap(e.comment, k_help_width - 4)) {
          out += "  # " + line + "\n";
        }
        out += "  " + e.command + "\n";
      }
    }
    for (const std::string& note : notes) {
      out += "\n" + wrapped(note);
    }
    return out;
  });
}

std::string help_text(const CLI::App& app) {
  std::string name;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    name = name.empty() ? a->get_name() : a->get_name() + " " + name;
  }
  return app.get_formatter()->make_help(&app, name, CLI::AppFormatMode::Normal);
}

}  // namespace rpx::cli
