"""Hand-written bad input, end to end: each bad state file makes `status`
and a change (`done photo`) exit 65 with one line naming the file and the
place (FILE:LINE:COL for syntax, FILE and a JSON Pointer for a bad value),
and nothing is written. Also: bad rules and holiday files, impossible dates
on the command line, a leading BOM (accepted), a newer schema (read, never
written) and the migration of a schema-1 file to schema 2.

usage: bad_input.py PATH-TO-RPX
"""
import copy
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (SOURCE, Workspace, check, expect, finish,
                     one_line_error, parses, read_bytes, run, snapshot,
                     temp_files, write_bytes)

DATE = "expected a date YYYY-MM-DD"
STRING = "expected a string"
OBJECT = "expected an object"

BASE = {
    "schema": 2,
    "rules": "cqupt-chongqing",
    "uuid": "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b",
    "revision": 3,
    "name": "Kim Minjun",
    "student_id": "2021210001",
    "expiry": "2027-01-20",
    "steps": {
        "registration": {"done": "2026-11-02", "note": "sealed"},
        "photo": {"done": None},
        "letter": {"done": None},
        "submit": {"done": None},
        "collect": {"done": None},
    },
    "progress_note": None,
    "history": [{
        "expiry": "2026-01-20",
        "steps": {"registration": {"done": "2025-12-01"},
                  "submit": {"done": "2025-12-10"}},
        "progress_note": {"date": "2025-12-10", "phone": "023-6396 1234"},
        "new_expiry": "2027-01-20",
    }],
}

# (JSON Pointer, a value of the wrong type or range, the reason rpx gives)
WRONG = [
    ("/schema", "2", "expected an integer from 1 to 2147483647"),
    ("/schema", 2.5, "expected an integer from 1 to 2147483647"),
    ("/schema", 0, "expected an integer from 1 to 2147483647"),
    ("/rules", 5, STRING),
    ("/rules", None, STRING),
    ("/uuid", 5, STRING),
    ("/uuid", "", "must not be empty"),
    ("/revision", "3", "expected an integer from 0 to 9223372036854775807"),
    ("/revision", -1, "expected an integer from 0 to 9223372036854775807"),
    ("/revision", 1e30, "expected an integer from 0 to 9223372036854775807"),
    ("/name", 5, STRING),
    ("/name", ["Kim"], STRING),
    ("/student_id", 2021210001, STRING),
    ("/expiry", 20270120, DATE),
    ("/expiry", "0000-01-01", DATE),
    ("/expiry", "9999-12-31", DATE),
    ("/expiry", "2027-02-30", DATE),
    ("/expiry", "2027-1-20", DATE),
    ("/steps", [], OBJECT),
    ("/steps/photo", True, OBJECT),
    ("/steps/photo/done", 5, DATE),
    ("/steps/photo/done", "1969-12-31", DATE),
    ("/steps/registration/note", 1, STRING),
    ("/progress_note", "2026-11-20", OBJECT),
    ("/progress_note", {"phone": "1"}, None),  # /progress_note/date: missing
    ("/history", {}, "expected an array"),
    ("/history/0", "2026-01-20", OBJECT),
    ("/history/0/expiry", 5, DATE),
    ("/history/0/steps", "all", OBJECT),
    ("/history/0/steps/submit/done", 20251210, DATE),
    ("/history/0/progress_note/date", True, DATE),
    ("/history/0/progress_note/phone", 6396, STRING),
    ("/history/0/new_expiry", 5, DATE),
]

counts = {"value": 0, "syntax": 0, "other": 0}


