"""Drives `rpx import` end to end: nasty rosters, all or nothing, --dry-run,
--update, modes, a group share, an unwritable directory, and scale.

    /usr/bin/python3 tests/e2e/import_roster.py RPX_BINARY

Exit 0 when all is well; otherwise 1, with one line on stderr per problem.
The unwritable-directory case runs as `nobody` (via setpriv) when started
as root, since root writes anywhere; it is skipped when that is impossible.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

RPX = sys.argv[1]
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)
    return ok


def rpx(*args, prefix=(), cwd=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RPX_")}
    return subprocess.run([*prefix, RPX, *args], capture_output=True, env=env,
                          cwd=cwd, check=False)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


NASTY = (
    "\ufeffAdvisor,expiry,Name,student_id,room\r\n"
    "Dr. Wang,2026-12-20,\"O'Brien, Jr., Sean\",2021210001,A-101\r\n"
    "\"Dr. \"\"Li\"\"\",2027-01-10,王小明,2021210002,\"B-2\r\nupstairs\"\r\n"
    ",2027-03-01,김민준,2021210003,\r\n"
)


def nasty_roster(tmp):
    roster = os.path.join(tmp, "nasty.csv")
    write(roster, NASTY)
    cohort = os.path.join(tmp, "nasty")
    r = rpx("import", roster, "--into", cohort)
    check(r.returncode == 0, f"nasty: exit {r.returncode}: {r.stderr}")
    check(r.stdout == f"imported 3 students into {cohort} (0 unchanged, 0 "
          "updated)\n".encode(), f"nasty: stdout {r.stdout}")
    check(mode(cohort) == 0o700, f"nasty: directory mode {mode(cohort):o}")
    files = sorted(os.listdir(cohort))
    check(files == [f"202121000{i}.json" for i in (1, 2, 3)],
          f"nasty: files {files}")
    # The schema and rules member of a file `rpx init` makes: import makes
    # its files the same way.
    init_file = os.path.join(tmp, "init.json")
    rpx("init", "--file", init_file, "--expiry", "2026-12-20")
    made = load(init_file)
    uuids = set()
    for name in files:
        path = os.path.join(cohort, name)
        check(mode(path) == 0o600, f"nasty: {name} mode {mode(path):o}")
        s = load(path)
        uuids.add(s["uuid"])
        check((s["schema"], s.get("rules"), s["revision"]) ==
              (made["schema"], made.get("rules"), 1), f"nasty: {name} {s}")
        check(all(v["done"] is None for v in s["steps"].values()),
              f"nasty: {name} has steps done")
        r = rpx("status", "--file", path, "--format", "json",
                "--today", "2026-10-01")
        check(r.returncode == 0, f"nasty: status {name}: {r.stderr}")
    check(len(uuids) == 3, "nasty: uuids are not distinct")
    s = load(os.path.join(cohort, "2021210002.json"))
    check((s["name"], s["expiry"], s["Advisor"], s["room"]) ==
          ("王小明", "2027-01-10", 'Dr. "Li"', "B-2\nupstairs"),
          f"nasty: 2021210002 {s}")
    s = load(os.path.join(cohort, "2021210001.json"))
    check(s["name"] == "O'Brien, Jr., Sean", f"nasty: name {s['name']}")


def all_or_nothing(tmp):
    roster = os.path.join(tmp, "bad-last.csv")
    rows = "".join(f"{i},Student {i},2026-12-20\n" for i in range(1, 50))
    write(roster, "student_id,name,expiry\n" + rows + "../escape,X,2026-12-20\n")
    for cohort, exists in ((os.path.join(tmp, "none"), False),
                           (os.path.join(tmp, "empty"), True)):
        if exists:
            os.mkdir(cohort)
        r = rpx("import", roster, "--into", cohort)
        check(r.returncode == 65, f"bad last row: exit {r.returncode}")
        check(r.stderr.decode().startswith(f"rpx: {roster}:51: student id "
                                           "\"../escape\""),
              f"bad last row: stderr {r.stderr}")
        check(r.stdout == b"", f"bad last row: stdout {r.stdout}")
        check(os.path.isdir(cohort) == exists and
              (not exists or os.listdir(cohort) == []),
              f"bad last row: {cohort} was touched")
    check(not os.path.exists(os.path.join(tmp, "escape.json")),
          "bad last row: escaped the directory")


def dry_run_and_update(tmp):
    roster = os.path.join(tmp, "cohort.csv")
    write(roster, "student_id,name,expiry\n1,Kim Minjun,2026-12-20\n"
          "2,Lee Ji-woo,2027-01-10\n")
    cohort = os.path.join(tmp, "cohort")
    r = rpx("import", roster, "--into", cohort, "--dry-run")
    check(r.returncode == 0 and b"would create 2 students" in r.stdout,
          f"dry run: {r}")
    check(not os.path.exists(cohort), "dry run: created the directory")
    rpx("import", roster, "--into", cohort)
    one = os.path.join(cohort, "1.json")
    r = rpx("done", "photo", "--file", one, "--today", "2026-11-01")
    check(r.returncode == 0, f"done photo: {r.stderr}")
    before = {n: open(os.path.join(cohort, n), "rb").read()
              for n in os.listdir(cohort)}

    write(roster, "student_id,name,expiry\n1,Kim Min-jun,2027-12-20\n"
          "2,Lee Ji-woo,2027-01-10\n")
    r = rpx("import", roster, "--into", cohort, "--dry-run", "--update")
    check(b"would create 0 students" in r.stdout and b"1 to update" in
          r.stdout, f"dry run --update: {r.stdout}")
    r = rpx("import", roster, "--into", cohort)
    check(b"(2 unchanged, 0 updated)" in r.stdout, f"no --update: {r.stdout}")
    after = {n: open(os.path.join(cohort, n), "rb").read()
             for n in os.listdir(cohort)}
    check(after == before, "dry run or no --update changed a file")

    old = load(one)
    r = rpx("import", roster, "--into", cohort, "--update")
    check(b"(1 unchanged, 1 updated)" in r.stdout, f"--update: {r.stdout}")
    new = load(one)
    check((new["name"], new["expiry"], new["revision"]) ==
          ("Kim Min-jun", "2027-12-20", old["revision"] + 1),
          f"--update: {new}")
    for key in ("uuid", "steps", "student_id", "history"):
        check(new[key] == old[key], f"--update changed {key}")
    check(open(os.path.join(cohort, "2.json"), "rb").read() ==
          before["2.json"], "--update rewrote an unchanged file")


def group_share(tmp):
    share = os.path.join(tmp, "share")
    os.mkdir(share)
    gid = 4242 if os.geteuid() == 0 else os.getegid()
    os.chown(share, -1, gid)
    os.chmod(share, 0o2770)
    roster = os.path.join(tmp, "share.csv")
    write(roster, "student_id,name,expiry\n1,A,2026-12-20\n")
    r = rpx("import", roster, "--into", share)
    check(r.returncode == 0, f"share: {r.stderr}")
    st = os.stat(os.path.join(share, "1.json"))
    check(stat.S_IMODE(st.st_mode) == 0o660 and st.st_gid == gid,
          f"share: mode {stat.S_IMODE(st.st_mode):o} group {st.st_gid}")


def unwritable(tmp):
    prefix = ()
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            return
        prefix = ("setpriv", "--reuid=65534", "--regid=65534",
                  "--clear-groups")
    os.chmod(tmp, 0o755)
    locked = os.path.join(tmp, "locked")
    os.mkdir(locked, 0o555)
    roster = os.path.join(tmp, "locked.csv")
    write(roster, "student_id,name,expiry\n1,A,2026-12-20\n2,B,2026-12-20\n")
    os.chmod(roster, 0o644)
    r = rpx("import", roster, "--into", locked, prefix=prefix)
    check(r.returncode == 74, f"unwritable: exit {r.returncode}")
    check(r.stderr.startswith(f"rpx: cannot write {locked}/1.json: "
                              "Permission denied".encode()),
          f"unwritable: stderr {r.stderr}")
    check(os.listdir(locked) == [], f"unwritable: {os.listdir(locked)}")
    r = rpx("import", os.path.join(tmp, "missing.csv"), "--into", locked)
    check(r.returncode == 74 and b"No such file or directory" in r.stderr,
          f"missing roster: {r}")


def scale(tmp):
    n = 3000
    roster = os.path.join(tmp, "big.csv")
    write(roster, "student_id,name,expiry,advisor\n" + "".join(
        f"2024{i:06d},Student {i},2027-{i % 12 + 1:02d}-15,Dr. {i % 7}\n"
        for i in range(n)))
    cohort = os.path.join(tmp, "big")
    start = time.monotonic()
    r = rpx("import", roster, "--into", cohort)
    took = time.monotonic() - start
    check(r.returncode == 0, f"scale: {r.stderr}")
    names = os.listdir(cohort)
    check(len(names) == n and not any(".tmp." in x for x in names),
          f"scale: {len(names)} files")
    # A debug build on a busy machine: generous, yet far below one fsync
    # per file on a real disk.
    check(took < 120, f"scale: {n} rows took {took:.1f} s")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        nasty_roster(tmp)
        all_or_nothing(tmp)
        dry_run_and_update(tmp)
        group_share(tmp)
        unwritable(tmp)
        scale(tmp)
    for p in problems:
        print(f"import_roster: {p}", file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
