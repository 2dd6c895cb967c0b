"""Checks `rpx export ics` with a real iCalendar parser and by hand.

    /usr/bin/python3 tests/e2e/ics_export.py RPX_BINARY

The parser is python3-icalendar (Debian package; scripts/install-deps
--test). It is lenient, so the script also checks what RFC 5545 requires
itself: VERSION, PRODID, UID, DTSTAMP and DTSTART;VALUE=DATE present, every
line ending in CRLF, no line over 75 octets, no UTF-8 sequence split by a
fold; and that UIDs are stable across runs and differ between students.
The cohort calendar (`rpx export ics PATH...`): one event per student for
the last office day (until submitted), the expiry and the ready estimate
(once submitted); UIDs unique and the same on a second export (a calendar
importing it twice replaces, never doubles); SEQUENCE higher for the one
student whose expiry moved, and for every student once an official table
replaces a provisional year; a new cycle gets new UIDs.
Exit 0 when all is well; otherwise 1, with one line on stderr per problem.
"""

import datetime
import os
import pathlib
import shutil
import subprocess
import sys

import icalendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (SOURCE, Workspace, expect, fail, finish, init_state,
                     parse_json, read_bytes, run)

DAY = "2026-10-01"  # today for every run but the one that checks DTSTAMP


def export(ws, path, today=DAY):
    r = run(["export", "ics", "--file", path], ws.home, today=today, raw=True)
    expect(f"export {path}: exit {r.rc}: {r.err!r}", r.rc == 0)
    expect(f"export {path}: stderr {r.err!r}", r.err == b"")
    return r.out


def check_lines(ics, who):
    """The octet-level rules a lenient parser does not enforce."""
    expect(f"{who}: does not end with CRLF", ics.endswith(b"\r\n"))
    lines = ics.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        expect(f"{who}: line {n} has a bare LF or CR",
               b"\n" not in line and b"\r" not in line)
        expect(f"{who}: line {n} has {len(line)} octets", len(line) <= 75)
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            fail(f"{who}: line {n} splits a UTF-8 sequence")
    unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
    for prop in (b"VERSION:2.0", b"PRODID:", b"CALSCALE:GREGORIAN"):
        expect(f"{who}: no {prop.decode()}",
               any(l.startswith(prop) for l in unfolded))
    events = unfolded.count(b"BEGIN:VEVENT")
    for prop in (b"UID:", b"DTSTAMP:", b"DTSTART;VALUE=DATE:",
                 b"DTEND;VALUE=DATE:"):
        n = sum(1 for l in unfolded if l.startswith(prop))
        expect(f"{who}: {n} {prop.decode()} for {events} events", n == events)
    return unfolded


def parse(ics, who):
    """The calendar as icalendar sees it; {uid: event}."""
    cal = icalendar.Calendar.from_ical(ics.decode("utf-8"))
    expect(f"{who}: VERSION", str(cal.get("VERSION")) == "2.0")
    expect(f"{who}: PRODID", str(cal.get("PRODID")).startswith("-//rpx//rpx "))
    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        expect(f"{who}: {uid}: DTSTART not a date",
               type(start) is datetime.date)
        expect(f"{who}: {uid}: not one all-day event",
               end - start == datetime.timedelta(days=1))
        expect(f"{who}: {uid}: DTSTAMP not a date-time",
               isinstance(ev.decoded("DTSTAMP"), datetime.datetime))
        expect(f"{who}: {uid}: SUMMARY or DESCRIPTION missing",
               ev.get("SUMMARY") and ev.get("DESCRIPTION"))
        events[uid] = ev
    return events


def triggers(event):
    out = []
    for alarm in event.walk("VALARM"):
        expect("alarm action", str(alarm.get("ACTION")) == "DISPLAY")
        expect("alarm without DESCRIPTION", bool(alarm.get("DESCRIPTION")))
        out.append(alarm.decoded("TRIGGER"))
    return out


