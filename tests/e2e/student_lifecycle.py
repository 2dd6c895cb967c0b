"""A scripted student, from `rpx init` to `rpx collect --new-expiry`, run
against the built binary: exact JSON after each command, exit codes and
one-line errors for every refusal (which leaves the state file's directory
as it was), file modes, unknown keys kept, and an unparseable file left byte
for byte untouched by every mutating command.

usage: student_lifecycle.py PATH-TO-RPX
"""
import fcntl
import json
import os
import stat
import sys

import jsonschema

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (SOURCE, Workspace, check, fail, finish, load_json,
                     parse_json, refused, run)


def status():
    rc, out, err = run(["status", "--format", "json"], HOME, STATE)
    check("status rc", rc, 0)
    check("status stderr", err, "")
    return parse_json(out)


def steps(done):
    ids = ["registration", "photo", "letter", "submit", "collect"]
    return [{"id": i, "n": n + 1, "done": done.get(i), "note": None}
            for n, i in enumerate(ids)]


def expect_student(what, got, **fields):
    for key, want in fields.items():
        check(f"{what}: {key}", got.get(key), want)


def refused_here(what, args, rc_want, message_start, **kw):
    """A refusal that changes nothing in the state file's directory."""
    refused(what, args, rc_want, message_start, HOME, STATE,
            os.path.dirname(STATE), **kw)


