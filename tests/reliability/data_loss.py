"""Data that is lost or bricked (docs/reliability.md, "Round two"):

- no save writes a file the reader refuses: over-long texts refused where
  they are entered, a file too large indented is written compact, one too
  large even so is refused with 65 and the old file kept;
- a file lived in for 50 cycles of long notes stays readable;
- unknown members keep their numbers exactly; a duplicate member is an
  error naming its pointer;
- `init --force` over a file this rpx cannot read keeps it as FILE.bak;
- a failed import removes only the files it published that nobody changed,
  and an `init` meanwhile does not delete the import's live files.

usage: data_loss.py PATH-TO-RPX
"""
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, Workspace, check, expect, finish, init_state,
                     one_line_error, parses, read_bytes, refused, rpx_env,
                     run, snapshot, temp_files, write_bytes)

cases = []
counts = {}


def case(fn):
    cases.append(fn)
    return fn


def state_text(**members):
    doc = {"schema": 2, "rules": "cqupt-chongqing",
           "uuid": "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "revision": 3,
           "name": "Kim Minjun", "student_id": "2021210001",
           "expiry": "2027-01-20"}
    doc.update(members)
    return json.dumps(doc, separators=(",", ":"))


@case
def texts_too_long(ws):
    d = ws.sub("long")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    for args, what, n, limit in (
            (["done", "photo", "--note", "n" * 100000], "--note", 100000,
             1000),
            (["submit", "--phone", "1" * 65], "--phone", 65, 64),
            (["init", "--force", "--expiry", "2027-01-20", "--name",
              "y" * 201], "--name", 201, 200),
            (["init", "--force", "--expiry", "2027-01-20", "--student-id",
              "7" * 201], "--student-id", 201, 200)):
        refused(f"{what} of {n} bytes", args, 64,
                f"{what} is {n} bytes long; at most {limit} are accepted",
                ws.home, file, d)
    for args in (["done", "photo", "--note", "n" * 1000],
                 ["submit", "--phone", "1" * 64]):
        rc, _, err = run(args, ws.home, file)
        check(f"{args[0]} at the limit", (rc, err), (0, ""))


@case
def compact_when_too_large_indented(ws):
    d = ws.sub("compact")
    file = os.path.join(d, "state.json")
    # 250 000 nested one-element arrays: 1 MB indented, 0.5 MB compact.
    write_bytes(file, state_text(blob=[[1]] * 125000).encode())
    rc, _, err = run(["done", "photo"], ws.home, file)
    check("compact: done", (rc, err), (0, ""))
    size = os.path.getsize(file)
    expect("compact: at most 1 MiB", size <= 1024 * 1024, str(size))
    check("compact: one line", read_bytes(file).count(b"\n"), 1)
    doc = parses(ws.home, file)
    if doc is not None:
        check("compact: blob kept", doc["blob"], [[1]] * 125000)
        check("compact: revision", doc["revision"], 4)


@case
def too_large_even_compact(ws):
    d = ws.sub("too-large")
    file = os.path.join(d, "state.json")
    write_bytes(file, state_text(blob="b" * 1047500).encode())
    write_bytes(file + ".lock", b"")
    err = refused("too large", ["done", "photo", "--note", "n" * 1000], 65,
                  f"cannot save {file}: it would be ", ws.home, file, d)
    expect("too large: message", re.fullmatch(
        r"rpx: cannot save .*: it would be 10\d{5} bytes, more than the 1 MiB "
        r"rpx reads; nothing was written \(move old history entries to "
        r"another file, or shorten notes\)\n", err) is not None, err)
    rc, _, _ = run(["status"], ws.home, file)
    check("too large: still read", rc, 0)


@case
def fifty_cycles(ws):
    d = ws.sub("cycles")
    file = os.path.join(d, "state.json")
    init_state(ws.home, file)
    note = "é" * 500  # 1 000 bytes
    runs = 0
    for cycle in range(50):
        for args in (["done", "registration", "--note", note],
                     ["done", "photo", "--note", note],
                     ["done", "letter", "--note", note],
                     ["submit", "--phone", "0" * 64],
                     ["collect", "--new-expiry", "2027-01-20"]):
            rc, _, err = run(args, ws.home, file)
            runs += 1
            if not check(f"cycle {cycle}: {args[0]}", (rc, err), (0, "")):
                return
    doc = parses(ws.home, file)
    size = os.path.getsize(file)
    if doc is not None:
        check("50 cycles: history", len(doc["history"]), 50)
    expect("50 cycles: indented", read_bytes(file).count(b"\n") > 50)
    counts["cycles"] = f"50 cycles ({runs} saves, {size} bytes)"


@case
def unknown_numbers_verbatim(ws):
    d = ws.sub("numbers")
    file = os.path.join(d, "state.json")
    numbers = '{"big":12345678901234567890123,"e":1E2,"z":-0,"f":1.50}'
    text = ('{"schema":2,"rules":"cqupt-chongqing","uuid":"u","revision":1,'
            '"expiry":"2027-01-20","steps":{"photo":{"done":null,"n":-0}},'
            '"progress_note":{"date":"2026-11-20","n":1E2},'
            '"history":[{"expiry":"2025-12-20","n":12345678901234567890123}],'
            f'"numbers":{numbers},"s":"\\u00e9\\n"}}')
    write_bytes(file, text.encode())
    rc, _, err = run(["done", "photo"], ws.home, file)
    check("numbers: done", (rc, err), (0, ""))
    saved = read_bytes(file).decode()
    for raw in ('"big": 12345678901234567890123', '"e": 1E2', '"z": -0',
                '"f": 1.50', '"n": -0', '"n": 1E2',
                '"n": 12345678901234567890123', '"s": "\\u00e9\\n"'):
        expect(f"numbers: {raw} kept", raw in saved, saved[-400:])


