"""Crash during save, at each of the test-only crash points
(RPX_TEST_CRASH, docs/reliability.md): the process `_exit(99)`s right after
writing the temporary file, after its fsync, or after the rename. Before the
rename the state file must be the old one, byte for byte; after it, the new
one. The temporary file a crash leaves behind must be removed by the next
successful save, and nothing else may be touched.

usage: crash_points.py PATH-TO-RPX
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (Workspace, check, expect, finish, init_state, parses,
                     read_bytes, run, temp_files, write_bytes)

POINTS = {"after_temp_write": "old", "after_fsync": "old",
          "after_rename": "new"}
# Saves that crash: a change of an existing file, and `init --force`.
COMMANDS = [["done", "photo", "--on", "2026-11-20", "--note", "booth 3"],
            ["set", "expiry", "2027-02-14"],
            ["init", "--force", "--expiry", "2027-03-01"]]

checked = 0


def expected_new(ws, file, args):
    """The bytes `args` writes over `file`, from a run on a copy, without a
    crash (init makes a new uuid, so only its shape can be compared)."""
    shadow = ws.sub("shadow")
    copy = os.path.join(shadow, "state.json")
    shutil.copyfile(file, copy)
    rc, _, err = run(args, ws.home, copy)
    check(f"{args[0]} on a copy", rc, 0)
    new = read_bytes(copy)
    shutil.rmtree(shadow)
    return new


def same_save(args, got, want):
    if args[0] != "init":
        return got == want
    # A new uuid each time: compare all but that line.
    strip = [line for line in got.splitlines() if b'"uuid"' not in line]
    return strip == [line for line in want.splitlines()
                     if b'"uuid"' not in line]


def crash_one(ws, point, args):
    global checked
    d = ws.sub(point + "-" + args[0])
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    old = read_bytes(file)
    new = expected_new(ws, file, args)
    what = f"{point}, {' '.join(args[:2])}"
    rc, out, err = run(args, ws.home, file,
                       extra_env={"RPX_TEST_CRASH": point})
    check(f"{what}: exit code", rc, 99)
    got = read_bytes(file)
    if POINTS[point] == "old":
        check(f"{what}: the state file is the old one", got, old)
        temps = temp_files(d)
        # The crash point fired where it claims: the new content is in the
        # temporary file, which nobody removed.
        if check(f"{what}: one temporary file left", len(temps), 1):
            expect(f"{what}: the temporary file holds the new content",
                   same_save(args, read_bytes(os.path.join(d, temps[0])), new))
    else:
        expect(f"{what}: the state file is the new one",
               same_save(args, got, new), repr(got[:200]))
        check(f"{what}: no temporary file", temp_files(d), [])
    parses(ws.home, file)

    # A stranger's files that merely look alike stay.
    alike = [".state.json.tmp.abc", ".other.json.tmp.abcdef",
             "state.json.tmp.abcdef"]
    for name in alike:
        write_bytes(os.path.join(d, name), b"not ours")
    rc, _, err = run(["done", "letter", "--on", "2026-11-21"], ws.home, file)
    check(f"{what}: the next save succeeds", rc, 0)
    check(f"{what}: the next save removed the leftover",
          temp_files(d, "state.json"), [])
    for name in alike:
        expect(f"{what}: {name} kept", os.path.exists(os.path.join(d, name)))
    checked += 1


def crash_first_init(ws, point):
    """A crash in the very first save: no state file yet. The next `init`
    must succeed and leave no temporary file behind."""
    global checked
    d = ws.sub("first-init-" + point)
    file = os.path.join(d, "state.json")
    rc, _, _ = run(["init", "--expiry", "2027-01-20"], ws.home, file,
                   extra_env={"RPX_TEST_CRASH": point})
    check(f"first init, {point}: exit code", rc, 99)
    if POINTS[point] == "old":
        expect(f"first init, {point}: no state file",
               not os.path.exists(file))
        rc, _, err = run(["status"], ws.home, file)
        check(f"first init, {point}: status says no state file", rc, 66)
    else:
        parses(ws.home, file)
    rc, _, err = run(["init", "--force", "--expiry", "2027-01-20"], ws.home,
                     file)
    check(f"first init, {point}: init again", rc, 0)
    check(f"first init, {point}: init again removed the leftover",
          temp_files(d), [])
    checked += 1


with Workspace("crash") as ws:
    for point in POINTS:
        for args in COMMANDS:
            crash_one(ws, point, args)
        crash_first_init(ws, point)

    # The switch is test-only, but a typo in it must not pass silently.
    file = os.path.join(ws.sub("typo"), "state.json")
    init_state(ws.home, file)
    before = read_bytes(file)
    rc, out, err = run(["done", "photo"], ws.home, file,
                       extra_env={"RPX_TEST_CRASH": "after_everything"})
    check("unknown crash point: exit code", rc, 64)
    expect("unknown crash point: message",
           err.startswith('rpx: invalid RPX_TEST_CRASH "after_everything"'),
           err)
    check("unknown crash point: file unchanged", read_bytes(file), before)

finish(f"crash_points: {checked} crashes, each file old or new as expected, "
       "leftovers removed by the next save")
