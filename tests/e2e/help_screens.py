"""Every help screen in every language: `rpx --help`, `rpx COMMAND --help`
and `rpx help COMMAND`.

    /usr/bin/python3 tests/e2e/help_screens.py RPX_BINARY

For en, zh and ko, and for rpx and each of its commands and subcommands:

- exit 0, and nothing on stderr;
- every line fits 80 terminal columns (East Asian wide and fullwidth
  characters take two), with no space at its end;
- the usage line names the command, and the screen ends with at least two
  examples (lines after a `  # ` comment that run rpx, also as
  `source <(rpx ...)`), whose options are the command's own or global ones;
- `rpx help COMMAND` prints exactly what `rpx COMMAND --help` prints;
- check and remind list the exit codes 0, 1, 2, 3 and 64;
- `rpx --help` lists exactly the commands checked here, and `rpx help`
  prints it.

The golden cases tests/cli/help-* pin a few of these screens byte for byte.
Exit 0 when all is well, else 1 with the problems on stderr.
"""

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import Workspace, check, expect, finish, run

COMMANDS = [
    [], ["init"], ["set"], ["set", "expiry"], ["set", "name"],
    ["set", "student-id"], ["set", "extra"], ["status"], ["history"],
    ["plan"], ["done"],
    ["undo"], ["submit"], ["collect"], ["export"], ["export", "ics"],
    ["check"], ["remind"], ["import"], ["deadline"], ["workdays"],
    ["workdays", "add"], ["workdays", "count"], ["workdays", "is"],
    ["holidays"], ["holidays", "import"], ["calendar"], ["info"],
    ["completion"], ["help"],
]
LANGS = ["en", "zh", "ko"]
WIDTH = 80


def columns(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


def options_in(screen):
    """The options a help screen lists: "--file", "-o", "--output"."""
    found = set()
    for line in screen.splitlines():
        m = re.match(r"  (-[-\w,]+)", line)
        if m:
            found.update(m.group(1).split(","))
    return found


def examples_in(screen):
    lines = screen.splitlines()
    return [line.strip() for prev, line in zip(lines, lines[1:])
            if prev.startswith("  # ") and not line.startswith("  # ")]


GLOBAL_WITH_VALUE = {"--file", "--today", "--rules", "--holidays", "--lang",
                     "--color"}


def command_of(words):
    """The command an example runs: ["holidays", "import"] for "rpx
    --today 2026-11-25 holidays import notice.txt --install"."""
    names, skip = [], False
    for word in words:
        if skip or word.startswith("-"):
            skip = word in GLOBAL_WITH_VALUE
            continue
        if names + [word] not in COMMANDS:
            break
        names.append(word)
    return names


def check_screen(what, screen, command, screens):
    for n, line in enumerate(screen.splitlines(), 1):
        expect(f"{what}: line {n} fits {WIDTH} columns",
               columns(line) <= WIDTH, repr(line))
        expect(f"{what}: line {n} has no trailing space",
               not line.endswith(" "), repr(line))
    expect(f"{what}: usage line",
           re.search(rf"^\S+ ?rpx{''.join(' ' + c for c in command)} ",
                     screen, re.M) is not None, screen[:300])
    examples = examples_in(screen)
    expect(f"{what}: two examples or more", len(examples) >= 2, screen)
    for example in examples:
        # `source <(rpx completion bash)` runs rpx too.
        words = re.sub(r"[<$]\(", " ", example).split()
        if not expect(f"{what}: example runs rpx", "rpx" in words, example):
            continue
        words = words[words.index("rpx") + 1:]
        target = tuple(command_of(words))
        allowed = options_in(screens[()]) | options_in(screens[target])
        for word in words:
            if word.startswith("-") and len(word) > 1 and word != "-1":
                name = word.split("=")[0]
                expect(f"{what}: example option {name} is an option of "
                       f"rpx {' '.join(target)}", name in allowed, example)


def main():
    with Workspace("help") as ws:
        for lang in LANGS:
            screens = {}
            for command in COMMANDS:
                what = f"{lang}: rpx {' '.join(command)} --help"
                rc, screen, err = run(["--lang", lang] + command + ["--help"],
                                      ws.home)
                check(f"{what}: exit", rc, 0)
                check(f"{what}: stderr", err, "")
                screens[tuple(command)] = screen
            for command in COMMANDS:
                screen = screens[tuple(command)]
                check_screen(f"{lang}: rpx {' '.join(command)} --help",
                             screen, command, screens)
                check(f"{lang}: rpx help {' '.join(command)}",
                      run(["--lang", lang, "help"] + command, ws.home).out,
                      screen)
                if command in (["check"], ["remind"]):
                    codes = re.findall(r"^  (\d+)\s\s", screen, re.M)
                    check(f"{lang}: rpx {command[0]} --help: exit codes",
                          codes, ["0", "1", "2", "3", "64"])
            listed = set(re.findall(r"^  ([a-z]+)  ", screens[()], re.M))
            check(f"{lang}: commands listed", listed,
                  {c[0] for c in COMMANDS if c and c[0] != "help"})
    finish(f"help screens: {len(COMMANDS)} commands in {len(LANGS)} "
           "languages")


main()