@case
def duplicate_members(ws):
    d = ws.sub("duplicates")
    file = os.path.join(d, "state.json")
    write_bytes(file + ".lock", b"")
    base = ('{"schema":2,"rules":"r","uuid":"u","revision":1,'
            '"expiry":"2027-01-20",')
    for text, pointer in (
            (base + '"expiry":"2027-02-20"}', "/expiry"),
            (base + '"steps":{"photo":{"done":null,"done":"2026-11-02"}}}',
             "/steps/photo/done"),
            (base + '"history":[{"expiry":"2025-12-20"},{"expiry":'
             '"2025-12-20","steps":{},"steps":{}}]}', "/history/1/steps"),
            (base + '"a~/b":1,"a~/b":2}', "/a~0~1b")):
        write_bytes(file, text.encode())
        for args in (["status"], ["done", "photo"]):
            refused(f"duplicate {pointer}: {args[0]}", args, 65,
                    f"{file}: {pointer}: appears more than once in its object "
                    "(a member name may be used only once)", ws.home, file, d)


@case
def init_force_keeps_unreadable(ws):
    d = ws.sub("backup")
    file = os.path.join(d, "state.json")
    garbage = b'{"schema": 2, "expiry": "2027-01-2'
    write_bytes(file, garbage)
    rc, out, err = run(["init", "--force", "--expiry", "2027-01-20"],
                       ws.home, file)
    check("backup: init --force", (rc, err), (0, ""))
    check("backup: message", out.splitlines()[:2], [
        f"Created {file}.",
        f"The file it replaced could not be read by this rpx ({file}:1:35: "
        "syntax error while parsing value - invalid string: missing closing "
        f"quote; last read: '\"2027-01-2'); it is kept as {file}.bak."])
    check("backup: old bytes", read_bytes(file + ".bak"), garbage)
    newer = state_text(schema=3).encode()
    write_bytes(file, newer)
    rc, out, err = run(["init", "--force", "--expiry", "2027-01-20"],
                       ws.home, file)
    check("newer: message", out.splitlines()[1:2], [
        "The file it replaced could not be read by this rpx (written by a "
        f"newer rpx, schema 3); it is kept as {file}.bak.2."])
    check("newer: old bytes", read_bytes(file + ".bak.2"), newer)
    check("backup: first kept", read_bytes(file + ".bak"), garbage)
    rc, out, err = run(["init", "--force", "--expiry", "2027-01-20"],
                       ws.home, file)
    check("readable: no backup", (rc, len(out.splitlines()), err), (0, 2, ""))
    expect("readable: no .bak.3", not os.path.exists(file + ".bak.3"))


def stages(d):
    return [n for n in os.listdir(d) if n.startswith(".rpx-import.")]


@case
def import_rollback_keeps_changes(ws):
    """A 20 000-row import; while it runs, `init` the last row's file (so
    that the import must fail at the end) and `done photo` on the first
    file it publishes. The import rolls back; the changed file and the
    init's file stay."""
    rows = 20000
    ids = [f"30{i:08d}" for i in range(rows)]
    roster = os.path.join(ws.path, "big.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("student_id,name,expiry\n")
        for i in ids:
            f.write(f"{i},Student {i},2027-01-20\n")
    hits = 0
    for attempt in range(6):
        d = os.path.join(ws.path, f"cohort{attempt}")
        os.mkdir(d)
        first = os.path.join(d, ids[0] + ".json")
        last = os.path.join(d, ids[-1] + ".json")
        p = subprocess.Popen([RPX, "import", roster, "--into", d],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=rpx_env(ws.home))
        deadline = time.time() + 120
        while (time.time() < deadline and not stages(d)
               and not temp_files(d)):
            time.sleep(0.001)
        rc, _, err = run(["init", "--expiry", "2027-03-01"], ws.home, last)
        init_ok = check("rollback: init of the last row's file", (rc, err),
                        (0, ""))
        init_bytes = read_bytes(last) if init_ok else None
        while time.time() < deadline and not os.path.exists(first):
            if p.poll() is not None:
                break
            time.sleep(0.0005)
        rc_done, _, _ = run(["done", "photo"], ws.home, first)
        out, err = p.communicate(timeout=300)
        if rc_done != 0 or not init_ok:
            continue  # the import finished first: try again
        hits += 1
        check("rollback: import exit", p.returncode, 74)
        check("rollback: import message", err.decode(),
              f"rpx: cannot create {last}: it appeared while importing "
              "(another rpx?); nothing was imported: run the import again "
              f"(kept {first}, changed since this import created it)\n")
        doc = parses(ws.home, first)
        if doc is not None:
            check("rollback: the change kept", doc["steps"]["photo"]["done"],
                  "2026-11-25")
        check("rollback: init's file kept", read_bytes(last), init_bytes)
        left = sorted(n for n in os.listdir(d) if not n.endswith(".lock"))
        check("rollback: nothing else left", left,
              sorted([ids[0] + ".json", ids[-1] + ".json"]))
        break
    expect("rollback: the race was hit", hits > 0,
           "the import always finished before `done`")
    counts["rollback"] = f"{attempt + 1} import(s) of {rows} rows"


with Workspace("data-loss") as ws:
    for fn in cases:
        fn(ws)
finish(f"data loss: {len(cases)} groups passed; "
       f"{counts.get('cycles', '-')}; {counts.get('rollback', '-')}")
