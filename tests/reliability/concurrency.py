"""Concurrent writers and a lock held too long.

Writers: RPX_WRITERS processes at a time (default 8), each making
RPX_UPDATES updates (default 100) to one state file: half of them
`set expiry` with dates no other update uses, half `done photo --on` with
varying dates, so that every run saves. RPX_LOCK_TIMEOUT is high enough that
none gives up. Afterwards the revision must equal the initial one plus the
number of runs that exited 0 (no lost update), and the file must be valid.
Meanwhile a reader loop runs `status --format json` and `check --format
json` on the file and reads it with Python's json module: every read must
see a whole file.

Lock: while this script holds the flock on FILE.lock, a change waits
RPX_LOCK_TIMEOUT and fails with exit 75 and one clear line, and the file is
unchanged byte for byte.

usage: concurrency.py PATH-TO-RPX
"""
import datetime
import fcntl
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, Workspace, check, expect, fail, finish,
                     init_state, one_line_error, parses, read_bytes, rpx_env,
                     run, snapshot, temp_files)

WRITERS = int(os.environ.get("RPX_WRITERS", "8"))
UPDATES = int(os.environ.get("RPX_UPDATES", "100"))


def writer_args(w, i):
    """Distinct for every (writer, update): the file changes every time."""
    k = w * UPDATES + i
    if w % 2 == 0:
        expiry = datetime.date(2027, 1, 1) + datetime.timedelta(days=k)
        return ["set", "expiry", expiry.isoformat()]
    on = datetime.date(2026, 11, 25) - datetime.timedelta(days=k % 700)
    return ["done", "photo", "--on", on.isoformat()]


def writers_and_readers(ws):
    d = ws.sub("shared")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    initial = json.loads(read_bytes(file))["revision"]
    env = rpx_env(ws.home, file, {"RPX_LOCK_TIMEOUT": "60"})
    results = [[] for _ in range(WRITERS)]
    reads = {"status": 0, "check": 0, "json": 0}
    stop = threading.Event()

    def writer(w):
        for i in range(UPDATES):
            p = subprocess.run([RPX] + writer_args(w, i), env=env,
                               capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, timeout=120)
            results[w].append((p.returncode, p.stderr))

    def reader():
        while not stop.is_set():
            for args, key in ((["status", "--format", "json"], "status"),
                              (["check", file, "--format", "json"], "check")):
                p = subprocess.run([RPX] + args, env=env, capture_output=True,
                                   text=True, stdin=subprocess.DEVNULL,
                                   timeout=120)
                # check exits 1 or 2 when the student needs action; 3 would
                # mean it could not read the file.
                ok_codes = (0,) if key == "status" else (0, 1, 2)
                if p.returncode not in ok_codes:
                    fail(f"{key} while writing exited "
                         f"{p.returncode}: {p.stderr.strip()}")
                    continue
                try:
                    doc = json.loads(p.stdout)
                    if key == "check":
                        check("check while writing: errors", doc["errors"], [])
                        check("check while writing: students",
                              len(doc["students"]), 1)
                except (ValueError, KeyError) as e:
                    fail(f"{key} while writing: bad output {e}")
                reads[key] += 1
            try:
                with open(file, encoding="utf-8") as f:
                    json.load(f)
                reads["json"] += 1
            except ValueError as e:
                fail(f"a torn file seen while writing: {e}")

    start = time.monotonic()
    threads = [threading.Thread(target=writer, args=(w,))
               for w in range(WRITERS)]
    reader_thread = threading.Thread(target=reader)
    reader_thread.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    reader_thread.join()
    elapsed = time.monotonic() - start

    saved = sum(1 for r in results for rc, _ in r if rc == 0)
    for r in results:
        for rc, err in r:
            if rc != 0:
                fail(f"a writer exited {rc}: {err.strip()}")
    doc = parses(ws.home, file)
    final = doc["revision"] if doc else None
    check("updates accounted for: revision", final, initial + saved)
    check("every update saved", saved, WRITERS * UPDATES)
    check("no temporary file left", temp_files(d), [])
    expect("the reader read while the writers wrote",
           min(reads.values()) > 0, repr(reads))
    return (f"{WRITERS} writers x {UPDATES} updates: {saved} saves, revision "
            f"{initial} -> {final}, in {elapsed:.0f} s; {reads['status']} "
            f"status, {reads['check']} check and {reads['json']} json reads "
            "all whole")


def lock_held_too_long(ws):
    d = ws.sub("locked")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    with open(file + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for args in (["done", "photo"], ["set", "expiry", "2027-05-01"],
                     ["init", "--force", "--expiry", "2027-05-01"]):
            what = f"locked, {args[0]}"
            before = snapshot(d)
            start = time.monotonic()
            rc, out, err = run(args, ws.home, file,
                               extra_env={"RPX_LOCK_TIMEOUT": "1"})
            waited = time.monotonic() - start
            check(f"{what}: exit code", rc, 75)
            check(f"{what}: stdout", out, "")
            one_line_error(what, err, f"{file} is locked by another rpx; try "
                           "again (waited 1 s)")
            check(f"{what}: file unchanged", snapshot(d), before)
            expect(f"{what}: waited the timeout", 1.0 <= waited < 30,
                   f"{waited:.2f} s")
        # Readers take no lock.
        rc, _, _ = run(["status"], ws.home, file)
        check("locked: status still reads", rc, 0)
    rc, _, err = run(["done", "photo"], ws.home, file,
                     extra_env={"RPX_LOCK_TIMEOUT": "1"})
    check("lock released: done", rc, 0)
    return "lock held: 3 commands refused with 75, file unchanged"


with Workspace("concurrency") as ws:
    summary = writers_and_readers(ws)
    summary += "; " + lock_held_too_long(ws)

finish("concurrency: " + summary)
