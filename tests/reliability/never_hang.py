"""Never hang, never skip, never abort (docs/reliability.md, "Round two"):

- a FIFO as the state file is refused at once (65), never opened blocking;
- `check` and `remind` report dangling `*.json` links, link loops and FIFOs
  as bad files (exit 3) and count a file reached twice once;
- an unwritable or closed stderr never aborts rpx: the exit code is the one
  the error deserves; a change saved whose confirmation cannot be printed
  exits 74 and says on stderr that it was saved.

usage: never_hang.py PATH-TO-RPX
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, Workspace, check, expect, finish, init_state,
                     parses, read_bytes, refused, rpx_env, run, snapshot)

cases = []


def case(fn):
    cases.append(fn)
    return fn


@case
def fifo_state_file(ws):
    d = ws.sub("fifo")
    fifo = os.path.join(d, "state.json")
    os.mkfifo(fifo)
    for args in (["status"], ["plan"], ["export", "ics"], ["done", "photo"],
                 ["undo", "photo"], ["set", "expiry", "2027-02-01"],
                 ["submit"], ["init", "--force", "--expiry", "2027-01-20"]):
        refused(f"FIFO: {args[0]}", args, 65,
                f"{fifo}: is a FIFO (named pipe), not a regular file",
                ws.home, fifo, d, timeout=10)


@case
def batch_bad_entries(ws):
    d = ws.sub("cohort")
    init_state(ws.home, os.path.join(d, "a.json"))
    os.remove(os.path.join(d, "a.json.lock"))
    os.symlink("a.json", os.path.join(d, "b.json"))       # a.json again
    os.symlink("gone.json", os.path.join(d, "c.json"))    # dangling
    os.symlink("loop.json", os.path.join(d, "loop.json"))  # a loop
    os.mkfifo(os.path.join(d, "p.json"))
    errors = (f"rpx: cannot read {d}/c.json: No such file or directory\n"
              f"rpx: cannot read {d}/loop.json: Too many levels of symbolic "
              "links\n"
              f"rpx: {d}/p.json: not a regular file\n")
    rc, out, err = run(["check", d, "--format", "json"], ws.home, timeout=10)
    check("check: exit", rc, 3)
    check("check: stderr", err, "")
    doc = json.loads(out) if rc == 3 else {}
    check("check: one student", len(doc.get("students", [])), 1)
    check("check: three errors", [e["file"] for e in doc.get("errors", [])],
          [f"{d}/c.json", f"{d}/loop.json", f"{d}/p.json"])
    rc, out, err = run(["check", d], ws.home, timeout=10)
    check("check table: exit, errors", (rc, err), (3, errors))
    expect("check table: summary", "1 student:" in out and
           "3 files could not be read" in out, out)
    rc, out, err = run(["remind", d], ws.home, timeout=10)
    check("remind: exit, errors", (rc, err), (3, errors))
    # Twice through two paths, and through a link to the directory.
    os.symlink("cohort", os.path.join(ws.path, "cohort-link"))
    rc, out, _ = run(["check", d, os.path.join(ws.path, "cohort-link"),
                      os.path.join(d, "b.json"), "--format", "json"],
                     ws.home, timeout=10)
    doc = json.loads(out) if rc == 3 else {}
    check("twice: one student", len(doc.get("students", [])), 1)


def run_fds(args, file, redirect):
    """Runs rpx under bash with `redirect` applied to its streams."""
    p = subprocess.run(["bash", "-c", f'exec "$@" {redirect}', "rpx", RPX]
                       + args, env=rpx_env(os.path.dirname(file), file),
                       capture_output=True, timeout=30)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@case
def unwritable_stderr(ws):
    d = ws.sub("stderr")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    missing = os.path.join(d, "missing.json")
    for redirect in ("2>/dev/full", "2>&-", ">&- 2>&- <&-"):
        for args, f, want in ((["status", "--bogus"], file, 64),
                              (["status"], missing, 66),
                              (["set", "expiry", "2027-13-01"], file, 64),
                              (["check", missing], file, 3)):
            if args[0] == "check" and redirect.startswith(">&-"):
                want = 74  # its report could not be printed either
            rc, _, _ = run_fds(args, f, redirect)
            check(f"{redirect} {args}: exit", rc, want)
    before = read_bytes(file)
    rc, out, err = run_fds(["status"], file, ">/dev/full")
    check("status >/dev/full", (rc, err),
          (74, "rpx: cannot write to standard output\n"))
    rc, out, err = run_fds(["done", "photo"], file, ">/dev/full")
    check("done >/dev/full", (rc, err),
          (74, "rpx: cannot write to standard output (the change to "
           f"{file} was saved)\n"))
    doc = parses(ws.home, file)
    check("done >/dev/full: saved", doc and doc["steps"]["photo"]["done"],
          "2026-11-25")
    # All three closed: the save must not land in the streams' numbers.
    rc, _, _ = run_fds(["done", "letter"], file, ">&- 2>&- <&-")
    check("done, streams closed: exit", rc, 74)
    doc = parses(ws.home, file)
    check("done, streams closed: saved",
          doc and doc["steps"]["letter"]["done"], "2026-11-25")
    check("done, streams closed: lock file empty",
          read_bytes(file + ".lock"), b"")
    expect("changed", read_bytes(file) != before)


with Workspace("never-hang") as ws:
    for fn in cases:
        fn(ws)
finish(f"never hang: {len(cases)} groups passed")
