"""`rpx check` and `rpx remind` over a generated cohort.

    /usr/bin/python3 tests/e2e/check_cohort.py RPX_BINARY

with RPX_SOURCE_DIR set to the source root (ctest sets it; without it, the
root is the tree this script is in). RPX_UPDATE_GOLDEN=1 rewrites the
expected outputs in tests/e2e/expected/ instead of comparing (then read the
diff).

The cohort is tests/fixtures/make_cohort.py's, 28 students (4 per phase) in
nested directories beside rpx's own temporary and lock files, with today
pinned to 2026-11-25. Checked:

- all four formats byte for byte against tests/e2e/expected/, exit code 2;
- the CSV read back with Python's csv module (CRLF, RFC 4180 quoting, names
  such as 王小明, 김민준 and O'Brien, Jr., "Sean" intact) agrees with the
  JSON; `--bom`; every JSON student object is the one `rpx status --format
  json` prints for that file; JSONL holds the same objects;
- the order (most urgent first; inside a phase by the date that matters for
  it) and `--phase` filtering of records, summary and exit code;
- the roster's own columns: `extra` in JSON, `--columns` (built-in and extra
  fields, in the order asked; CSV and table), `--where` (one key: any of its
  values; two keys: both) on records, summary and exit code, and the bad
  uses (exit 64, or a warning for a field no student has);
- a directory with a corrupt and an unreadable file (chmod 000, read by an
  unprivileged user: root reads anything): exit 3, the error records, the
  good file still reported;
- remind: one line per student needing action, the silent case (nothing on
  stdout or stderr, exit 0), the default state file (66 before init);
- read-only: the tree is unchanged, no lock file appears;
- a file name that is not UTF-8 still gives UTF-8 output (U+FFFD);
- a cohort of 300, which every worker thread renders part of: in Chinese and
  Korean every table row and reminder is in that language, in the order of
  the JSON, and the machine formats are byte for byte the English ones.

Exit 0 when all is well, else 1 with the problems on stderr.
"""

import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (SOURCE, TODAY, Workspace, can_run_as_nobody, expect,
                     fail, finish, init_state, parse_json, run, snapshot)

EXPECTED = SOURCE / "tests" / "e2e" / "expected"
COUNT = 28
ORDER = ["expired", "overdue", "due", "ready", "processing", "upcoming", "collected"]
COLUMNS = [
    "file", "student_id", "name", "phase", "expiry", "filing_deadline",
    "last_office_day", "days_to_deadline", "next_step", "progress_note",
    "ready_estimate", "calendar_covered", "calendar_basis", "next_action",
]
os.environ["TZ"] = "UTC"  # rpx's dates follow the rules' zone, not this one


def golden(name, got):
    path = EXPECTED / name
    if os.environ.get("RPX_UPDATE_GOLDEN") == "1":
        EXPECTED.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
        return
    if not path.exists():
        fail(f"{path} is missing (bless with RPX_UPDATE_GOLDEN=1)")
    elif path.read_bytes() != got:
        fail(f"output differs from {path.relative_to(SOURCE)}; "
             f"got:\n{got.decode(errors='replace')}")


def make_cohort(work):
    cohort = work / "cohort"
    subprocess.run(
        [sys.executable, str(SOURCE / "tests" / "fixtures" / "make_cohort.py"),
         str(cohort), "--today", TODAY, "--count", str(COUNT), "--per-dir", "8"],
        check=True)
    # rpx's own files beside the state files, and a stranger: all skipped.
    some = next(cohort.glob("g000/*.json"))
    (some.parent / f".{some.name}.tmp.AbC123").write_text("{")
    (some.parent / f"{some.name}.lock").write_text("")
    (cohort / "README.txt").write_text("not a state file\n")
    return cohort


def check_formats(ws):
    outputs = {}
    for fmt in ["table", "json", "jsonl", "csv"]:
        rc, out, err = run(["check", "cohort", "--format", fmt], ws.home,
                           cwd=ws.path, raw=True)
        expect(f"check --format {fmt}: exit {rc}, expected 2", rc == 2)
        expect(f"check --format {fmt}: stderr {err!r}", err == b"")
        golden(f"check_cohort.{fmt}", out)
        outputs[fmt] = out
    return outputs


