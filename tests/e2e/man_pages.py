"""The man pages against the help, so that they cannot drift apart.

    /usr/bin/python3 tests/e2e/man_pages.py RPX_BINARY

The pages are docs/man/*.scd, built by cmake/man.cmake into man/ beside the
binary (build/dev/man/rpx.1, build/dev/man/rpx-check.1, ...). For every
command and subcommand that `rpx --help` lists, and those each command's
--help lists in turn (English), and for `rpx help`, which `rpx --help`
names:

- the command has its page, rpx-COMMAND.1; a subcommand is in its command's
  page, which names it (`holidays import` in rpx-holidays.1);
- every option (`--format`, `-o`) and argument (`DATE`, `PATH`) of its --help
  appears in that page, the global options of `rpx --help` in rpx.1; so do
  the values --format accepts and the values `--phase` and the like list
  ("any of ..."), and the exit codes its --help lists appear in the page's
  EXIT STATUS;
- rpx.1 names every command's page, rpx-COMMAND(1).

For every page in man/: the sections NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES; and `man --warnings -l PAGE`
at MANWIDTH=80 exits 0, prints nothing on stderr, and no line wider than 80
columns.

Pages for commands the binary does not have (yet) are rendered and checked
for their sections, not against a help screen. Exit 0 when all is well,
else 1 with the problems on stderr.
"""

import os
import re
import shutil
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, Workspace, check, expect, fail, failures, finish,
                     run)

MAN_DIR = os.path.join(os.path.dirname(RPX), "man")
SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
            "ENVIRONMENT", "FILES", "EXAMPLES"]
# The sections of a help screen that list no commands.
NOT_COMMANDS = {"Global options", "Options", "Arguments", "Examples",
                "Exit codes"}
WIDTH = 80


def columns(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)


def help_sections(screen):
    """{"Options": [entry, ...], ...}: each entry an item of the section
    with its description, continuation lines joined."""
    sections, current = {}, None
    for line in screen.splitlines():
        heading = re.fullmatch(r"(\S.*):", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif not line.strip():
            current = None
        elif current is None:
            continue
        elif re.match(r"  \S", line):
            current.append(line.strip())
        elif current:
            current[-1] += " " + line.strip()
    return sections


def listed_values(description):
    """The values a description lists after a colon or "any of": ["text",
    "json"] for "Output: text or json (default: text)", the phases of
    "...; any of expired, overdue, ...". Only the names, not the words
    around them."""
    m = re.search(r"(?:: (?:any of )?|any of )(.*?)(?: \(|;|$)",
                  description)
    if not m:
        return []
    return [v for v in re.split(r", (?:or )?| or ", m.group(1))
            if re.fullmatch(r"[a-z][a-z0-9_-]*", v)]


def page_text(path):
    """A built page's text, the roff escapes scdoc writes taken out."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith('.\\"')]
    text = re.sub(r"\\f[BIRP]", "", "".join(lines))
    return (text.replace("\\&", "").replace("\\-", "-")
            .replace("\\(aq", "'").replace("\\*(Aq", "'")
            .replace("\\e", "\\"))


def page_sections(text):
    """{"NAME": text, ...} of a page's .SH sections."""
    out, current = {}, None
    for line in text.splitlines():
        m = re.match(r"\.SH\s+\"?(.*?)\"?\s*$", line)
        if m:
            current = m.group(1)
            out[current] = ""
        elif current:
            out[current] += line + "\n"
    return out


def has_word(text, word):
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])",
                     text) is not None


def has_phrase(text, words):
    """The words, one after another, separated by blanks or line ends."""
    return re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, words))
                     + r"(?![\w-])", text) is not None


def page_of(command):
    return "rpx.1" if not command else f"rpx-{command[0]}.1"


