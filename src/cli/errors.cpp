// The one place where errors become a line on stderr and an exit code
// (docs/cli.md, "Exit codes").
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <new>
#include <optional>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <rpx/fsutil.hpp>
#include <string>
#include <system_error>

#include "app.hpp"
#include "commands.hpp"
#include "lang.hpp"
#include "usage.hpp"

namespace rpx::cli {

namespace {

namespace ex = rpx::exit_status;

/// Writes `text` to stderr, unbuffered.
void write_stderr(std::string_view text) noexcept {
  while (!text.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// One line: CLI11's messages may span several.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n') {
      c = ' ';
    }
  }
  while (!s.empty() && s.back() == ' ') {
    s.pop_back();
  }
  return s;
}

/// "rpx: out of memory", worded before memory can run out: written when
/// even the line of an error could not be made.
class OutOfMemoryLine {
 public:
  OutOfMemoryLine() {
    try {
      m_line = "rpx: " + tr("error.out_of_memory") + "\n";
    } catch (...) {
      m_line.clear();
    }
  }
  std::string_view text() const noexcept {
    return m_line.empty() ? std::string_view("rpx: out of memory\n")
                          : std::string_view(m_line);
  }

 private:
  std::string m_line;
};

/// Prints `rpx: message` and returns `code`, whatever happens to stderr
/// (closed, full): the exit code is the one the error deserves. When a
/// change was saved, the message says so, so that nobody repeats it.
int fail(const Context& ctx, int code, const std::string& message,
         const OutOfMemoryLine& oom) noexcept {
  std::fflush(stdout);
  try {
    std::string line = one_line(message);
    if (ctx.saved()) {
      line = tr("error.with_saved",
                {{"error", line},
                 {"saved",
                  Message("error.saved", {{"file", ctx.saved()->string()}})}});
    }
    write_stderr("rpx: " + line + "\n");
  } catch (...) {
    write_stderr(oom.text());
  }
  return code;
}

/// --help and --version print on stdout (exit 0); any other parse error is
/// a usage error, worded from the catalogue (usage.cpp).
int parse_failed(const Context& ctx, const CLI::App& app,
                 const CLI::ParseError& e, const OutOfMemoryLine& oom) {
  if (dynamic_cast<const CLI::CallForHelp*>(&e) != nullptr) {
    fmt::print("{}", app.help());  // the help of the command it follows
    return ex::k_ok;
  }
  if (dynamic_cast<const CLI::Success*>(&e) != nullptr) {
    return app.exit(e);
  }
  return fail(ctx, ex::k_usage, usage_message(app, e, ctx.rejected), oom);
}

/// The error's message in the output language; its English wording if that
/// fails (the catalogue itself may be what is broken).
std::string worded(const Error& e) {
  try {
    return e.message().in(output_lang());
  } catch (const std::exception&) {
    return e.what();
  }
}

/// A bug's message: "internal error: `what`; please report this bug", in
/// the output language around the English `what`.
std::string internal(const std::string& what) {
  return worded(InternalError(what));
}

/// "cannot write to standard output", with the reason when there is one.
std::string stdout_failed_message(const std::error_code* ec) {
  return ec == nullptr
             ? tr("error.stdout")
             : tr("error.stdout_reason", {{"reason", errno_message(*ec)}});
}

bool stdout_failed() noexcept {
  return std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
}

}  // namespace

void warn(std::string_view lines) noexcept {
  std::fflush(stdout);
  write_stderr(lines);
}

int run(int argc, char** argv) {
  Context ctx;
  std::optional<OutOfMemoryLine> oom;
  const auto fail = [&ctx, &oom](int code, const std::string& message) {
    if (!oom) {
      oom.emplace();
    }
    return cli::fail(ctx, code, message, *oom);
  };
  try {
    set_output_lang(choose_lang(argc, argv));
    oom.emplace();
    CLI::App app;
    build_app(app, ctx);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return parse_failed(ctx, app, e, *oom);
    }
    if (!ctx.globals.today.empty()) {
      ctx.today();  // a bad --today is a usage error for every command
    }
    if (!ctx.run) {
      ctx.run = [&ctx] { return run_default(ctx); };
    }
    const int code = ctx.run();
    if (stdout_failed()) {
      return fail(ex::k_io, stdout_failed_message(nullptr));
    }
    return code;
  } catch (const Error& e) {
    return fail(e.exit_code(), worded(e));
  } catch (const std::bad_alloc&) {
    try {
      return fail(ex::k_internal, tr("error.out_of_memory"));
    } catch (...) {
      std::fflush(stdout);
      write_stderr(oom ? oom->text() : "rpx: out of memory\n");
      return ex::k_internal;
    }
  } catch (const std::system_error& e) {
    // fmt::print reports a failed write to stdout this way.
    if (stdout_failed()) {
      return fail(ex::k_io, stdout_failed_message(&e.code()));
    }
    return fail(ex::k_internal, internal(e.what()));
  } catch (const std::exception& e) {
    return fail(ex::k_internal, internal(e.what()));
  } catch (...) {
    return fail(ex::k_internal, internal("unknown exception"));
  }
}

}  // namespace rpx::cli
