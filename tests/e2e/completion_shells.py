"""The completions of bash, zsh and fish against the help screens
(docs/cli.md, "Completions").

    /usr/bin/python3 tests/e2e/completion_shells.py RPX_BINARY

- Each script passes its shell's syntax check (bash -n, zsh -n,
  fish --no-execute).
- Every command the help screens list, from `rpx --help` down, is found
  by following them, not from a list kept here. For each, in each shell,
  TAB after `rpx COMMAND -` offers exactly the options its help lists and
  the global ones, and TAB after `rpx COMMAND ` exactly the subcommands it
  lists (and `help` after `rpx `): what --help shows and what a shell
  offers cannot drift apart.
- A few command lines give the same words in the three shells: values
  of --format, --phase (after the last comma) and --lang, step names,
  file and directory names.

bash is driven through tests/lib/complete_bash.sh with bash-completion
loaded; zsh runs interactively on a pseudo-terminal (zsh -f, compinit,
the script autoloaded from $fpath, then sourced), with `compadd` wrapped
to print each match it is given; fish answers `complete -C LINE`.
Exit 0 when all is well, else 1 with the problems on stderr.
"""

import os
import pty
import re
import select
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import SOURCE, Workspace, check, expect, fail, finish, run

BASH_DRIVER = SOURCE / "tests" / "lib" / "complete_bash.sh"
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"

# LINE, then what TAB at its end offers in every shell, sorted; run in a
# directory holding roster.csv, notes.txt and students/. Directories end
# without "/", and "--opt=" is left off the values that follow it, as bash
# shows them.
CASES = [
    ("rpx st", "status"),
    ("rpx workdays ", "add count is"),
    ("rpx done ph", "photo"),
    ("rpx done ", "1 2 3 4 5 collect letter photo registration submit"),
    ("rpx check --format ", "csv html json jsonl table"),
    ("rpx check --format=j", "json jsonl"),
    ("rpx check --phase due,ov", "due,overdue"),
    ("rpx check --columns student_id,na", "student_id,name"),
    ("rpx status --fo", "--format"),
    ("rpx holidays import --fo", "--force --format"),
    ("rpx status --la", "--lang"),
    ("rpx --lang ", "en ko zh"),
    ("rpx --lang zh st", "status"),
    ("rpx info ", "fees offices steps"),
    ("rpx completion ", "bash fish zsh"),
    ("rpx --file r", "roster.csv"),
    ("rpx check ", "notes.txt roster.csv students"),
    ("rpx import roster.csv --into ", "students"),
]

ZSH_SETUP = r"""
PS1='' PROMPT='' RPROMPT='' PROMPT_EOL_MARK=''
unsetopt auto_list auto_menu
bindkey '^I' complete-word
bindkey '^U' kill-whole-line
autoload -Uz compinit && compinit -u -D
# Each completion prints its matches between two marks; _main_complete
# empties the arrays before it calls the functions.
_rpx_test_begin() { compprefuncs=(_rpx_test_begin); print -rn -- $'\n<<<\n' }
_rpx_test_end() { comppostfuncs=(_rpx_test_end); print -rn -- $'>>>\n' }
compprefuncs=(_rpx_test_begin)
comppostfuncs=(_rpx_test_end)
compadd() {
  # -O, -A and -D only filter lists: no matches yet.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a hits
  builtin compadd -A hits "$@"
  local h
  for h in $hits; do print -r -- "MATCH:$IPREFIX$h"; done
  builtin compadd "$@"
}
"""


def normalised(words):
    """Sorted, with "--opt=" and a directory's "/" taken off."""
    return " ".join(sorted(re.sub(r"^--[a-z-]+=", "", w).rstrip("/")
                           for w in words if w))


def help_tree(home):
    """{command path: (its options, its subcommands)} from the help
    screens, following each listed command."""
    tree = {}
    todo = [()]
    while todo:
        path = todo.pop(0)
        if path in tree:
            continue
        rc, screen, err = run(["--lang", "en", *path, "--help"], home)
        check(f"rpx {' '.join(path)} --help: exit", rc, 0)
        options, commands = set(), []
        for line in screen.splitlines():
            if m := re.match(r"  (-[-\w,]+)", line):
                options.update(m.group(1).split(","))
            elif m := re.match(r"  ([a-z][a-z-]*)(?:\s{2,}|$)", line):
                commands.append(m.group(1))
        if not path:
            commands.append("help")  # named in rpx --help's last line
        tree[path] = (options, commands)
        todo += [path + (c,) for c in commands]
    return tree


def bash_offers(script, lines, cwd):
    program = (f"source {BASH_COMPLETION}; source {script}; "
               f"source {BASH_DRIVER}; "
               'while IFS= read -r line; do offered "$line"; done')
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", program],
                       input="".join(line + "\n" for line in lines),
                       capture_output=True, text=True, cwd=cwd, timeout=120)
    expect("bash: no errors", p.returncode == 0 and p.stderr == "",
           p.stderr)
    return [normalised(out.split()) for out in p.stdout.split("\n")[:-1]]