def urgent_date(s):
    """The date that orders a phase (docs/cli.md, "Order")."""
    return {"expired": s["expiry"], "overdue": s["last_office_day"],
            "due": s["last_office_day"], "upcoming": s["last_office_day"],
            "ready": s["ready_estimate"], "processing": s["ready_estimate"],
            "collected": ""}[s["phase"]]


def check_json_document(ws, outputs):
    doc = parse_json(outputs["json"])
    expect(f"json keys {list(doc)}",
           list(doc) == ["as_of", "students", "summary", "errors"])
    expect("json as_of", doc["as_of"] == TODAY)
    expect(f"summary keys {list(doc['summary'])}",
           list(doc["summary"]) == ORDER)
    expect(f"summary {doc['summary']}: the generator means 4 per phase",
           doc["summary"] == {p: COUNT // 7 for p in ORDER})
    expect(f"errors {doc['errors']}", doc["errors"] == [])
    students = doc["students"]
    expect(f"{len(students)} students", len(students) == COUNT)
    # Most urgent first; inside a phase by the date that matters for it,
    # earliest first; ties by student id, then file.
    keys = [(ORDER.index(s["phase"]), urgent_date(s), s["student_id"] or "",
             s["file"]) for s in students]
    expect("students are not in check's order", keys == sorted(keys))
    # Exactly the student object `status --format json` prints.
    for s in students:
        rc, out, _ = run(["--file", s["file"], "status", "--format", "json"],
                         ws.home, cwd=ws.path, raw=True)
        expect(f"{s['file']}: check's object differs from status's",
               rc == 0 and parse_json(out) == s)
    jsonl = [parse_json(line) for line in outputs["jsonl"].splitlines()]
    expect("jsonl objects differ from json's", jsonl == students)
    return students


def check_csv(ws, outputs, students):
    raw = outputs["csv"]
    expect("csv lines must end in CRLF",
           raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    expect(f"csv header {rows[0]}", rows[0] == COLUMNS)
    expect(f"{len(rows) - 1} csv rows", len(rows) == COUNT + 1)
    for row, s in zip(rows[1:], students):
        want = [
            "" if s[c] is None else
            str(s[c]).lower() if isinstance(s[c], bool) else str(s[c])
            for c in COLUMNS
        ]
        expect(f"csv row {row} != json {want}", row == want)
    names = {r[2] for r in rows[1:]}
    for name in ["王小明", "김민준", 'O\'Brien, Jr., "Sean"', "Nguyễn Văn An"]:
        expect(f"csv lost the name {name}", name in names)
    rc, bom, _ = run(["check", "cohort", "--format", "csv", "--bom"], ws.home,
                     cwd=ws.path, raw=True)
    expect("--bom", rc == 2 and bom == b"\xef\xbb\xbf" + raw)
    rc, _, err = run(["check", "cohort", "--format", "json", "--bom"],
                     ws.home, cwd=ws.path, raw=True)
    expect(f"--bom with json: exit {rc}, expected 64", rc == 64)


def check_phase_filter(ws, students):
    cases = [("due,overdue", 2), ("due", 1), ("ready", 1), ("expired", 2),
             ("processing,upcoming,collected", 0)]
    for phases, code in cases:
        chosen = phases.split(",")
        rc, out, _ = run(["check", "cohort", "--format", "json",
                          "--phase", phases], ws.home, cwd=ws.path, raw=True)
        doc = parse_json(out)
        expect(f"--phase {phases}: exit {rc}, expected {code}", rc == code)
        want = [s for s in students if s["phase"] in chosen]
        expect(f"--phase {phases}: wrong students", doc["students"] == want)
        expect(f"--phase {phases}: summary {doc['summary']}",
               doc["summary"] == {p: len([s for s in want if s["phase"] == p])
                                  for p in ORDER})
        rc, out, _ = run(["check", "cohort", "--format", "csv",
                          "--phase", phases], ws.home, cwd=ws.path, raw=True)
        expect(f"--phase {phases}: csv rows",
               len(out.splitlines()) == 1 + len(want))
    rc, out, err = run(["check", "cohort", "--phase", "due,soon"], ws.home,
                       cwd=ws.path, raw=True)
    expect(f"unknown phase: exit {rc}, {err!r}",
           rc == 64 and out == b"" and b'"soon"' in err)


def csv_rows(out):
    return list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))


def check_columns_where(ws, students):
    for s in students:
        expect(f"{s['file']}: extra {s['extra']}",
               set(s["extra"]) <= {"advisor", "dormitory"} and
               "advisor" in s["extra"])
    cols = ["student_id", "advisor", "phase", "dormitory", "days_to_expiry"]
    rc, out, err = run(["check", "cohort", "--format", "csv", "--columns",
                        ",".join(cols)], ws.home, cwd=ws.path, raw=True)
    expect(f"--columns csv: exit {rc}, {err!r}", rc == 2 and err == b"")
    rows = csv_rows(out)
    expect(f"--columns csv header {rows[0]}", rows[0] == cols)
    want = [[s["student_id"] or "", s["extra"]["advisor"], s["phase"],
             s["extra"].get("dormitory", ""), str(s["days_to_expiry"])]
            for s in students]
    expect("--columns csv rows differ from json", rows[1:] == want)
    rc, out, err = run(["check", "cohort", "--columns",
                        "student_id,advisor,last_office_day"], ws.home,
                       cwd=ws.path, raw=True)
    expect(f"--columns table: exit {rc}, {err!r}", rc == 2 and err == b"")
    golden("check_cohort_columns.table", out)

    def where(args, want, label):
        rc, out, err = run(["check", "cohort", "--format", "json"] + args,
                           ws.home, cwd=ws.path, raw=True)
        doc = parse_json(out)
        expect(f"{label}: wrong students", doc["students"] == want)
        expect(f"{label}: summary {doc['summary']}",
               doc["summary"] == {p: len([s for s in want if s["phase"] == p])
                                  for p in ORDER})
        late = any(s["phase"] in ("expired", "overdue") for s in want)
        action = any(s["phase"] in ("due", "ready") for s in want)
        code = 2 if late else 1 if action else 0
        expect(f"{label}: exit {rc}, expected {code}; {err!r}",
               rc == code and err == b"")

    li = [s for s in students if s["extra"]["advisor"] == "Li Wei"]
    where(["--where", "advisor=Li Wei"], li, "--where advisor")
    where(["--where", "ADVISOR=Li Wei"], li, "--where in another case")
    where(["--where", "advisor=Li Wei", "--where", "advisor=Wang Fang"],
          [s for s in students if s["extra"]["advisor"] != "Zhang Min"],
          "--where with two values")
    where(["--where", "advisor=Li Wei", "--where", "phase=due"],
          [s for s in li if s["phase"] == "due"], "--where with two keys")
    where(["--where", "advisor=li wei"], [], "--where is exact")
    # Usage errors: one line, exit 64, nothing on stdout.
    for args, part in [
            (["--columns", "uuid"], b'"uuid"'),
            (["--columns", "name,name"], b'"name" twice'),
            (["--format", "json", "--columns", "name"], b"--columns"),
            (["--where", "advisor"], b"KEY=VALUE"),
            (["--where", "=x"], b"--where")]:
        rc, out, err = run(["check", "cohort"] + args, ws.home, cwd=ws.path,
                           raw=True)
        expect(f"{args}: exit {rc}, {out!r}, {err!r}",
               rc == 64 and out == b"" and part in err and
               err.count(b"\n") == 1)
    # A field no student has: a warning, the output and exit code as ever.
    rc, out, err = run(["check", "cohort", "--format", "csv", "--columns",
                        "studnet_id,advisr"], ws.home, cwd=ws.path, raw=True)
    expect(f"unknown fields: exit {rc}, {err!r}",
           rc == 2 and err ==
           b'rpx: warning: no student has a field "studnet_id"; did you mean '
           b'"student_id"?\n'
           b'rpx: warning: no student has a field "advisr"; did you mean '
           b'"advisor"?\n')
    expect("unknown fields: empty cells",
           csv_rows(out)[1:] == [["", ""]] * len(students))


def check_remind(ws, students):
    work = pathlib.Path(ws.path)
    needs = [s for s in students if s["phase"] in ORDER[:4]]
    rc, out, err = run(["remind", "cohort"], ws.home, cwd=ws.path, raw=True)
    expect(f"remind: exit {rc}, stderr {err!r}", rc == 2 and err == b"")
    golden("remind_cohort.txt", out)
    lines = out.decode().splitlines()
    expect("remind: one line per student",
           [line.split(" ", 1)[0] for line in lines] ==
           [s["phase"].upper() for s in needs])
    # Silent: only students who need nothing.
    quiet = work / "quiet"
    quiet.mkdir()
    for s in students:
        if s["phase"] not in ORDER[:4]:
            shutil.copy(work / s["file"], quiet / pathlib.Path(s["file"]).name)
    rc, out, err = run(["remind", "quiet"], ws.home, cwd=ws.path, raw=True)
    expect(f"remind silent case: exit {rc}, {out!r}, {err!r}",
           (rc, out, err) == (0, b"", b""))
    # No PATH: the student's own file; none yet is 66, as for status.
    rc, out, err = run(["remind"], ws.home, cwd=ws.path, raw=True)
    expect(f"remind without a state file: exit {rc}, {err!r}",
           rc == 66 and out == b"" and b"rpx init --expiry" in err)
    init_state(ws.home, None, expiry="2026-12-20")
    rc, out, err = run(["remind"], ws.home, cwd=ws.path, raw=True)
    expect(f"remind of the own file: exit {rc}, {out!r}, {err!r}",
           (rc, out, err) == (
               2, b"OVERDUE 2021210001 Kim Minjun: last office day was "
                  b"2026-11-20 (5 days ago); permit expires 2026-12-20\n",
               b""))


def check_unreadable(ws):
    work = pathlib.Path(ws.path)
    bad = work / "bad"
    bad.mkdir()
    shutil.copy(next((work / "cohort").glob("g000/*.json")), bad / "good.json")
    (bad / "corrupt.json").write_text('{\n  "schema": 1,\n  "uuid": \n}\n')
    secret = bad / "unreadable.json"
    shutil.copy(bad / "good.json", secret)
    secret.chmod(0)
    # The unprivileged user must reach the directory and the binary.
    for d in [work, bad]:
        d.chmod(0o755)
    if not can_run_as_nobody():
        fail("setpriv is missing: cannot check an unreadable file as root")
        return
    rc, out, err = run(["check", "bad", "--format", "json"], ws.home,
                       cwd=ws.path, raw=True, as_nobody=True)
    expect(f"unreadable: exit {rc}, expected 3", rc == 3)
    doc = parse_json(out)
    expect(f"json puts errors in the document, not on stderr: {err!r}",
           err == b"")
    expect("the readable file is still reported",
           [s["file"] for s in doc["students"]] == ["bad/good.json"])
    errors = {e["file"]: e["error"] for e in doc["errors"]}
    expect(f"corrupt file: {errors.get('bad/corrupt.json')}",
           errors.get("bad/corrupt.json", "")
           .startswith("bad/corrupt.json:4:1: "))
    expect(f"unreadable file: {errors.get('bad/unreadable.json')}",
           errors.get("bad/unreadable.json") ==
           "cannot read bad/unreadable.json: Permission denied")
    rc, out, err = run(["check", "bad"], ws.home, cwd=ws.path, raw=True,
                       as_nobody=True)
    expect(f"table: exit {rc}", rc == 3)
    expect(f"table: stderr {err!r}",
           err.decode().splitlines() ==
           [f"rpx: {errors[f]}" for f in sorted(errors)])
    expect(f"table summary: {out!r}",
           out.decode().splitlines()[-1]
           .endswith("; 2 files could not be read"))
    rc, out, err = run(["remind", "bad"], ws.home, cwd=ws.path, raw=True,
                       as_nobody=True)
    expect(f"remind: exit {rc}, {err!r}",
           rc == 3 and len(err.splitlines()) == 2)
    rc, out, err = run(["check", "no/such/dir", "--format", "csv"], ws.home,
                       cwd=ws.path, raw=True)
    expect(f"missing path: exit {rc}, {out!r}, {err!r}",
           rc == 3 and out.decode() == ",".join(COLUMNS) + "\r\n" and
           err == b"rpx: cannot read no/such/dir: No such file or directory\n")


def check_byte_file_names(ws):
    # A file name is bytes; JSON and CSV are UTF-8: U+FFFD stands in.
    odd = pathlib.Path(ws.path) / "odd"
    odd.mkdir()
    due = SOURCE / "tests" / "fixtures" / "cli" / "cohort" / "due.json"
    shutil.copy(due, os.path.join(os.fsencode(odd), b"bad\xff.json"))
    for fmt in ["json", "jsonl", "csv", "table"]:
        rc, out, err = run(["check", "odd", "--format", fmt], ws.home,
                           cwd=ws.path, raw=True)
        expect(f"{fmt}, name not UTF-8: exit {rc}, {err!r}",
               rc == 1 and err == b"")
        expect(f"{fmt}, name not UTF-8: {out!r}",
               "odd/bad\ufffd.json" in out.decode("utf-8", errors="replace"))
        try:
            out.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{fmt}, name not UTF-8: output is not UTF-8")


def labels(lang, kind):
    """The catalogue's phase labels ("label" for the table, "title" for
    remind) in `lang`."""
    messages = json.loads((SOURCE / "data" / "i18n" / f"{lang}.json")
                          .read_text(encoding="utf-8"))["messages"]
    return {p: messages[f"phase.{kind}.{p}"] for p in ORDER}


def check_threads_and_languages(ws):
    work = pathlib.Path(ws.path)
    big = work / "big"
    subprocess.run(
        [sys.executable, str(SOURCE / "tests" / "fixtures" / "make_cohort.py"),
         str(big), "--today", TODAY, "--count", "300", "--per-dir", "40"],
        check=True)
    rc, out, _ = run(["check", "big", "--format", "json"], ws.home,
                     cwd=ws.path, raw=True)
    students = parse_json(out.decode())["students"]
    expect(f"300 students: exit {rc}, {len(students)} read",
           rc == 2 and len(students) == 300)
    for fmt in ["json", "jsonl", "csv"]:
        english = run(["--lang", "en", "check", "big", "--format", fmt],
                      ws.home, cwd=ws.path, raw=True)
        for lang in ["zh", "ko"]:
            other = run(["--lang", lang, "check", "big", "--format", fmt],
                        ws.home, cwd=ws.path, raw=True)
            expect(f"--format {fmt} differs in {lang}", other == english)
    needs = [s for s in students if s["phase"] in ORDER[:4]]
    for lang in ["zh", "ko"]:
        rc, out, err = run(["--lang", lang, "check", "big"], ws.home,
                           cwd=ws.path)
        rows = out.splitlines()[1:1 + len(students)]
        label = labels(lang, "label")
        expect(f"{lang} table: exit {rc}, {err!r}", rc == 2 and err == "")
        expect(f"{lang} table: a row not in {lang} or out of order",
               [(r.split("  ")[0].strip(), r.split("  ")[-1].strip())
                for r in rows] ==
               [(label[s["phase"]], s["file"]) for s in students])
        rc, out, err = run(["--lang", lang, "remind", "big"], ws.home,
                           cwd=ws.path)
        title = labels(lang, "title")
        lines = out.splitlines()
        expect(f"{lang} remind: exit {rc}, {len(lines)} lines, {err!r}",
               rc == 2 and err == "" and len(lines) == len(needs))
        # A student without an id goes by name, without a name by file.
        expect(f"{lang} remind: a line not in {lang} or out of order",
               all(line.startswith(f"{title[s['phase']]} "
                                   f"{s['student_id'] or s['name'] or s['file']}")
                   for line, s in zip(lines, needs)))


with Workspace("check") as ws:
    cohort = make_cohort(pathlib.Path(ws.path))
    before = snapshot(cohort, mtimes=True)
    outputs = check_formats(ws)
    students = check_json_document(ws, outputs)
    check_csv(ws, outputs, students)
    check_phase_filter(ws, students)
    check_columns_where(ws, students)
    check_remind(ws, students)
    expect("check or remind changed the cohort",
           snapshot(cohort, mtimes=True) == before)
    check_unreadable(ws)
    check_byte_file_names(ws)
    check_threads_and_languages(ws)
finish(f"check_cohort: {COUNT} students, every check passed")
