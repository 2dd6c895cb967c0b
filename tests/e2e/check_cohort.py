"""`rpx check` and `rpx remind` over a generated cohort.

    /usr/bin/python3 tests/e2e/check_cohort.py RPX_BINARY

with RPX_SOURCE_DIR set to the source root (ctest sets it; without it, the
root is found from this file's place). RPX_UPDATE_GOLDEN=1 rewrites the
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
- the order (most urgent first, due by days left) and `--phase` filtering of
  records, summary and exit code;
- a directory with a corrupt and an unreadable file (chmod 000, read by an
  unprivileged user: root reads anything): exit 3, the error records, the
  good file still reported;
- remind: one line per student needing action, the silent case (nothing on
  stdout or stderr, exit 0), the default state file (66 before init);
- read-only: the tree is unchanged, no lock file appears;
- a file name that is not UTF-8 still gives UTF-8 output (U+FFFD).

Exit 0 when all is well, else 1 with the problems on stderr.
"""

import csv
import io
import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(
    os.environ.get("RPX_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2]
)
EXPECTED = ROOT / "tests" / "e2e" / "expected"
TODAY = "2026-11-25"
COUNT = 28
ORDER = ["expired", "overdue", "due", "ready", "processing", "upcoming", "collected"]
COLUMNS = [
    "file", "student_id", "name", "phase", "expiry", "filing_deadline",
    "last_office_day", "days_to_deadline", "next_step", "progress_note",
    "ready_estimate", "calendar_covered", "calendar_basis",
]
NOBODY = 65534

problems = []


def problem(what):
    problems.append(what)


def expect(cond, what):
    if not cond:
        problem(what)
    return cond


class Rpx:
    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(work / "home"),
            "XDG_DATA_HOME": str(work / "home" / "data"),
            "NO_COLOR": "1",
            "TZ": "UTC",
        }

    def run(self, *args, user=None, env=None):
        cmd = [str(self.binary), "--today", TODAY, *args]
        if user is not None:
            cmd = ["setpriv", f"--reuid={user}", f"--regid={user}",
                   "--clear-groups", *cmd]
        p = subprocess.run(cmd, cwd=self.work, capture_output=True,
                           env={**self.env, **(env or {})}, timeout=120)
        return p.returncode, p.stdout, p.stderr


def snapshot(tree):
    return sorted(
        (str(p.relative_to(tree)), p.lstat().st_mtime_ns, p.lstat().st_size,
         p.lstat().st_mode)
        for p in tree.rglob("*")
    )


def golden(name, got):
    path = EXPECTED / name
    if os.environ.get("RPX_UPDATE_GOLDEN") == "1":
        EXPECTED.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
        return
    if not path.exists():
        problem(f"{path} is missing (bless with RPX_UPDATE_GOLDEN=1)")
    elif path.read_bytes() != got:
        problem(f"output differs from {path.relative_to(ROOT)}; "
                f"got:\n{got.decode(errors='replace')}")


def make_cohort(work):
    cohort = work / "cohort"
    subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fixtures" / "make_cohort.py"),
         str(cohort), "--today", TODAY, "--count", str(COUNT), "--per-dir", "8"],
        check=True)
    # rpx's own files beside the state files, and a stranger: all skipped.
    some = next(cohort.glob("g000/*.json"))
    (some.parent / f".{some.name}.tmp.AbC123").write_text("{")
    (some.parent / f"{some.name}.lock").write_text("")
    (cohort / "README.txt").write_text("not a state file\n")
    return cohort


def check_formats(rpx):
    outputs = {}
    for fmt in ["table", "json", "jsonl", "csv"]:
        rc, out, err = rpx.run("check", "cohort", "--format", fmt)
        expect(rc == 2, f"check --format {fmt}: exit {rc}, expected 2")
        expect(err == b"", f"check --format {fmt}: stderr {err!r}")
        golden(f"check_cohort.{fmt}", out)
        outputs[fmt] = out
    return outputs


