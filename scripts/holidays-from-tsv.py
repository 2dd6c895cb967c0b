#!/usr/bin/python3
"""Writes data/holidays/YYYY.json from the reference holiday sheets.

Usage: scripts/holidays-from-tsv.py MD TSV [OUT_DIR]

MD is china-holidays.md (one table per notice-year: days off and adjusted
working days per holiday), TSV is china-holidays.tsv (one row per date:
date, kind off|work, holiday_en, holiday_zh). OUT_DIR defaults to
data/holidays/ next to this script.

The md decides the structure: which notice-year a holiday belongs to (the
New Year break of notice Y can start in December of Y - 1) and which dates
form one holiday. The TSV is the source of truth for the per-date facts and
names: every TSV row must be produced by exactly one md holiday, and the
names written are the TSV's. Where the md names a holiday differently, a
note goes to stderr. Any other disagreement stops the script, and nothing
is written. A maintainer tool, not part of the build; stdlib only.
"""

import datetime
import json
import os
import re
import sys

FORMAT = "rpx-holidays/1"
SEPARATOR = "；"  # between a notice and its supplementary notices

YEAR_HEADING = re.compile(r"^## (\d{4})\s*$")
NOTICE = re.compile(r"^Notice: (\S+的通知)\.?\s*$")
SUPPLEMENTARY = re.compile(r"^Supplementary notice")
NOTICE_TITLE = re.compile(r"国务院[^\s,，()（）]*的通知")
RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2}) \.\. (\d{4}-\d{2}-\d{2})$")
WORKDAY = re.compile(r"^(\d{4}-\d{2}-\d{2}) \((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)$")
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class SheetError(Exception):
    pass


def parse_date(text, where):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise SheetError(f"{where}: not a date: {text!r}") from None


def parse_table_row(line, where):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 6:
        raise SheetError(f"{where}: expected 6 columns, got {len(cells)}")
    en, zh, off, days, work, _notes = cells
    m = RANGE.match(off)
    if not m:
        raise SheetError(f"{where}: days off not 'FROM .. TO': {off!r}")
    first = parse_date(m.group(1), where)
    last = parse_date(m.group(2), where)
    if last < first:
        raise SheetError(f"{where}: days off end before they start")
    if int(days) != (last - first).days + 1:
        raise SheetError(f"{where}: Days says {days}, the range has "
                         f"{(last - first).days + 1}")
    workdays = []
    if work != "none":
        for item in (w.strip() for w in work.split(",")):
            m = WORKDAY.match(item)
            if not m:
                raise SheetError(f"{where}: adjusted working day not "
                                 f"'YYYY-MM-DD (Day)': {item!r}")
            d = parse_date(m.group(1), where)
            if WEEKDAYS[d.weekday()] != m.group(2):
                raise SheetError(f"{where}: {d} is a {WEEKDAYS[d.weekday()]}, "
                                 f"not a {m.group(2)}")
            if d.weekday() < 5:
                raise SheetError(f"{where}: adjusted working day {d} is not "
                                 "a Saturday or Sunday")
            workdays.append(d)
    return {"en": en, "zh": zh, "first": first, "last": last,
            "work": sorted(workdays), "where": where}


def read_md(path):
    """Returns [{"year", "notices", "holidays"}] in the order of the md."""
    years = []
    current = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            m = YEAR_HEADING.match(line)
            if m:
                current = {"year": int(m.group(1)), "notices": [],
                           "holidays": [], "where": where}
                years.append(current)
                continue
            if current is None:
                continue
            m = NOTICE.match(line)
            if m:
                current["notices"].insert(0, m.group(1))
            elif SUPPLEMENTARY.match(line):
                titles = NOTICE_TITLE.findall(line)
                if len(titles) != 1:
                    raise SheetError(f"{where}: expected one notice title in "
                                     f"the supplementary line, got {titles}")
                current["notices"].append(titles[0])
            elif line.startswith("|") and not line.startswith("| Holiday") \
                    and not line.startswith("|---"):
                current["holidays"].append(parse_table_row(line, where))
    # A year without a table (2027: "Not yet published") has no notice.
    published = [y for y in years if y["holidays"]]
    for y in published:
        if not y["notices"] or not y["notices"][0].endswith(
                f"关于{y['year']}年部分节假日安排的通知"):
            raise SheetError(f"{y['where']}: no 'Notice:' line for "
                             f"{y['year']}")
    return published


def read_tsv(path):
    """Returns {date: (kind, en, zh)}, checking the header and the order."""
    rows = {}
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "date\tkind\tholiday_en\tholiday_zh":
        raise SheetError(f"{path}:1: unexpected header")
    previous = None
    for n, line in enumerate(lines[1:], 2):
        where = f"{path}:{n}"
        cells = line.split("\t")
        if len(cells) != 4:
            raise SheetError(f"{where}: expected 4 columns")
        d = parse_date(cells[0], where)
        if previous is not None and d <= previous:
            raise SheetError(f"{where}: not sorted by date")
        if cells[1] not in ("off", "work"):
            raise SheetError(f"{where}: kind must be off or work")
        rows[d] = (cells[1], cells[2], cells[3])
        previous = d
    return rows