with Workspace("lifecycle") as ws:
    HOME = ws.home
    STATE = os.path.join(ws.path, "deep", "dir", "state.json")
    os.umask(0o022)

    refused_here("status before init", ["status"], 66, "no state file at ")
    rc, out, err = run(["init", "--expiry", "2027-01-20", "--name",
                        "Kim Minjun", "--student-id", "2021210001"],
                       HOME, STATE)
    check("init rc", rc, 0)
    check("init stdout", out,
          f"Created {STATE}.\nLast office day Monday 2026-12-21 (in 26 days);"
          " permit expires Wednesday 2027-01-20.\n")
    check("file mode", stat.S_IMODE(os.stat(STATE).st_mode), 0o600)
    check("dir mode", stat.S_IMODE(os.stat(os.path.dirname(STATE)).st_mode),
          0o700)
    refused_here("init again", ["init", "--expiry", "2027-01-20"], 73,
                 f"{STATE} already exists")

    s = status()
    expect_student("after init", s, file=STATE, name="Kim Minjun",
                   student_id="2021210001", phase="due", expiry="2027-01-20",
                   filing_deadline="2026-12-21", last_office_day="2026-12-21",
                   days_to_deadline=26, next_step="registration",
                   steps=steps({}), progress_note=None, ready_estimate=None,
                   calendar_covered=True, warnings=[], deadline_moved_by=None,
                   deadline_holiday=None)
    uuid = s["uuid"]

    # A staff script adds its own keys; rpx must keep them.
    doc = load_json(STATE)
    doc["advisor"] = {"name": "Ms. Zhang", "ext": 1234}
    doc["steps"]["photo"]["studio"] = "Jiang Pan"
    with open(STATE, "w") as f:
        json.dump(doc, f)

    check("done photo",
          run(["done", "photo", "--on", "2026-11-03"], HOME, STATE)[0], 0)
    check("done 1", run(["done", "1", "--on", "2026-11-02", "--note",
                         "sealed"], HOME, STATE)[0], 0)
    refused_here("done in the future",
                 ["done", "letter", "--on", "2026-11-26"], 65,
                 "--on 2026-11-26 is after today (2026-11-25)")
    refused_here("unknown step", ["done", "visa"], 64, "unknown step 'visa'")
    refused_here("step 6", ["done", "6"], 64, "unknown step '6'")
    refused_here("bad --on", ["done", "letter", "--on", "2026-11-3"], 64,
                 'invalid date "2026-11-3" for --on')
    refused_here("collect before submit", ["collect"], 65,
                 "cannot collect before submitting")
    check("done letter", run(["done", "letter"], HOME, STATE)[0], 0)
    doc = load_json(STATE)
    check("unknown top-level key kept", doc.get("advisor"),
          {"name": "Ms. Zhang", "ext": 1234})
    check("unknown step key kept", doc["steps"]["photo"].get("studio"),
          "Jiang Pan")
    check("revision", doc["revision"], 4)

    rc, out, err = run(["submit", "--phone", "023-6396 1234"], HOME, STATE,
                       today="2026-12-01")
    check("submit rc", rc, 0)
    check("submit stdout", out,
          "✓ 4. Submit the documents and collect the Progress Note: "
          "submitted on 2026-12-01.\nPassport back around Tuesday 2026-12-22"
          " (15 workdays after the Progress Note).\n")
    s = status()
    expect_student("after submit", s, phase="processing",
                   progress_note="2026-12-01", ready_estimate="2026-12-22",
                   phone="023-6396 1234", next_step="collect")
    check("submit step date", s["steps"][3]["done"], "2026-12-01")

    check("undo submit",
          run(["undo", "submit"], HOME, STATE, today="2026-12-01")[0], 0)
    s = status()
    expect_student("after undo submit", s, progress_note=None, phone=None,
                   ready_estimate=None, phase="due", next_step="submit")
    check("done submit", run(["done", "submit", "--on", "2026-12-01"],
                             HOME, STATE, today="2026-12-02")[0], 0)
    s = status()
    expect_student("after done submit", s, progress_note="2026-12-01",
                   phone=None, ready_estimate="2026-12-22")
    rc, out, _ = run(["undo", "photo"], HOME, STATE, today="2026-12-02")
    check("undo photo", (rc, out),
          (0, "✗ 2. Get a photo and the Exit-Entry Photograph receipt: no "
              "longer done.\n"))
    rc, out, _ = run(["undo", "photo"], HOME, STATE, today="2026-12-02")
    check("undo photo again", (rc, out),
          (0, "2. Get a photo and the Exit-Entry Photograph receipt is not "
              "done; nothing changed.\n"))
    check("redo photo", run(["done", "photo", "--on", "2026-11-03"],
                            HOME, STATE, today="2026-12-02")[0], 0)

    refused_here("collect before the submission date",
                 ["collect", "--on", "2026-11-30"], 65,
                 "cannot collect on 2026-11-30, before the submission on "
                 "2026-12-01",
                 today="2026-12-23")
    refused_here("new expiry not after collection",
                 ["collect", "--on", "2026-12-23",
                  "--new-expiry", "2026-12-23"], 65,
                 "--new-expiry 2026-12-23 is not after the collection date",
                 today="2026-12-23")
    rc, out, err = run(["collect", "--on", "2026-12-23", "--new-expiry",
                        "2028-01-19"], HOME, STATE, today="2026-12-23")
    check("collect rc", (rc, err), (0, ""))
    s = status()
    expect_student("new cycle", s, uuid=uuid, expiry="2028-01-19",
                   filing_deadline="2027-12-20", phase="upcoming",
                   steps=steps({}), progress_note=None, calendar_covered=False,
                   next_step="registration")
    doc = load_json(STATE)
    schema = load_json(SOURCE / "data" / "schema" / "state.schema.json")
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        fail(f"written file does not match the schema: {e.message}")
    check("history length", len(doc["history"]), 1)
    h = doc["history"][0]
    check("history expiry", h["expiry"], "2027-01-20")
    check("history new_expiry", h["new_expiry"], "2028-01-19")
    check("history collect", h["steps"]["collect"]["done"], "2026-12-23")
    check("history note", h["steps"]["registration"].get("note"), "sealed")
    check("advisor still kept", doc.get("advisor"),
          {"name": "Ms. Zhang", "ext": 1234})

    rc, out, err = run(["set", "expiry", "2028-02-01"], HOME, STATE)
    check("set expiry", (rc, err), (0, ""))
    check("set expiry stdout first line", out.splitlines()[0],
          "Expiry changed from 2028-01-19 to 2028-02-01.")
    check("mode kept", stat.S_IMODE(os.stat(STATE).st_mode), 0o600)

    # The lock: another rpx holding it longer than the wait gives 75.
    with open(STATE + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        refused_here("locked", ["done", "photo"], 75, f"{STATE} is locked",
                     extra_env={"RPX_LOCK_TIMEOUT": "0.2"})
        rc, _, _ = run(["status"], HOME, STATE)
        check("status while locked", rc, 0)

    # An unparseable file is never overwritten, whatever the command.
    with open(STATE, "wb") as f:
        f.write(b'{"schema": 1, "uuid": "x", "expiry": "2027-01-20",,}\n')
    for args in (["done", "photo"], ["undo", "photo"], ["submit"],
                 ["collect"], ["set", "expiry", "2027-01-01"],
                 ["init", "--expiry", "2027-01-01"], ["status"], ["plan"]):
        rc_want = 73 if args[0] == "init" else 65
        start = f"{STATE} already exists" if args[0] == "init" else f"{STATE}:1:"
        refused_here(f"corrupt file: {' '.join(args)}", args, rc_want, start)
    # Wrong type: named by JSON Pointer.
    with open(STATE, "w") as f:
        f.write('{"schema": 1, "uuid": "x", "revision": 1, "expiry": '
                '"2027-01-20", "steps": {"photo": {"done": 5}}}\n')
    refused_here("wrong type", ["done", "letter"], 65,
                 f"{STATE}: /steps/photo/done: expected a date YYYY-MM-DD")
    # A newer schema is read but never written.
    with open(STATE, "w") as f:
        f.write('{"schema": 99, "uuid": "x", "revision": 1, "expiry": '
                '"2027-01-20", "steps": {}}\n')
    refused_here("newer schema", ["done", "letter"], 65,
                 f"{STATE} was written by a newer rpx (schema 99)")

finish("student lifecycle: all checks passed")