def check_page_rendering(path):
    name = os.path.basename(path)
    text = page_text(path)
    found = page_sections(text)
    for section in SECTIONS:
        expect(f"{name}: section {section}", section in found,
               f"the sections are {list(found)}")
    env = dict(os.environ, MANWIDTH=str(WIDTH), LC_ALL="C.UTF-8",
               MANPAGER="cat", PAGER="cat")
    for variable in ("MAN_KEEP_FORMATTING", "MANOPT", "MANROFFOPT"):
        env.pop(variable, None)
    p = subprocess.run(["man", "--warnings", "-l", path], env=env,
                       capture_output=True, stdin=subprocess.DEVNULL,
                       timeout=60)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    check(f"{name}: man -l exit", p.returncode, 0)
    for line in err.splitlines():
        fail(f"{name}: man --warnings: {line}")
    expect(f"{name}: renders", len(out.splitlines()) > 10, out[:200])
    for n, line in enumerate(out.splitlines(), 1):
        expect(f"{name}: rendered line {n} fits {WIDTH} columns",
               columns(line) <= WIDTH, repr(line))


def main():
    if not os.path.isdir(MAN_DIR):
        fail(f"no man pages in {MAN_DIR}: build the target man")
    if shutil.which("man") is None:
        fail("man is not installed (Debian's man-db)")
    if failures:
        finish("")
    pages = sorted(n for n in os.listdir(MAN_DIR) if n.endswith(".1"))
    texts = {n: page_text(os.path.join(MAN_DIR, n)) for n in pages}
    expect("rpx.1 is built", "rpx.1" in texts, f"{MAN_DIR} has {pages}")
    for name in pages:
        check_page_rendering(os.path.join(MAN_DIR, name))

    with Workspace("man") as ws:
        # Every command and subcommand, from the help screens themselves.
        screens, queue = {}, [()]
        while queue:
            command = queue.pop(0)
            rc, screen, err = run(["--lang", "en", *command, "--help"],
                                  ws.home)
            what = f"rpx {' '.join(command + ('--help',))}"
            check(f"{what}: exit", rc, 0)
            check(f"{what}: stderr", err, "")
            screens[command] = screen
            for title, entries in help_sections(screen).items():
                if title in NOT_COMMANDS:
                    continue
                for entry in entries:
                    m = re.match(r"([a-z][a-z0-9-]*)(?:\s|$)", entry)
                    if m:
                        queue.append(command + (m.group(1),))
            if not command and re.search(r"\brpx help COMMAND\b", screen):
                queue.append(("help",))

    rpx_page = texts.get("rpx.1", "")
    for command, screen in screens.items():
        page = page_of(command)
        what = f"rpx {' '.join(command)}".rstrip()
        if page not in texts:
            fail(f"{what}: no page {page} in {MAN_DIR}")
            continue
        text = texts[page]
        if len(command) == 1:
            expect(f"rpx.1: names {command[0]}'s page",
                   f"rpx-{command[0]}(1)" in rpx_page,
                   f"no rpx-{command[0]}(1)")
        if len(command) > 1:
            expect(f"{page}: names {what}", has_phrase(text, command),
                   f"no '{' '.join(command)}'")
        sections = help_sections(screen)
        for title in ("Options", "Global options"):
            for entry in sections.get(title, []):
                names = re.match(r"(-[-\w,]+)", entry)
                if not names:
                    continue
                for option in names.group(1).split(","):
                    expect(f"{page}: {option} ({what} --help lists it)",
                           has_word(text, option), f"not in {page}")
                for value in listed_values(entry):
                    expect(f"{page}: {option} value {value} ({what} --help "
                           "lists it)", has_word(text, value),
                           f"not in {page}")
        for entry in sections.get("Arguments", []):
            argument = re.match(r"([A-Z][A-Z_]*)", entry)
            if argument:
                expect(f"{page}: argument {argument.group(1)} ({what} "
                       "--help lists it)", has_word(text, argument.group(1)),
                       f"not in {page}")
            for value in listed_values(entry):
                expect(f"{page}: value {value} ({what} --help lists it)",
                       has_word(text, value), f"not in {page}")
        exit_status = page_sections(text).get("EXIT STATUS", "")
        for entry in sections.get("Exit codes", []):
            code = re.match(r"(\d+)\s", entry)
            if code:
                expect(f"{page}: exit status {code.group(1)} ({what} --help "
                       "lists it)", has_word(exit_status, code.group(1)),
                       "not in EXIT STATUS")
    finish(f"man pages: {len(pages)} pages, {len(screens)} help screens")


main()
