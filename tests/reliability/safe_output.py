"""Output that is safe to show (docs/reliability.md, "Round two"):

- control characters (C0, DEL, C1) in names, notes and phones never reach a
  terminal through `status`, `plan` or `import --dry-run`;
- CSV cells a spreadsheet would run as formulas get a leading `'` (not with
  `--raw`); ICS text drops C1 controls; a roster id with a C1 control is
  refused;
- an unknown time zone in a rules file is a bad rules file (65);
  `--today ""` is a usage error (64).

usage: safe_output.py PATH-TO-RPX
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (SOURCE, Workspace, check, expect, finish, refused, run,
                     write_bytes)

cases = []
EVIL = "\x1b]0;pwned\x07\x1b[2J\u009b2J\u0085\x7f"
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def case(fn):
    cases.append(fn)
    return fn


def evil_state(path, name=f"Kim{EVIL}", student_id=f"20{EVIL}"):
    doc = {"schema": 2, "rules": "cqupt-chongqing", "uuid": "u",
           "revision": 1, "name": name, "student_id": student_id,
           "expiry": "2027-01-20",
           "steps": {"registration": {"done": "2026-11-02",
                                      "note": f"sealed{EVIL}"},
                     "submit": {"done": "2026-11-20"}},
           "progress_note": {"date": "2026-11-20", "phone": f"023{EVIL}"}}
    write_bytes(path, json.dumps(doc).encode())


@case
def no_controls_on_a_terminal(ws):
    d = ws.sub("terminal")
    file = os.path.join(d, "state.json")
    evil_state(file)
    for args in (["status"], ["plan"], ["export", "ics"]):
        rc, out, err = run(args, ws.home, file)
        check(f"{args[0]}: exit", (rc, err), (0, ""))
        text = out.replace("\r\n", "\n") if args[0] == "export" else out
        expect(f"{args[0]}: no control characters",
               CONTROL.search(text) is None, repr(out[:300]))
    rc, out, _ = run(["status"], ws.home, file)
    expect("status: shown as ?", "Kim?]0;pwned??[2J?2J??" in out, out[:200])
    roster = os.path.join(ws.path, "roster.csv")
    write_bytes(roster, ("student_id,name,expiry\n"
                         f"1001,Lee{EVIL},2027-01-20\n").encode())
    rc, out, err = run(["import", roster, "--into", os.path.join(d, "c"),
                        "--dry-run"], ws.home)
    check("import --dry-run: exit", (rc, err), (0, ""))
    expect("import --dry-run: no control characters",
           CONTROL.search(out) is None, repr(out))


@case
def csv_formulas(ws):
    d = ws.sub("csv", "cohort")
    cells = {"a": ("=HYPERLINK(\"http://x\")", "+861"),
             "b": ("-2+3", "@SUM(A1)"), "c": ("\tTab", "\rcr"),
             "d": ("Kim, Minjun", "2021")}
    for key, (name, sid) in cells.items():
        doc = {"schema": 2, "rules": "cqupt-chongqing", "uuid": key,
               "revision": 1, "name": name, "student_id": sid,
               "expiry": "2027-01-20"}
        write_bytes(os.path.join(d, f"{key}.json"), json.dumps(doc).encode())
    rc, out, err = run(["check", d, "--format", "csv"], ws.home)
    check("csv: exit", (rc, err), (1, ""))
    rows = {line.split(",")[0].rsplit("/", 1)[-1]: line
            for line in out.split("\r\n")[1:] if line}
    check("csv: =", rows.get("a.json", "").split(",")[1:3],
          ["'+861", "\"'=HYPERLINK(\"\"http://x\"\")\""])
    check("csv: - and @", rows.get("b.json", "").split(",")[1:3],
          ["'@SUM(A1)", "'-2+3"])
    check("csv: tab and CR", rows.get("c.json", "").split(",")[1:3],
          ["\"'\rcr\"", "'\tTab"])
    check("csv: plain", rows.get("d.json", "").split(",")[1:4],
          ["2021", "\"Kim", " Minjun\""])
    rc, out, err = run(["check", d, "--format", "csv", "--raw"], ws.home)
    check("csv --raw: exit", (rc, err), (1, ""))
    expect("csv --raw: no guard", "'" not in out, out)
    rc, out, err = run(["check", d, "--raw"], ws.home)
    check("--raw without csv", (rc, out, err),
          (64, "", "rpx: --raw applies to --format csv only\n"))


@case
def c1_ids_refused(ws):
    roster = os.path.join(ws.path, "c1.csv")
    write_bytes(roster, "student_id,name,expiry\n10\u009b01,Lee,2027-01-20\n"
                "10\u00a0\u00e901,Kim,2027-01-20\n".encode())
    rc, out, err = run(["import", roster, "--into",
                        os.path.join(ws.path, "c1")], ws.home)
    check("C1 id: exit", rc, 65)
    check("C1 id: message", err.splitlines()[0],
          f"rpx: {roster}:2: student id \"10\\u009b01\" cannot name a state "
          "file: it contains a control character")
    check("C1 id: one error", err.splitlines()[1],
          f"rpx: {roster}: 1 error; nothing was imported (fix the roster and "
          "run again)")


@case
def misleading_messages(ws):
    d = ws.sub("messages")
    file = os.path.join(d, "state.json")
    write_bytes(file, b'{"schema":2,"rules":"","uuid":"u","revision":1,'
                      b'"expiry":"2027-01-20"}')
    with open(os.path.join(SOURCE, "data", "rules", "cqupt-chongqing.json"),
              encoding="utf-8") as f:
        rules = json.load(f)
    rules["time_zone"] = "Mars/Olympus"
    rules_file = os.path.join(d, "rules.json")
    write_bytes(rules_file, json.dumps(rules).encode())
    refused("unknown time zone", ["--rules", rules_file, "status"], 65,
            f"{rules_file}: /time_zone: unknown time zone \"Mars/Olympus\" "
            "(expected an IANA name such as \"Asia/Shanghai\")", ws.home,
            file, d, extra_env={"RPX_TODAY": ""})
    refused("--today \"\"", ["--today", "", "status"], 64,
            "invalid value '' for --today: expected YYYY-MM-DD "
            "(see rpx --help)", ws.home, file, d)


with Workspace("safe-output") as ws:
    for fn in cases:
        fn(ws)
finish(f"safe output: {len(cases)} groups passed")