def set_pointer(doc, pointer, value):
    tokens = pointer.split("/")[1:]
    node = doc
    for t in tokens[:-1]:
        node = node[int(t)] if isinstance(node, list) else node[t]
    last = tokens[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return doc


def dump(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False).encode() + b"\n"


class Case:
    """A directory with one state file (and its lock, made beforehand so
    that the snapshot can include it)."""

    def __init__(self, ws, name, data):
        self.dir = ws.sub("cases", name)
        self.file = os.path.join(self.dir, "state.json")
        write_bytes(self.file, data)
        write_bytes(self.file + ".lock", b"")
        self.ws = ws

    def refused(self, what, message, pattern=False, commands=None):
        """`status` and a change both exit 65 with `message` (exact, or a
        regex when `pattern`) and leave everything as it was."""
        for args in commands or (["status"], ["done", "photo"]):
            before = snapshot(self.dir)
            start = time.monotonic()
            rc, out, err = run(args, self.ws.home, self.file)
            took = time.monotonic() - start
            w = f"{what}, {args[0]}"
            check(f"{w}: exit code", rc, 65)
            check(f"{w}: stdout", out, "")
            if pattern:
                expect(f"{w}: message", re.fullmatch(message, err) is not None
                       and err.count("\n") == 1, repr(err[:300]))
            else:
                check(f"{w}: message", err, message)
            expect(f"{w}: message is valid UTF-8", "\ufffd" not in err)
            check(f"{w}: nothing written", snapshot(self.dir) == before, True)
            check(f"{w}: no temporary file", temp_files(self.dir), [])
            # Bounded, not timed (a sanitizer build beside the suite is slow):
            # a parser that hung would take forever.
            expect(f"{w}: no hang", took < 60, f"{took:.1f} s")


def wrong_values(ws):
    for i, (pointer, value, reason) in enumerate(WRONG):
        doc = set_pointer(copy.deepcopy(BASE), pointer, value)
        c = Case(ws, f"value-{i}", dump(doc))
        if reason is None:
            message = f"rpx: {c.file}: /progress_note/date: missing\n"
        else:
            message = f"rpx: {c.file}: {pointer}: {reason}\n"
        c.refused(f"{pointer} = {value!r}", message)
        counts["value"] += 1
    c = Case(ws, "root-array", b"[]\n")
    c.refused("root an array", f"rpx: {c.file}: {OBJECT}\n")
    for key in ("schema", "rules", "uuid", "revision", "expiry"):
        doc = copy.deepcopy(BASE)
        del doc[key]
        c = Case(ws, f"missing-{key}", dump(doc))
        c.refused(f"no {key}", f"rpx: {c.file}: /{key}: missing\n")
        counts["value"] += 1


def syntax(ws, name, data, reason=".+"):
    c = Case(ws, name, data)
    c.refused(name, rf"rpx: {re.escape(c.file)}:\d+:\d+: {reason}\n",
              pattern=True)
    counts["syntax"] += 1


def syntax_errors(ws):
    good = dump(BASE)
    for cut in (0, 1, 40, len(good) // 2, len(good) - 3):
        syntax(ws, f"truncated-at-{cut}", good[:cut])
    syntax(ws, "trailing-garbage", good + b"}")
    syntax(ws, "invalid-utf8-in-string",
           good.replace(b"Kim Minjun", b"Kim \xff\xfe Minjun"))
    syntax(ws, "invalid-utf8-overlong", good.replace(b"Kim", b"\xc0\xafKim"))
    syntax(ws, "invalid-utf8-outside", b"\xff" + good)
    syntax(ws, "nul-in-string", good.replace(b"Kim", b"K\x00im"))
    syntax(ws, "nul-between-tokens", good.replace(b'"uuid"', b'\x00"uuid"'))
    syntax(ws, "nul-after", good + b"\x00")
    syntax(ws, "nul-only", b"\x00" * 100)
    deep = (b'{"schema": 2, "x": ' + b"[" * 10000 + b"]" * 10000 + b"}")
    syntax(ws, "nesting-10000", deep, "nested deeper than 64 levels")
    deep_obj = b'{"a":' * 10000 + b"1" + b"}" * 10000
    syntax(ws, "objects-10000", deep_obj, "nested deeper than 64 levels")
    syntax(ws, "number-overflow", good.replace(b'"revision": 3',
                                               b'"revision": 1' + b"0" * 400))


def limits(ws):
    # 100 MB, sparse: refused by the 1 MiB limit without reading it all.
    c = Case(ws, "huge", b"")
    with open(c.file, "wb") as f:
        f.truncate(100 * 1024 * 1024)
    c.refused("100 MB file", f"rpx: {c.file}: file is larger than 1 MiB\n")
    padded = copy.deepcopy(BASE)
    padded["padding"] = "x" * (1024 * 1024)
    c = Case(ws, "just-over", dump(padded))
    c.refused("a file just over 1 MiB",
              f"rpx: {c.file}: file is larger than 1 MiB\n")
    counts["other"] += 2


def other_data_files(ws):
    """The rules and holiday files share the reader and its limits."""
    d = ws.sub("data")
    state = os.path.join(d, "state.json")
    write_bytes(state, dump(BASE))
    bad = {
        "truncated": (b'{"format": "rpx-rules/1", "id": "x"', r":\d+:\d+: .+"),
        "deep": (b"[" * 10000 + b"]" * 10000,
                 r":\d+:\d+: nested deeper than 64 levels"),
        "nul": (b'{"id": "\x00"}', r":\d+:\d+: .+"),
        "wrong-type": (b'{"format": 1}', r": /format: .+"),
    }
    for flag in ("--rules", "--holidays"):
        for name, (data, tail) in bad.items():
            f = os.path.join(d, f"{flag[2:]}-{name}.json")
            write_bytes(f, data)
            rc, out, err = run([flag, f, "status"], ws.home, state)
            check(f"{flag} {name}: exit code", rc, 65)
            expect(f"{flag} {name}: message",
                   re.fullmatch(rf"rpx: {re.escape(f)}{tail}\n", err)
                   is not None, repr(err))
            counts["other"] += 1
    check("data files: state untouched", read_bytes(state), dump(BASE))


def bad_dates_on_the_command_line(ws):
    d = ws.sub("cli-dates")
    state = os.path.join(d, "state.json")
    write_bytes(state, dump(BASE))
    for value in ("0000-01-01", "9999-12-31", "2027-02-30", "20270120"):
        for args in (["set", "expiry", value], ["done", "photo", "--on", value],
                     ["init", "--force", "--expiry", value]):
            before = snapshot(d)
            rc, out, err = run(args, ws.home, state)
            check(f"{' '.join(args)}: exit code", rc, 64)
            one_line_error(f"{' '.join(args)}", err, f'invalid date "{value}"')
            check(f"{' '.join(args)}: nothing written", snapshot(d) == before,
                  True)
            counts["other"] += 1


def byte_order_mark(ws):
    d = ws.sub("bom")
    state = os.path.join(d, "state.json")
    write_bytes(state, b"\xef\xbb\xbf" + dump(BASE))
    rc, out, err = run(["status", "--format", "json"], ws.home, state)
    check("BOM: status", (rc, err), (0, ""))
    rc, out, err = run(["done", "photo", "--on", "2026-11-20"], ws.home, state)
    check("BOM: done", (rc, err), (0, ""))
    doc = parses(ws.home, state)
    check("BOM: saved", doc and doc["steps"]["photo"]["done"], "2026-11-20")
    counts["other"] += 1


def newer_schema(ws):
    newer = copy.deepcopy(BASE)
    newer["schema"] = 3
    newer["steps"]["biometrics"] = {"done": "2026-11-04"}
    newer["fingerprints"] = {"taken": True}
    c = Case(ws, "newer", dump(newer))
    rc, out, err = run(["status", "--format", "json"], ws.home, c.file)
    check("newer schema: status reads it", (rc, err), (0, ""))
    message = (f"rpx: {c.file} was written by a newer rpx (schema 3); this rpx "
               "knows schema 2 and will not overwrite it \u2014 upgrade rpx\n")
    c.refused("newer schema", message,
              commands=[["done", "photo"], ["undo", "registration"],
                        ["set", "expiry", "2027-02-01"], ["submit"]])
    counts["other"] += 1


def migration(ws):
    """A schema-1 file is read as before and written as schema 2, with the
    rules in force, on its next save; `init` writes schema 2."""
    demo = read_bytes(os.path.join(SOURCE, "data", "demo", "student.json"))
    old = json.loads(demo)
    check("demo file: schema 1", old["schema"], 1)
    d = ws.sub("migrate")
    state = os.path.join(d, "state.json")
    old["office"] = {"advisor": "Dr. Wang"}  # an unknown member, kept
    write_bytes(state, dump(old))
    rc, out, err = run(["status", "--format", "json"], ws.home, state)
    check("schema 1: status", (rc, err), (0, ""))
    check("schema 1: status writes nothing", json.loads(read_bytes(state)), old)
    rc, out, err = run(["done", "letter", "--on", "2026-11-20"], ws.home, state)
    check("schema 1: done letter", (rc, err), (0, ""))
    new = json.loads(read_bytes(state))
    check("migrated: schema", new.get("schema"), 2)
    check("migrated: rules", new.get("rules"), "cqupt-chongqing")
    check("migrated: revision", new.get("revision"), old["revision"] + 1)
    check("migrated: letter", new["steps"]["letter"]["done"], "2026-11-20")
    for key in ("uuid", "name", "student_id", "expiry", "history", "office"):
        check(f"migrated: {key} kept", new.get(key), old.get(key))
    for step in ("registration", "photo"):
        check(f"migrated: {step} kept", new["steps"][step], old["steps"][step])
    check("migrated: member order", list(new)[:3], ["schema", "rules", "uuid"])

    # Rules of another id are recorded by the next save.
    rules = json.loads(read_bytes(os.path.join(SOURCE, "data", "rules",
                                               "cqupt-chongqing.json")))
    rules["id"] = "other-university"
    custom = os.path.join(d, "other.json")
    write_bytes(custom, json.dumps(rules).encode())
    rc, _, err = run(["--rules", custom, "undo", "letter"], ws.home, state)
    check("other rules: undo", (rc, err), (0, ""))
    check("other rules: recorded", json.loads(read_bytes(state))["rules"],
          "other-university")

    fresh = os.path.join(d, "fresh.json")
    rc, _, err = run(["init", "--expiry", "2027-01-20"], ws.home, fresh)
    check("init: exit code", rc, 0)
    doc = json.loads(read_bytes(fresh))
    check("init: schema and rules", (doc.get("schema"), doc.get("rules")),
          (2, "cqupt-chongqing"))
    counts["other"] += 3


with Workspace("bad-input") as ws:
    wrong_values(ws)
    syntax_errors(ws)
    limits(ws)
    other_data_files(ws)
    bad_dates_on_the_command_line(ws)
    byte_order_mark(ws)
    newer_schema(ws)
    migration(ws)

finish(f"bad_input: {counts['value']} bad values, {counts['syntax']} syntax "
       f"errors and {counts['other']} other cases, each refused as documented")