def fish_offers(script, lines, cwd):
    program = (f"source {script}\n"
               "for line in $argv\n"
               "    echo (complete -C $line | string replace -r '\\t.*' '')\n"
               "end")
    p = subprocess.run(["fish", "--no-config", "-c", program, *lines],
                       capture_output=True, text=True, cwd=cwd, timeout=120)
    expect("fish: no errors", p.returncode == 0 and p.stderr == "", p.stderr)
    return [normalised(out.split()) for out in p.stdout.split("\n")[:-1]]


class Zsh:
    """An interactive `zsh -f` on a pseudo-terminal, in `cwd`."""

    def __init__(self, cwd, setup_file):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.environ["TERM"] = "dumb"
            os.execvp("zsh", ["zsh", "-f", "-i"])
        # One line typed: the marks do not come back in its echo.
        self.type(f"source {setup_file}; print ${{:-READY}}\n")
        self.read_until("READY\r\n")

    def type(self, text):
        os.write(self.fd, text.encode())

    def read_until(self, mark, timeout=30):
        out, end = b"", time.time() + timeout
        while mark.encode() not in out and time.time() < end:
            if select.select([self.fd], [], [], 0.1)[0]:
                out += os.read(self.fd, 65536)
        if mark.encode() not in out:
            fail(f"zsh: no {mark!r} within {timeout} s: {out[-300:]!r}")
        return out.decode(errors="replace").replace("\r", "")

    def offers(self, line):
        self.type(line + "\t")
        out = self.read_until(">>>")
        self.type("\x15")  # ^U: the next line starts empty
        out = out[out.rfind("<<<"):]
        # A match added twice (_files -/ does) is listed once, in its
        # sorted group (-J).
        return normalised({m[6:] for m in out.split("\n")
                           if m.startswith("MATCH:")})

    def close(self):
        self.type("exit\n")
        os.waitpid(self.pid, 0)


def zsh_offers(setups, lines, cwd):
    """What each line offers, in a zsh set up by each of `setups`."""
    answers = []
    for setup in setups:
        zsh = Zsh(cwd, setup)
        answers.append([zsh.offers(line) for line in lines])
        zsh.close()
    return answers


def main():
    with Workspace("completion") as ws:
        cwd = ws.sub("files")
        ws.sub("files", "students")
        for name in ("roster.csv", "notes.txt"):
            open(os.path.join(cwd, name), "w").close()
        scripts = {}
        for shell, name in (("bash", "rpx.bash"), ("zsh", "_rpx"),
                            ("fish", "rpx.fish")):
            rc, out, err = run(["--lang", "en", "completion", shell], ws.home)
            check(f"rpx completion {shell}: exit", (rc, err), (0, ""))
            scripts[shell] = os.path.join(ws.sub("scripts"), name)
            with open(scripts[shell], "w") as f:
                f.write(out)
        for cmd in (["bash", "-n"], ["zsh", "-n"], ["fish", "--no-execute"]):
            p = subprocess.run(cmd + [scripts[cmd[0]]], capture_output=True,
                               text=True)
            check(f"{' '.join(cmd)}", (p.returncode, p.stderr), (0, ""))

        tree = help_tree(ws.home)
        lines, wanted = [], []
        global_options = tree[()][0]
        for path, (options, commands) in tree.items():
            words = "".join(c + " " for c in path)
            lines.append(f"rpx {words}-")
            wanted.append(normalised(options | global_options))
            if commands:
                lines.append(f"rpx {words}")
                wanted.append(normalised(commands))
        expect("the help screens list 29 commands or more", len(tree) >= 29,
               str(len(tree)))
        lines += [line for line, _ in CASES]
        wanted += [offered for _, offered in CASES]

        zsh_setup = os.path.join(ws.path, "setup.zsh")
        with open(zsh_setup, "w") as f:
            f.write(f"fpath=({ws.path}/scripts $fpath)\n{ZSH_SETUP}")
        zsh_sourced = os.path.join(ws.path, "sourced.zsh")
        with open(zsh_sourced, "w") as f:
            f.write(f"{ZSH_SETUP}\nsource {scripts['zsh']}\n")
        autoloaded, sourced = zsh_offers([zsh_setup, zsh_sourced], lines, cwd)
        answers = {
            "bash": bash_offers(scripts["bash"], lines, cwd),
            "zsh (autoloaded)": autoloaded,
            "zsh (sourced)": sourced,
            "fish": fish_offers(scripts["fish"], lines, cwd),
        }
        for shell, offered in answers.items():
            check(f"{shell}: answers", len(offered), len(lines))
            for line, want, got in zip(lines, wanted, offered):
                check(f"{shell}: [{line}]", got, want)
    finish(f"completions: {len(tree)} commands, {len(lines)} lines in bash, "
           "zsh and fish")


main()