with Workspace("ics") as ws:
    kim = os.path.join(ws.path, "kim.json")
    wang = os.path.join(ws.path, "wang.json")
    init_state(ws.home, kim, "2026-12-20", name="Kim Minjun, \"MJ\"; 김민준",
               student_id=None, today=DAY)
    # A long name: folded lines.
    init_state(ws.home, wang, "2026-10-31", name="王小明" * 12,
               student_id=None, today=DAY)

    first = export(ws, kim)
    expect("kim: two runs differ with today pinned",
           export(ws, kim) == first)
    check_lines(first, "kim")
    events = parse(first, "kim")
    uuid = next(iter(events)).split("-", 3)[-1]
    expect(f"kim: UIDs {sorted(events)}",
           set(events) == {f"last-office-day-{uuid}",
                           f"filing-deadline-{uuid}", f"expiry-{uuid}"})
    lod = events[f"last-office-day-{uuid}"]
    expect("kim: last office day",
           lod.decoded("DTSTART") == datetime.date(2026, 11, 20))
    expect(f"kim: last office day alarms {triggers(lod)}",
           sorted(triggers(lod)) == [datetime.timedelta(days=-14),
                                     datetime.timedelta(days=-3)])
    expect("kim: DTSTAMP", lod.decoded("DTSTAMP") == datetime.datetime(
        2026, 10, 1, tzinfo=datetime.timezone.utc))
    expect("kim: name in SUMMARY", "김민준" in str(lod.get("SUMMARY")))

    other = export(ws, wang)
    check_lines(other, "wang")
    wang_events = parse(other, "wang")
    expect("two students share a UID", not set(wang_events) & set(events))
    expect("wang: no folded line to test",
           any(len(l) > 75 for l in other.replace(b"\r\n ", b"")
               .split(b"\r\n")))

    # After submission: a fourth event, same UIDs for the other three.
    r = run(["submit", "--file", kim, "--on", "2026-09-25"], ws.home,
            today=DAY)
    expect(f"submit: exit {r.rc}: {r.err!r}", r.rc == 0)
    submitted = parse(export(ws, kim), "kim submitted")
    expect(f"kim submitted: UIDs {sorted(submitted)}",
           set(events) < set(submitted)
           and f"ready-estimate-{uuid}" in submitted)

    # -o FILE: the same bytes, atomically; "-" is stdout.
    out = os.path.join(ws.path, "cal.ics")
    r = run(["export", "ics", "--file", wang, "-o", out], ws.home, today=DAY,
            raw=True)
    expect(f"-o: {r}", r.rc == 0 and r.out == b"")
    expect("-o FILE differs from stdout", read_bytes(out) == other)
    r = run(["export", "ics", "--file", wang, "-o", "-"], ws.home, today=DAY,
            raw=True)
    expect("-o - differs from stdout", r.out == other)

    # Without a pinned today, DTSTAMP is the real time in UTC.
    now = datetime.datetime.now(datetime.timezone.utc)
    real = parse(export(ws, wang, today=None), "wang now")
    stamp = next(iter(real.values())).decoded("DTSTAMP")
    expect(f"DTSTAMP {stamp} is not now ({now})",
           abs((stamp - now).total_seconds()) < 120)


def cohort_export(ws, extra=()):
    r = run(["export", "ics", "cohort"] + list(extra), ws.home, cwd=ws.path,
            today="2026-11-25", raw=True)
    expect(f"cohort export: exit {r.rc}: {r.err!r}", r.rc == 0 and r.err == b"")
    check_lines(r.out, "cohort")
    events = parse(r.out, "cohort")
    expect("cohort: two events with one UID",
           r.out.count(b"BEGIN:VEVENT") == len(events))
    return events


def seq(ev):
    return int(ev.get("SEQUENCE"))


