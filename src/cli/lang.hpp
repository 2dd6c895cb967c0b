// Choosing the language of text output (docs/cli.md, "Languages").
#pragma once

#include <rpx/messages.hpp>

namespace rpx::cli {

/// The language rpx speaks in: `--lang` anywhere on the command line, then
/// RPX_LANG, then the first of LC_ALL, LC_MESSAGES and LANG that is set
/// (zh_* is Chinese, ko_* Korean), else English. An unknown `--lang` or
/// RPX_LANG is a UsageError, worded in the locale's language.
Lang choose_lang(int argc, const char* const* argv);

}  // namespace rpx::cli
