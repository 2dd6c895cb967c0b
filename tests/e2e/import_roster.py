"""Drives `rpx import` end to end: nasty rosters, all or nothing, --dry-run,
--update, modes, a group share, an unwritable directory, and scale.

    /usr/bin/python3 tests/e2e/import_roster.py RPX_BINARY

Exit 0 when all is well; otherwise 1, with one line on stderr per problem.
The unwritable-directory case runs as `nobody` (via setpriv) when started
as root, since root writes anywhere; a root run without setpriv fails.
"""

import os
import stat
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (Workspace, can_run_as_nobody, expect, finish, load_json,
                     read_bytes, run, write_bytes)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


NASTY = (
    "\ufeffAdvisor,expiry,Name,student_id,room\r\n"
    "Dr. Wang,2026-12-20,\"O'Brien, Jr., Sean\",2021210001,A-101\r\n"
    "\"Dr. \"\"Li\"\"\",2027-01-10,王小明,2021210002,\"B-2\r\nupstairs\"\r\n"
    ",2027-03-01,김민준,2021210003,\r\n"
)


def nasty_roster(ws):
    tmp = ws.path
    roster = os.path.join(tmp, "nasty.csv")
    write_bytes(roster, NASTY)
    cohort = os.path.join(tmp, "nasty")
    r = run(["import", roster, "--into", cohort], ws.home)
    expect(f"nasty: exit {r.rc}: {r.err!r}", r.rc == 0)
    expect(f"nasty: stdout {r.out!r}",
           r.out == f"imported 3 students into {cohort} (0 unchanged, 0 "
           "updated)\n")
    expect(f"nasty: directory mode {mode(cohort):o}", mode(cohort) == 0o700)
    files = sorted(os.listdir(cohort))
    expect(f"nasty: files {files}",
           files == [f"202121000{i}.json" for i in (1, 2, 3)])
    # The schema and rules member of a file `rpx init` makes: import makes
    # its files the same way.
    init_file = os.path.join(tmp, "init.json")
    run(["init", "--file", init_file, "--expiry", "2026-12-20"], ws.home)
    made = load_json(init_file)
    uuids = set()
    for name in files:
        path = os.path.join(cohort, name)
        expect(f"nasty: {name} mode {mode(path):o}", mode(path) == 0o600)
        s = load_json(path)
        uuids.add(s["uuid"])
        expect(f"nasty: {name} {s}",
               (s["schema"], s.get("rules"), s["revision"]) ==
               (made["schema"], made.get("rules"), 1))
        expect(f"nasty: {name} has steps done",
               all(v["done"] is None for v in s["steps"].values()))
        r = run(["status", "--file", path, "--format", "json",
                "--today", "2026-10-01"], ws.home)
        expect(f"nasty: status {name}: exit {r.rc}: {r.err!r}",
               r.rc == 0)
    expect("nasty: uuids are not distinct", len(uuids) == 3)
    s = load_json(os.path.join(cohort, "2021210002.json"))
    expect(f"nasty: 2021210002 {s}",
           (s["name"], s["expiry"], s["Advisor"], s["room"]) ==
           ("王小明", "2027-01-10", 'Dr. "Li"', "B-2\nupstairs"))
    s = load_json(os.path.join(cohort, "2021210001.json"))
    expect(f"nasty: name {s['name']}", s["name"] == "O'Brien, Jr., Sean")


def all_or_nothing(ws):
    tmp = ws.path
    roster = os.path.join(tmp, "bad-last.csv")
    rows = "".join(f"{i},Student {i},2026-12-20\n" for i in range(1, 50))
    write_bytes(roster, "student_id,name,expiry\n" + rows
                + "../escape,X,2026-12-20\n")
    for cohort, exists in ((os.path.join(tmp, "none"), False),
                           (os.path.join(tmp, "empty"), True)):
        if exists:
            os.mkdir(cohort)
        r = run(["import", roster, "--into", cohort], ws.home)
        expect(f"bad last row: exit {r.rc}", r.rc == 65)
        expect(f"bad last row: stderr {r.err!r}",
               r.err.startswith(f"rpx: {roster}:51: student id "
                                "\"../escape\""))
        expect(f"bad last row: stdout {r.out!r}", r.out == "")
        expect(f"bad last row: {cohort} was touched",
               os.path.isdir(cohort) == exists and
               (not exists or os.listdir(cohort) == []))
    expect("bad last row: escaped the directory",
           not os.path.exists(os.path.join(tmp, "escape.json")))