with Workspace("ics-cohort") as ws:
    work = pathlib.Path(ws.path)
    subprocess.run(["/usr/bin/python3",
                    str(SOURCE / "tests" / "fixtures" / "make_cohort.py"),
                    str(work / "cohort"), "--today", "2026-11-25", "--count",
                    "28"], check=True)
    r = run(["check", "cohort", "--format", "json"], ws.home, cwd=ws.path,
            today="2026-11-25", raw=True)
    students = parse_json(r.out)["students"]
    first = cohort_export(ws)
    want = set()
    for s in students:
        submitted = s["steps"][3]["done"] is not None
        kinds = ["expiry"]
        kinds += ["ready-estimate"] if submitted else ["last-office-day"]
        for k in kinds:
            want.add(f"{k}-{s['uuid']}-c1@rpx")
    expect(f"cohort UIDs: {len(first)} events, {len(want)} expected",
           set(first) == want)
    for s in students:
        ev = first[f"expiry-{s['uuid']}-c1@rpx"]
        expect(f"{s['file']}: expiry date",
               ev.decoded("DTSTART").isoformat() == s["expiry"])
        expect(f"{s['file']}: no alarms in a cohort calendar",
               not list(ev.walk("VALARM")))
    again = cohort_export(ws)
    expect("a second export differs",
           {u: (seq(e), e.decoded("DTSTART")) for u, e in again.items()} ==
           {u: (seq(e), e.decoded("DTSTART")) for u, e in first.items()})
    # One student's expiry corrected: only that student's SEQUENCE rises.
    one = students[12]
    r = run(["--file", one["file"], "set", "expiry", "2027-03-01"], ws.home,
            cwd=ws.path, today="2026-11-25")
    expect(f"set expiry: {r.rc} {r.err!r}", r.rc == 0)
    moved = cohort_export(ws)
    for uid, ev in moved.items():
        rose = seq(ev) > seq(first[uid]) if uid in first else True
        expect(f"{uid}: SEQUENCE {seq(ev)} after a move",
               rose == (one["uuid"] in uid))
    uid = f"expiry-{one['uuid']}-c1@rpx"
    expect("the moved expiry", moved[uid].decoded("DTSTART").isoformat() ==
           "2027-03-01")
    # An official 2027 table: every SEQUENCE rises.
    table = work / "holidays-2027.json"
    shutil.copy(SOURCE / "tests" / "fixtures" / "cli" / "holidays-2027.json",
                table)
    official = cohort_export(ws, ["--holidays", str(table)])
    expect("an official table did not raise every SEQUENCE",
           all(seq(official[u]) == seq(moved[u]) + 1 for u in moved))
    # An unreadable input: exit 3, and -o FILE is left as it was.
    out = work / "cohort.ics"
    r = run(["export", "ics", "cohort", "-o", str(out)], ws.home, cwd=ws.path,
            today="2026-11-25", raw=True)
    expect(f"cohort -o: exit {r.rc} {r.err!r}", r.rc == 0 and r.out == b"")
    before = out.read_bytes()
    (work / "cohort" / "broken.json").write_text("{", encoding="utf-8")
    r = run(["export", "ics", "cohort", "-o", str(out)], ws.home, cwd=ws.path,
            today="2026-11-25", raw=True)
    expect(f"cohort with a broken file: exit {r.rc} {r.err!r}",
           r.rc == 3 and b"broken.json" in r.err and b"left as it was" in
           r.err and out.read_bytes() == before)
    (work / "cohort" / "broken.json").unlink()
    # A new cycle: new events, the old ones gone.
    done = next(s for s in students if s["phase"] == "ready")
    r = run(["--file", done["file"], "collect", "--new-expiry", "2027-11-30"],
            ws.home, cwd=ws.path, today="2026-11-25")
    expect(f"collect: {r.rc} {r.err!r}", r.rc == 0)
    cycled = cohort_export(ws)
    mine = sorted(u for u in cycled if done["uuid"] in u)
    expect(f"new cycle UIDs {mine}",
           mine == [f"expiry-{done['uuid']}-c2@rpx",
                    f"last-office-day-{done['uuid']}-c2@rpx"])

finish("ics_export: all checks passed")