def check_notice_years(years):
    for y in years:
        for h in y["holidays"]:
            for d in [h["first"], h["last"]] + h["work"]:
                # Mirrors the loader: notice Y may reach back to 25-31
                # December of Y - 1, no further.
                if not (datetime.date(y["year"] - 1, 12, 25) <= d
                        <= datetime.date(y["year"], 12, 31)):
                    raise SheetError(f"{h['where']}: {d} is outside notice-"
                                     f"year {y['year']}")


def expand(years):
    """Returns {date: (kind, en, zh, holiday)} from the md tables."""
    dates = {}
    for y in years:
        for h in y["holidays"]:
            d = h["first"]
            claimed = []
            while d <= h["last"]:
                claimed.append((d, "off"))
                d += datetime.timedelta(days=1)
            claimed += [(w, "work") for w in h["work"]]
            for d, kind in claimed:
                if d in dates:
                    raise SheetError(f"{h['where']}: {d} is also claimed by "
                                     f"{dates[d][3]['where']}")
                dates[d] = (kind, h["en"], h["zh"], h)
    return dates


def reconcile(years, tsv):
    """Checks md against TSV; sets each holiday's names from the TSV."""
    dates = expand(years)
    problems = []
    for d in sorted(set(dates) - set(tsv)):
        problems.append(f"{d}: in the md ({dates[d][3]['where']}), "
                        "not in the TSV")
    for d in sorted(set(tsv) - set(dates)):
        problems.append(f"{d}: in the TSV, not in the md")
    for d in sorted(set(dates) & set(tsv)):
        if dates[d][0] != tsv[d][0]:
            problems.append(f"{d}: md says {dates[d][0]}, TSV says "
                            f"{tsv[d][0]}")
    if problems:
        raise SheetError("md and TSV disagree:\n  " + "\n  ".join(problems))
    notes = []
    for y in years:
        for h in y["holidays"]:
            names = {tsv[d][1:] for d, v in dates.items() if v[3] is h}
            if len(names) != 1:
                raise SheetError(f"{h['where']}: the TSV names its dates "
                                 f"differently: {sorted(names)}")
            en, zh = names.pop()
            if (en, zh) != (h["en"], h["zh"]):
                notes.append(f"{h['where']}: notice {y['year']}: md names "
                             f"{h['en']!r} / {h['zh']!r}, TSV names {en!r} / "
                             f"{zh!r}; using the TSV's")
            h["en"], h["zh"] = en, zh
    return notes


def to_json(year):
    """One notice-year as a holiday file, laid out as docs/holidays.md."""
    s = lambda v: json.dumps(v, ensure_ascii=False)
    holidays = []
    for h in year["holidays"]:
        work = ", ".join(s(w.isoformat()) for w in h["work"])
        holidays.append(
            "        {\n"
            f'          "name": {{"en": {s(h["en"])}, "zh": {s(h["zh"])}}},\n'
            f'          "off": {{"from": {s(h["first"].isoformat())}, '
            f'"to": {s(h["last"].isoformat())}}},\n'
            f'          "work": [{work}]\n'
            "        }")
    return (
        "{\n"
        f'  "format": {s(FORMAT)},\n'
        '  "years": [\n'
        "    {\n"
        f'      "year": {year["year"]},\n'
        f'      "notice": {s(SEPARATOR.join(year["notices"]))},\n'
        '      "holidays": [\n' + ",\n".join(holidays) + "\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n")


def tsv_from_json(texts):
    """The TSV rows the written files stand for, to prove the round trip."""
    rows = {}
    for text in texts:
        for y in json.loads(text)["years"]:
            for h in y["holidays"]:
                name = (h["name"]["en"], h["name"]["zh"])
                d = datetime.date.fromisoformat(h["off"]["from"])
                last = datetime.date.fromisoformat(h["off"]["to"])
                while d <= last:
                    rows[d] = ("off",) + name
                    d += datetime.timedelta(days=1)
                for w in h["work"]:
                    rows[datetime.date.fromisoformat(w)] = ("work",) + name
    return rows


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 64
    md, tsv_path = argv[1], argv[2]
    out_dir = argv[3] if len(argv) == 4 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "holidays")
    try:
        years = read_md(md)
        check_notice_years(years)
        tsv = read_tsv(tsv_path)
        notes = reconcile(years, tsv)
        texts = {y["year"]: to_json(y) for y in years}
        if tsv_from_json(texts.values()) != tsv:
            raise SheetError("the generated files do not reproduce the TSV")
    except (OSError, SheetError) as e:
        print(f"holidays-from-tsv: {e}", file=sys.stderr)
        return 65
    for note in notes:
        print(f"holidays-from-tsv: note: {note}", file=sys.stderr)
    os.makedirs(out_dir, exist_ok=True)
    for year, text in texts.items():
        path = os.path.join(out_dir, f"{year}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
        print(os.path.normpath(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