def check_json_document(rpx, outputs):
    doc = json.loads(outputs["json"])
    expect(list(doc) == ["as_of", "students", "summary", "errors"],
           f"json keys {list(doc)}")
    expect(doc["as_of"] == TODAY, "json as_of")
    expect(list(doc["summary"]) == ORDER, f"summary keys {list(doc['summary'])}")
    expect(doc["summary"] == {p: COUNT // 7 for p in ORDER},
           f"summary {doc['summary']}: the generator means 4 per phase")
    expect(doc["errors"] == [], f"errors {doc['errors']}")
    students = doc["students"]
    expect(len(students) == COUNT, f"{len(students)} students")
    # Most urgent first; due by days left; ties by student id.
    keys = [(ORDER.index(s["phase"]),
             s["days_to_deadline"] if s["phase"] == "due" else 0,
             s["student_id"] or "", s["file"]) for s in students]
    expect(keys == sorted(keys), "students are not in check's order")
    # Exactly the student object `status --format json` prints.
    for s in students:
        rc, out, _ = rpx.run("--file", s["file"], "status", "--format", "json")
        expect(rc == 0 and json.loads(out) == s,
               f"{s['file']}: check's object differs from status's")
    jsonl = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    expect(jsonl == students, "jsonl objects differ from json's")
    return students


def check_csv(rpx, outputs, students):
    raw = outputs["csv"]
    expect(raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"),
           "csv lines must end in CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    expect(rows[0] == COLUMNS, f"csv header {rows[0]}")
    expect(len(rows) == COUNT + 1, f"{len(rows) - 1} csv rows")
    for row, s in zip(rows[1:], students):
        want = [
            "" if s[c] is None else
            str(s[c]).lower() if isinstance(s[c], bool) else str(s[c])
            for c in COLUMNS
        ]
        expect(row == want, f"csv row {row} != json {want}")
    names = {r[2] for r in rows[1:]}
    for name in ["王小明", "김민준", 'O\'Brien, Jr., "Sean"', "Nguyễn Văn An"]:
        expect(name in names, f"csv lost the name {name}")
    rc, bom, _ = rpx.run("check", "cohort", "--format", "csv", "--bom")
    expect(rc == 2 and bom == b"\xef\xbb\xbf" + raw, "--bom")
    rc, _, err = rpx.run("check", "cohort", "--format", "json", "--bom")
    expect(rc == 64, f"--bom with json: exit {rc}, expected 64")


def check_phase_filter(rpx, students):
    cases = [("due,overdue", 2), ("due", 1), ("ready", 1), ("expired", 2),
             ("processing,upcoming,collected", 0)]
    for phases, code in cases:
        chosen = phases.split(",")
        rc, out, _ = rpx.run("check", "cohort", "--format", "json",
                             "--phase", phases)
        doc = json.loads(out)
        expect(rc == code, f"--phase {phases}: exit {rc}, expected {code}")
        want = [s for s in students if s["phase"] in chosen]
        expect(doc["students"] == want, f"--phase {phases}: wrong students")
        expect(doc["summary"] == {p: len([s for s in want if s["phase"] == p])
                                  for p in ORDER},
               f"--phase {phases}: summary {doc['summary']}")
        rc, out, _ = rpx.run("check", "cohort", "--format", "csv",
                             "--phase", phases)
        expect(len(out.splitlines()) == 1 + len(want),
               f"--phase {phases}: csv rows")
    rc, out, err = rpx.run("check", "cohort", "--phase", "due,soon")
    expect(rc == 64 and out == b"" and b'"soon"' in err,
           f"unknown phase: exit {rc}, {err!r}")


def check_remind(rpx, work, students):
    needs = [s for s in students if s["phase"] in ORDER[:4]]
    rc, out, err = rpx.run("remind", "cohort")
    expect(rc == 2 and err == b"", f"remind: exit {rc}, stderr {err!r}")
    golden("remind_cohort.txt", out)
    lines = out.decode().splitlines()
    expect([line.split(" ", 1)[0] for line in lines] ==
           [s["phase"].upper() for s in needs], "remind: one line per student")
    # Silent: only students who need nothing.
    quiet = work / "quiet"
    quiet.mkdir()
    for s in students:
        if s["phase"] not in ORDER[:4]:
            shutil.copy(work / s["file"], quiet / pathlib.Path(s["file"]).name)
    rc, out, err = rpx.run("remind", "quiet")
    expect((rc, out, err) == (0, b"", b""),
           f"remind silent case: exit {rc}, {out!r}, {err!r}")
    # No PATH: the student's own file; none yet is 66, as for status.
    rc, out, err = rpx.run("remind")
    expect(rc == 66 and out == b"" and b"rpx init --expiry" in err,
           f"remind without a state file: exit {rc}, {err!r}")
    rc, _, _ = rpx.run("init", "--expiry", "2026-12-20", "--name", "Kim Minjun",
                       "--student-id", "2021210001")
    rc, out, err = rpx.run("remind")
    expect((rc, out, err) == (
        2, b"OVERDUE 2021210001 Kim Minjun: last office day was 2026-11-20 "
           b"(5 days ago); permit expires 2026-12-20\n", b""),
        f"remind of the own file: exit {rc}, {out!r}, {err!r}")


def check_unreadable(rpx, work):
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
    user = NOBODY if os.geteuid() == 0 else None
    if user is not None and shutil.which("setpriv") is None:
        problem("setpriv is missing: cannot check an unreadable file as root")
        return
    rc, out, err = rpx.run("check", "bad", "--format", "json", user=user)
    expect(rc == 3, f"unreadable: exit {rc}, expected 3")
    doc = json.loads(out)
    expect(err == b"", f"json puts errors in the document, not on stderr: {err!r}")
    expect([s["file"] for s in doc["students"]] == ["bad/good.json"],
           "the readable file is still reported")
    errors = {e["file"]: e["error"] for e in doc["errors"]}
    expect(errors.get("bad/corrupt.json", "").startswith("bad/corrupt.json:4:1: "),
           f"corrupt file: {errors.get('bad/corrupt.json')}")
    expect(errors.get("bad/unreadable.json") ==
           "cannot read bad/unreadable.json: Permission denied",
           f"unreadable file: {errors.get('bad/unreadable.json')}")
    rc, out, err = rpx.run("check", "bad", user=user)
    expect(rc == 3, f"table: exit {rc}")
    expect(err.decode().splitlines() == [f"rpx: {errors[f]}" for f in sorted(errors)],
           f"table: stderr {err!r}")
    expect(out.decode().splitlines()[-1].endswith("; 2 files could not be read"),
           f"table summary: {out!r}")
    rc, out, err = rpx.run("remind", "bad", user=user)
    expect(rc == 3 and len(err.splitlines()) == 2, f"remind: exit {rc}, {err!r}")
    rc, out, err = rpx.run("check", "no/such/dir", "--format", "csv")
    expect(rc == 3 and out.decode() == ",".join(COLUMNS) + "\r\n" and
           err == b"rpx: cannot read no/such/dir: No such file or directory\n",
           f"missing path: exit {rc}, {out!r}, {err!r}")


def check_byte_file_names(rpx, work):
    # A file name is bytes; JSON and CSV are UTF-8: U+FFFD stands in.
    odd = work / "odd"
    odd.mkdir()
    due = ROOT / "tests" / "fixtures" / "cli" / "cohort" / "due.json"
    shutil.copy(due, os.path.join(os.fsencode(odd), b"bad\xff.json"))
    for fmt in ["json", "jsonl", "csv", "table"]:
        rc, out, err = rpx.run("check", "odd", "--format", fmt)
        expect(rc == 1 and err == b"", f"{fmt}, name not UTF-8: exit {rc}, {err!r}")
        expect("odd/bad\ufffd.json" in out.decode("utf-8", errors="replace"),
               f"{fmt}, name not UTF-8: {out!r}")
        try:
            out.decode("utf-8")
        except UnicodeDecodeError:
            problem(f"{fmt}, name not UTF-8: output is not UTF-8")


def main():
    binary = pathlib.Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="rpx-check-") as tmp:
        work = pathlib.Path(tmp)
        (work / "home").mkdir()
        rpx = Rpx(binary, work)
        cohort = make_cohort(work)
        before = snapshot(cohort)
        outputs = check_formats(rpx)
        students = check_json_document(rpx, outputs)
        check_csv(rpx, outputs, students)
        check_phase_filter(rpx, students)
        check_remind(rpx, work, students)
        expect(snapshot(cohort) == before, "check or remind changed the cohort")
        check_unreadable(rpx, work)
        check_byte_file_names(rpx, work)
    for p in problems:
        print(f"check_cohort: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
