"""Files rpx was not asked to touch (docs/reliability.md, "Round two"):

- every file rpx writes (state file, `export ics -o`) must be a regular file
  or missing: devices and FIFOs are refused, a symlink is followed;
- `-o` onto a state file is refused;
- a symlink planted at FILE.lock is refused, nothing made where it points;
- `import` touches regular files in DIR only: a symlink (dangling or out of
  DIR) is an error naming it before anything is written;
- with HOME and XDG_DATA_HOME unset, `init` asks for --file and creates
  nothing in the current directory; `--file x.json/` creates nothing.

usage: untouched.py PATH-TO-RPX
"""
import os
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, ROOT, Workspace, check, expect, finish, init_state,
                     read_bytes, refused, run, snapshot, write_bytes)

cases = []


def case(fn):
    cases.append(fn)
    return fn


@case
def special_files_are_not_replaced(ws):
    d = ws.sub("special")
    fifo = os.path.join(d, "fifo.json")
    os.mkfifo(fifo)
    targets = [(fifo, "a FIFO (named pipe)")]
    if ROOT:
        null = os.path.join(d, "null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append((null, "a character device"))
    for path, what in targets:
        for args in (["init", "--force", "--expiry", "2027-01-20"],
                     ["done", "photo"], ["set", "expiry", "2027-02-01"]):
            refused(f"{what}: {args[0]}", args, 65,
                    f"{path}: is {what}, not a regular file", ws.home, path,
                    d, timeout=10)
        kept = stat.S_IFMT(os.lstat(path).st_mode)
        check(f"{what}: still there", kept == stat.S_IFIFO or
              kept == stat.S_IFCHR, True)
    # Through a symlink, the same.
    link = os.path.join(d, "link.json")
    os.symlink("fifo.json", link)
    refused("link to a FIFO: init --force",
            ["init", "--force", "--expiry", "2027-01-20"], 65,
            f"{link}: is a FIFO (named pipe), not a regular file", ws.home,
            link, d, timeout=10)


@case
def export_output(ws):
    d = ws.sub("export")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    fifo = os.path.join(d, "cal.fifo")
    os.mkfifo(fifo)
    refused("-o FIFO", ["export", "ics", "-o", fifo], 65,
            f"{fifo}: is a FIFO (named pipe), not a regular file", ws.home,
            file, d, timeout=10)
    if ROOT:
        null = os.path.join(d, "null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        refused("-o device", ["export", "ics", "-o", null], 65,
                f"{null}: is a character device, not a regular file",
                ws.home, file, d)
    for target in (file, os.path.join(d, "state-link.json")):
        if target != file:
            os.symlink("state.json", target)
        refused(f"-o the state file ({os.path.basename(target)})",
                ["export", "ics", "-o", target], 64,
                f"-o {target}: is a state file; write the calendar to a file "
                "of its own (say, rpx.ics)", ws.home, file, d)
    other = os.path.join(d, "other.json")
    init_state(ws.home, other)
    refused("-o another state file", ["export", "ics", "-o", other], 64,
            f"-o {other}: is a state file", ws.home, file, d)
    # A symlink is followed: the link stays, its target gets the calendar.
    os.mkdir(os.path.join(d, "cal"))
    link = os.path.join(d, "cal.ics")
    os.symlink("cal/real.ics", link)
    rc, out, err = run(["export", "ics", "-o", link], ws.home, file)
    check("-o symlink: exit", (rc, out, err), (0, "", ""))
    check("-o symlink: still a link", os.readlink(link), "cal/real.ics")
    expect("-o symlink: target written", read_bytes(
        os.path.join(d, "cal", "real.ics")).startswith(b"BEGIN:VCALENDAR"))


@case
def lock_file_symlink(ws):
    d = ws.sub("lock", "dir")
    outside = ws.sub("lock", "outside")
    file = os.path.join(d, "s.json")
    init_state(ws.home, file)
    os.remove(file + ".lock")
    os.symlink("../outside/created", file + ".lock")
    for args in (["done", "photo"],
                 ["init", "--force", "--expiry", "2027-01-20"]):
        refused(f"lock symlink: {args[0]}", args, 74,
                f"cannot write {file}: its lock file {file}.lock is a "
                "symbolic link; remove it", ws.home, file,
                os.path.dirname(d))
    check("lock symlink: nothing outside", os.listdir(outside), [])


def write_roster(path, *ids):
    with open(path, "w", encoding="utf-8") as f:
        f.write("student_id,name,expiry\n")
        for i in ids:
            f.write(f"{i},Student {i},2027-01-20\n")


@case
def import_regular_files_only(ws):
    d = ws.sub("import", "cohort")
    outside = ws.sub("import", "outside")
    secret = os.path.join(outside, "secret.json")
    init_state(ws.home, secret)
    os.remove(secret + ".lock")
    roster = os.path.join(ws.path, "import", "roster.csv")
    write_roster(roster, "1001", "1002", "1003")
    os.symlink("../outside/secret.json", os.path.join(d, "1002.json"))
    top = os.path.join(ws.path, "import")
    for extra in ([], ["--update"]):
        refused(f"import {extra}: symlink out of DIR",
                ["import", roster, "--into", d] + extra, 65,
                f"{d}/1002.json: is a symbolic link, not a regular file; "
                f"import only reads and writes regular files in {d}",
                ws.home, None, top)
    os.remove(os.path.join(d, "1002.json"))
    os.symlink("gone.json", os.path.join(d, "1003.json"))
    refused("import: dangling symlink", ["import", roster, "--into", d], 65,
            f"{d}/1003.json: is a symbolic link, not a regular file",
            ws.home, None, top)
    os.remove(os.path.join(d, "1003.json"))
    os.mkfifo(os.path.join(d, "1001.json"))
    refused("import --update: FIFO",
            ["import", roster, "--into", d, "--update"], 65,
            f"{d}/1001.json: is a FIFO (named pipe), not a regular file",
            ws.home, None, top, timeout=10)


@case
def no_home(ws):
    cwd = ws.sub("nohome")
    env = {k: v for k, v in os.environ.items()
           if k not in ("HOME", "XDG_DATA_HOME") and not k.startswith("RPX_")}
    for home in (None, "relative"):
        e = dict(env)
        if home:
            e["HOME"] = home
        before = snapshot(cwd)
        p = subprocess.run([RPX, "--today", "2026-11-25", "init", "--expiry",
                            "2027-01-20"], cwd=cwd, env=e,
                           capture_output=True, timeout=30)
        check(f"HOME={home}: init", (p.returncode, p.stdout, p.stderr.decode()),
              (64, b"", "rpx: cannot find the state file: neither HOME nor "
               "XDG_DATA_HOME is an absolute path; give --file FILE (or set "
               "RPX_FILE)\n"))
        check(f"HOME={home}: nothing made", snapshot(cwd), before)


@case
def directory_names(ws):
    d = ws.sub("dirname")
    for name in ("x.json/", "x.json/.", "sub/.."):
        path = os.path.join(d, name)
        for args in (["init", "--expiry", "2027-01-20"], ["done", "photo"],
                     ["status"]):
            refused(f"--file {name}: {args[0]}", args, 64,
                    f"invalid state file {path}: it names a directory; give "
                    "a file name", ws.home, path, d)


with Workspace("untouched") as ws:
    for fn in cases:
        fn(ws)
finish(f"untouched: {len(cases)} groups passed")