def dry_run_and_update(ws):
    tmp = ws.path
    roster = os.path.join(tmp, "cohort.csv")
    write_bytes(roster, "student_id,name,expiry\n1,Kim Minjun,2026-12-20\n"
                "2,Lee Ji-woo,2027-01-10\n")
    cohort = os.path.join(tmp, "cohort")
    r = run(["import", roster, "--into", cohort, "--dry-run"], ws.home)
    expect(f"dry run: {r}", r.rc == 0 and "would create 2 students" in r.out)
    expect("dry run: created the directory", not os.path.exists(cohort))
    run(["import", roster, "--into", cohort], ws.home)
    one = os.path.join(cohort, "1.json")
    r = run(["done", "photo", "--file", one, "--today", "2026-11-01"], ws.home)
    expect(f"done photo: exit {r.rc}: {r.err!r}", r.rc == 0)
    before = {n: read_bytes(os.path.join(cohort, n))
              for n in os.listdir(cohort)}

    write_bytes(roster, "student_id,name,expiry\n1,Kim Min-jun,2027-12-20\n"
                "2,Lee Ji-woo,2027-01-10\n")
    r = run(["import", roster, "--into", cohort, "--dry-run", "--update"],
            ws.home)
    expect(f"dry run --update: {r.out!r}",
           "would create 0 students" in r.out and "1 to update" in r.out)
    r = run(["import", roster, "--into", cohort], ws.home)
    expect(f"no --update: {r.out!r}", "(2 unchanged, 0 updated)" in r.out)
    after = {n: read_bytes(os.path.join(cohort, n))
             for n in os.listdir(cohort)}
    expect("dry run or no --update changed a file", after == before)

    old = load_json(one)
    r = run(["import", roster, "--into", cohort, "--update"], ws.home)
    expect(f"--update: {r.out!r}", "(1 unchanged, 1 updated)" in r.out)
    new = load_json(one)
    expect(f"--update: {new}",
           (new["name"], new["expiry"], new["revision"]) ==
           ("Kim Min-jun", "2027-12-20", old["revision"] + 1))
    for key in ("uuid", "steps", "student_id", "history"):
        expect(f"--update changed {key}", new[key] == old[key])
    expect("--update rewrote an unchanged file",
           read_bytes(os.path.join(cohort, "2.json")) == before["2.json"])


def group_share(ws):
    tmp = ws.path
    share = os.path.join(tmp, "share")
    os.mkdir(share)
    gid = 4242 if os.geteuid() == 0 else os.getegid()
    os.chown(share, -1, gid)
    os.chmod(share, 0o2770)
    roster = os.path.join(tmp, "share.csv")
    write_bytes(roster, "student_id,name,expiry\n1,A,2026-12-20\n")
    r = run(["import", roster, "--into", share], ws.home)
    expect(f"share: exit {r.rc}: {r.err!r}", r.rc == 0)
    st = os.stat(os.path.join(share, "1.json"))
    expect(f"share: mode {stat.S_IMODE(st.st_mode):o} group {st.st_gid}",
           stat.S_IMODE(st.st_mode) == 0o660 and st.st_gid == gid)


def unwritable(ws):
    if not can_run_as_nobody():
        expect("unwritable: setpriv is needed to test as uid 65534 under root",
               False)
        return
    tmp = ws.path
    locked = os.path.join(tmp, "locked")
    os.mkdir(locked, 0o555)
    roster = os.path.join(tmp, "locked.csv")
    write_bytes(roster,
                "student_id,name,expiry\n1,A,2026-12-20\n2,B,2026-12-20\n")
    os.chmod(roster, 0o644)
    r = run(["import", roster, "--into", locked], ws.home, as_nobody=True)
    expect(f"unwritable: exit {r.rc}", r.rc == 74)
    expect(f"unwritable: stderr {r.err!r}",
           r.err.startswith(f"rpx: cannot write {locked}/1.json: "
                            "Permission denied"))
    expect(f"unwritable: {os.listdir(locked)}", os.listdir(locked) == [])
    r = run(["import", os.path.join(tmp, "missing.csv"), "--into", locked],
            ws.home)
    expect(f"missing roster: {r}",
           r.rc == 74 and "No such file or directory" in r.err)


def scale(ws):
    n = 3000
    tmp = ws.path
    roster = os.path.join(tmp, "big.csv")
    write_bytes(roster, "student_id,name,expiry,advisor\n" + "".join(
        f"2024{i:06d},Student {i},2027-{i % 12 + 1:02d}-15,Dr. {i % 7}\n"
        for i in range(n)))
    cohort = os.path.join(tmp, "big")
    start = time.monotonic()
    r = run(["import", roster, "--into", cohort], ws.home)
    took = time.monotonic() - start
    expect(f"scale: exit {r.rc}: {r.err!r}", r.rc == 0)
    names = os.listdir(cohort)
    expect(f"scale: {len(names)} files",
           len(names) == n and not any(".tmp." in x for x in names))
    # A debug build on a busy machine: generous, yet far below one fsync
    # per file on a real disk.
    expect(f"scale: {n} rows took {took:.1f} s", took < 120)


with Workspace("import") as ws:
    nasty_roster(ws)
    all_or_nothing(ws)
    dry_run_and_update(ws)
    group_share(ws)
    unwritable(ws)
    scale(ws)
finish("import_roster: all checks passed")
