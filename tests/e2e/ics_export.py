"""Checks `rpx export ics` with a real iCalendar parser and by hand.

    /usr/bin/python3 tests/e2e/ics_export.py RPX_BINARY

The parser is python3-icalendar (Debian package; scripts/install-deps
--test). It is lenient, so the script also checks what RFC 5545 requires
itself: VERSION, PRODID, UID, DTSTAMP and DTSTART;VALUE=DATE present, every
line ending in CRLF, no line over 75 octets, no UTF-8 sequence split by a
fold; and that UIDs are stable across runs and differ between students.
Exit 0 when all is well; otherwise 1, with one line on stderr per problem.
"""

import datetime
import os
import subprocess
import sys
import tempfile

import icalendar

RPX = sys.argv[1]
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)
    return ok


def rpx(*args, today="2026-10-01"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RPX_")}
    cmd = [RPX, *args] + (["--today", today] if today else [])
    return subprocess.run(cmd, capture_output=True, env=env, check=False)


def init(path, expiry, name):
    r = rpx("init", "--file", path, "--expiry", expiry, "--name", name)
    if r.returncode != 0:
        sys.exit(f"rpx init failed: {r.stderr.decode()}")


def export(path, today="2026-10-01"):
    r = rpx("export", "ics", "--file", path, today=today)
    check(r.returncode == 0, f"export {path}: exit {r.returncode}: {r.stderr}")
    check(r.stderr == b"", f"export {path}: stderr {r.stderr!r}")
    return r.stdout


def check_lines(ics, who):
    """The octet-level rules a lenient parser does not enforce."""
    check(ics.endswith(b"\r\n"), f"{who}: does not end with CRLF")
    lines = ics.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line,
              f"{who}: line {n} has a bare LF or CR")
        check(len(line) <= 75, f"{who}: line {n} has {len(line)} octets")
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            problems.append(f"{who}: line {n} splits a UTF-8 sequence")
    unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
    for prop in (b"VERSION:2.0", b"PRODID:", b"CALSCALE:GREGORIAN"):
        check(any(l.startswith(prop) for l in unfolded),
              f"{who}: no {prop.decode()}")
    events = unfolded.count(b"BEGIN:VEVENT")
    for prop in (b"UID:", b"DTSTAMP:", b"DTSTART;VALUE=DATE:",
                 b"DTEND;VALUE=DATE:"):
        n = sum(1 for l in unfolded if l.startswith(prop))
        check(n == events, f"{who}: {n} {prop.decode()} for {events} events")
    return unfolded


def parse(ics, who):
    """The calendar as icalendar sees it; {uid: event}."""
    cal = icalendar.Calendar.from_ical(ics.decode("utf-8"))
    check(str(cal.get("VERSION")) == "2.0", f"{who}: VERSION")
    check(str(cal.get("PRODID")).startswith("-//rpx//rpx "), f"{who}: PRODID")
    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        check(type(start) is datetime.date, f"{who}: {uid}: DTSTART not a date")
        check(end - start == datetime.timedelta(days=1),
              f"{who}: {uid}: not one all-day event")
        check(isinstance(ev.decoded("DTSTAMP"), datetime.datetime),
              f"{who}: {uid}: DTSTAMP not a date-time")
        check(ev.get("SUMMARY") and ev.get("DESCRIPTION"),
              f"{who}: {uid}: SUMMARY or DESCRIPTION missing")
        events[uid] = ev
    return events


def triggers(event):
    out = []
    for alarm in event.walk("VALARM"):
        check(str(alarm.get("ACTION")) == "DISPLAY", "alarm action")
        check(bool(alarm.get("DESCRIPTION")), "alarm without DESCRIPTION")
        out.append(alarm.decoded("TRIGGER"))
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        kim = os.path.join(tmp, "kim.json")
        wang = os.path.join(tmp, "wang.json")
        init(kim, "2026-12-20", "Kim Minjun, \"MJ\"; 김민준")
        init(wang, "2026-10-31", "王小明" * 12)  # a long name: folded lines

        first = export(kim)
        check(export(kim) == first, "kim: two runs differ with --today pinned")
        check_lines(first, "kim")
        events = parse(first, "kim")
        uuid = next(iter(events)).split("-", 3)[-1]
        check(set(events) == {f"last-office-day-{uuid}",
                              f"filing-deadline-{uuid}", f"expiry-{uuid}"},
              f"kim: UIDs {sorted(events)}")
        lod = events[f"last-office-day-{uuid}"]
        check(lod.decoded("DTSTART") == datetime.date(2026, 11, 20),
              "kim: last office day")
        check(sorted(triggers(lod)) == [datetime.timedelta(days=-14),
                                        datetime.timedelta(days=-3)],
              f"kim: last office day alarms {triggers(lod)}")
        check(lod.decoded("DTSTAMP") == datetime.datetime(
            2026, 10, 1, tzinfo=datetime.timezone.utc), "kim: DTSTAMP")
        check("김민준" in str(lod.get("SUMMARY")), "kim: name in SUMMARY")

        other = export(wang)
        check_lines(other, "wang")
        wang_events = parse(other, "wang")
        check(not set(wang_events) & set(events),
              "two students share a UID")
        check(any(len(l) > 75 for l in other.replace(b"\r\n ", b"")
                  .split(b"\r\n")), "wang: no folded line to test")

        # After submission: a fourth event, same UIDs for the other three.
        r = rpx("submit", "--file", kim, "--on", "2026-09-25")
        check(r.returncode == 0, f"submit: {r.stderr}")
        submitted = parse(export(kim), "kim submitted")
        check(set(events) < set(submitted)
              and f"ready-estimate-{uuid}" in submitted,
              f"kim submitted: UIDs {sorted(submitted)}")

        # -o FILE: the same bytes, atomically; "-" is stdout.
        out = os.path.join(tmp, "cal.ics")
        r = rpx("export", "ics", "--file", wang, "-o", out)
        check(r.returncode == 0 and r.stdout == b"", f"-o: {r}")
        with open(out, "rb") as f:
            check(f.read() == other, "-o FILE differs from stdout")
        r = rpx("export", "ics", "--file", wang, "-o", "-")
        check(r.stdout == other, "-o - differs from stdout")

        # Without --today, DTSTAMP is the real time in UTC.
        now = datetime.datetime.now(datetime.timezone.utc)
        real = parse(export(wang, today=None), "wang now")
        stamp = next(iter(real.values())).decoded("DTSTAMP")
        check(abs((stamp - now).total_seconds()) < 120,
              f"DTSTAMP {stamp} is not now ({now})")

    for p in problems:
        print(f"ics_export: {p}", file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
