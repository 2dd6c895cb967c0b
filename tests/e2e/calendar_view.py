"""`rpx calendar` against the rest of rpx (docs/cli.md, "The month view").

    /usr/bin/python3 tests/e2e/calendar_view.py RPX_BINARY

- `calendar YEAR --format json` for an official year (2026), a provisional
  one (2027) and one before any schedule (1999): every day of the year once,
  in order; `workday` agrees with `rpx workdays is` on every day off and
  worked weekend and on a sample of the rest, and the year's workdays with
  `rpx workdays count`; `kind`, `holiday`, `basis` and `weekday` are
  consistent with each other and with the date.
- The text grid: every day of every month once, under its weekday's column,
  with the mark its JSON kind and basis call for (`*`, `+`, `?`, `!`), and
  no line wider than the width asked for (months side by side or stacked).
- The student's dates are the ones `rpx status --format json` gives, marked
  on those days and no others.

Exit 0 when all is well, else 1 with one line per problem on stderr.
"""
import datetime
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from rpxtest import Workspace, check, expect, finish, parse_json, run

MARKS = {("holiday", "official"): "*", ("adjusted_workday", "official"): "+",
         ("holiday", "provisional"): "?",
         ("adjusted_workday", "provisional"): "!"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]


def year_json(home, year):
    r = run(["calendar", str(year), "--format", "json"], home)
    check(f"calendar {year} --format json: exit", r.rc, 0)
    return parse_json(r.out)


def check_days(home, year, view):
    days = view["days"]
    first = datetime.date(year, 1, 1)
    n = (datetime.date(year + 1, 1, 1) - first).days
    check(f"{year}: days", len(days), n)
    check(f"{year}: from", view["from"], f"{year}-01-01")
    check(f"{year}: to", view["to"], f"{year}-12-31")
    sample = []
    for i, d in enumerate(days[:n]):
        date = first + datetime.timedelta(days=i)
        where = f"{year}: {date}"
        if not check(f"{where}: date", d["date"], date.isoformat()):
            return
        check(f"{where}: weekday", d["weekday"], WEEKDAYS[date.weekday()])
        weekend = date.weekday() >= 5
        want_kind = {(False, True): "workday", (True, False): "weekend"}
        kind = d["kind"]
        if kind in ("workday", "weekend"):
            check(f"{where}: kind of a plain day", kind,
                  want_kind[(weekend, not weekend)])
            check(f"{where}: holiday of a plain day", d["holiday"], None)
        else:
            expect(f"{where}: {kind} names its holiday", d["holiday"])
            if kind == "adjusted_workday":
                expect(f"{where}: a worked day is a weekend day", weekend)
            sample.append(d)
        check(f"{where}: workday", d["workday"],
              kind in ("workday", "adjusted_workday"))
        if i % 29 == 0:
            sample.append(d)
    for d in sample:
        r = run(["workdays", "is", d["date"]], home)
        check(f"workdays is {d['date']} against calendar", r.rc,
              0 if d["workday"] else 1)
    r = run(["workdays", "count", f"{year - 1}-12-31", f"{year}-12-31"], home)
    check(f"{year}: workdays in the year", int(r.out.strip() or -1),
          sum(d["workday"] for d in days))


def check_grid(home, year, view, width):
    """The text grid of `calendar YEAR` at `width` against the JSON days."""
    r = run(["calendar", str(year)], home, extra_env={"COLUMNS": str(width)})
    check(f"calendar {year} at {width}: exit", r.rc, 0)
    lines = r.out.split("\n")
    for line in lines:
        cols = sum(2 if ord(c) > 0x2e80 else 1 for c in line)
        expect(f"calendar {year} at {width}: line fits", cols <= width,
               repr(line))
    by_date = {d["date"]: d for d in view["days"]}
    # A header row gives the columns of the months beside each other; the
    # rows under it hold the days.
    seen = {}
    month_of_block = []
    title = re.compile(r"\s*([A-Z][a-z]+)")
    names = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
    for i, line in enumerate(lines):
        if line.startswith("Mo Tu We"):
            starts = [m.start() for m in re.finditer(r"Mo Tu We", line)]
            month_of_block = [names.index(n) + 1
                              for n in re.findall(r"[A-Z][a-z]+",
                                                  lines[i - 1])
                              if n in names]
            check(f"calendar {year}: months over the header",
                  len(month_of_block), len(starts))
            blocks = starts
            continue
        if not month_of_block or not re.match(r"^[ \d*+?!]+$", line) \
                or not line.strip():
            if not line.strip():
                month_of_block = []
            continue
        for b, start in enumerate(blocks):
            for cell in range(7):
                at = start + cell * 3
                text = line[at:at + 3].ljust(3)
                if not text[:2].strip():
                    continue
                day = int(text[:2])
                date = datetime.date(year, month_of_block[b], day)
                key = date.isoformat()
                expect(f"{key}: shown once", key not in seen)
                seen[key] = True
                check(f"{key}: column", cell, date.weekday())
                d = by_date[key]
                want = MARKS.get((d["kind"], d["basis"]), " ")
                check(f"{key}: mark", text[2], want)
    check(f"calendar {year} at {width}: days shown", len(seen),
          len(view["days"]))


def check_student(home, ws):
    state = os.path.join(ws.path, "s.json")
    r = run(["init", "--expiry", "2026-03-20"], home, file=state,
            today="2026-01-10")
    check("init: exit", r.rc, 0)
    r = run(["status", "--format", "json"], home, file=state,
            today="2026-01-10")
    status = parse_json(r.out)
    r = run(["calendar", "-3", "2026-02", "--format", "json"], home,
            file=state, today="2026-01-10")
    check("calendar -3 with a student: exit", r.rc, 0)
    view = parse_json(r.out)
    check("-3: from", view["from"], "2026-01-01")
    check("-3: to", view["to"], "2026-03-31")
    student = view["student"]
    for key in ("last_office_day", "filing_deadline", "expiry",
                "ready_estimate"):
        check(f"student {key}", student[key], status[key])
    want = {status["last_office_day"]: {"last_office_day"},
            status["filing_deadline"]: {"filing_deadline"},
            status["expiry"]: {"expiry"}, "2026-01-10": {"today"}}
    for d in view["days"]:
        check(f"{d['date']}: marks", set(d["marks"]),
              want.get(d["date"], set()))


def main():
    with Workspace("calendar") as ws:
        for year in (2026, 2027, 1999):
            view = year_json(ws.home, year)
            check_days(ws.home, year, view)
            # 25–31 December also depend on the next year's notice, which
            # is provisional after 2026 and from 2000.
            late = {d["basis"] for d in view["days"][-7:]}
            rest = {d["basis"] for d in view["days"][:-7]}
            want = {2026: ({"official"}, {"provisional"}),
                    2027: ({"provisional"}, {"provisional"}),
                    1999: ({"weekdays"}, {"weekdays"})}[year]
            check(f"{year}: basis before 25 December", rest, want[0])
            check(f"{year}: basis from 25 December", late, want[1])
            for width in (80, 45, 30):
                check_grid(ws.home, year, view, width)
        check_student(ws.home, ws)
    finish("calendar view: 2026, 2027 and 1999 agree with workdays and "
           "status")


if __name__ == "__main__":
    main()
