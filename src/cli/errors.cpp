// The one place where errors become a line on stderr and an exit code
// (CLI.md, "Exit codes").
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <new>
#include <rpx/errors.hpp>
#include <rpx/exit_status.hpp>
#include <string>

#include "app.hpp"
#include "commands.hpp"

namespace rpx::cli {

namespace {

namespace ex = rpx::exit_status;

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

int fail(int code, const std::string& message) {
  std::fflush(stdout);
  fmt::print(stderr, "rpx: {}\n", one_line(message));
  return code;
}

int parse_failed(const CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::Success*>(&e) != nullptr) {
    return app.exit(e);  // --help, --version: printed on stdout, exit 0
  }
  return fail(ex::k_usage, fmt::format("{} (see rpx --help)", e.what()));
}

}  // namespace

int run(int argc, char** argv) {
  try {
    CLI::App app;
    Context ctx;
    build_app(app, ctx);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return parse_failed(app, e);
    }
    if (!ctx.globals.today.empty()) {
      ctx.today();  // a bad --today is a usage error for every command
    }
    if (!ctx.run) {
      ctx.run = [&ctx] { return run_default(ctx); };
    }
    const int code = ctx.run();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
      return fail(ex::k_io, "cannot write to standard output");
    }
    return code;
  } catch (const UsageError& e) {
    return fail(ex::k_usage, e.what());
  } catch (const DataError& e) {
    return fail(ex::k_data, e.what());
  } catch (const NoStateFile& e) {
    return fail(ex::k_no_state, e.what());
  } catch (const WouldOverwrite& e) {
    return fail(ex::k_exists, e.what());
  } catch (const IoError& e) {
    return fail(ex::k_io, e.what());
  } catch (const LockTimeout& e) {
    return fail(ex::k_locked, e.what());
  } catch (const std::bad_alloc&) {
    return fail(ex::k_internal, "out of memory");
  } catch (const std::exception& e) {
    return fail(ex::k_internal,
                fmt::format("internal error: {}; please report this bug",
                            e.what()));
  } catch (...) {
    return fail(ex::k_internal,
                "internal error: unknown exception; please report this bug");
  }
}

}  // namespace rpx::cli
