"""`rpx check --format html`, tested as a person sees it.

    /usr/bin/python3 tests/e2e/html_report.py RPX_BINARY

Needs Debian's `chromium` and `python3-html5lib` (`scripts/install-deps
--test`). Checked:

- a hostile roster, imported as staff would (names and an extra column with
  `<script>`, an `<img onerror>`, markup that closes the table, `&`, quotes,
  right-to-left Arabic and Hebrew, emoji; a file name with `<`, `&`, `"`):
  the page parses as valid HTML (html5lib, strict), and no markup from the
  data reaches the DOM: one script (rpx's own), no event attribute, no
  element the page does not write itself; every name is there as text;
- without script (html5lib reads the page as written): the whole table,
  the filter controls hidden;
- in headless Chromium: the DOM after the script ran (`--dump-dom`): the
  controls shown, "N / N" rows, the phase counts and a known student; a
  PNG screenshot and an A4-landscape PDF, kept as artefacts in
  RPX_ARTEFACT_DIR (default: `artefacts/` beside the binary), for a
  28-student cohort and for a 300-student one;
- nothing is fetched: a Content-Security-Policy of default-src 'none', no
  src or href attribute, no url() but the chart's own pattern.

Exit 0 when all is well, else 1 with the problems on stderr.
"""

import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

import html5lib  # noqa: E402  (Debian's python3-html5lib)

from rpxtest import (RPX, SOURCE, TODAY, Workspace, expect, fail,  # noqa: E402
                     finish, run)

NS = "{http://www.w3.org/1999/xhtml}"
HOSTILE = [
    ("2021310001", "<script>alert(1)</script>", "<b onclick=alert(4)>Li</b>"),
    ("2021310002", '"><img src=x onerror=alert(2)>', "javascript:alert(3)"),
    ("2021310003", "Tom & Jerry's \"Café\"", "&amp; &lt;"),
    ("2021310004", "محمد عبد الله", "د. ليلى"),
    ("2021310005", "דוד כהן", "</td></tr></table><h1>x</h1>"),
    ("2021310006", "🎓 Kim 김민준 👩‍🎓", "<!-- c --><style>*{}</style>"),
    ("2021310007", "</bdi></td><td>x", "' onmouseover='alert(5)"),
]
# The elements rpx writes itself; anything else came from data.
OWN = {"html", "head", "meta", "title", "style", "body", "header", "h1",
       "h2", "p", "ul", "li", "span", "svg", "defs", "pattern", "rect",
       "line", "text", "div", "label", "select", "option", "input", "table",
       "thead", "tbody", "tr", "th", "td", "bdi", "footer", "script"}
ARTEFACTS = pathlib.Path(os.environ.get(
    "RPX_ARTEFACT_DIR", pathlib.Path(RPX).parent / "artefacts"))
os.environ["TZ"] = "UTC"


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"'


def local(tag):
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def parse(html, what):
    """The page as html5lib's strict parser builds it; fails on any parse
    error (invalid HTML)."""
    try:
        return html5lib.HTMLParser(strict=True).parse(html)
    except Exception as e:  # html5lib raises ParseError with the position
        fail(f"{what}: not valid HTML: {e}")
        return html5lib.parse(html)


def check_dom(doc, what):
    elements = list(doc.iter())
    tags = [local(e.tag) for e in elements]
    scripts = [e for e in elements if local(e.tag) == "script"]
    expect(f"{what}: {len(scripts)} script elements, expected rpx's one",
           len(scripts) == 1)
    strangers = sorted({t for t in tags if t and t not in OWN})
    expect(f"{what}: elements from data: {strangers}", not strangers)
    for e in elements:
        for name, value in e.attrib.items():
            expect(f"{what}: event attribute {name}={value!r}",
                   not local(name).lower().startswith("on"))
            expect(f"{what}: fetching attribute {name}={value!r}",
                   local(name) not in ("src", "href"))
    # A comment's tag is a function, an element's a string.
    expect(f"{what}: a comment from data",
           not any(callable(e.tag) for e in elements))
    expect(f"{what}: {tags.count('h1')} h1 elements", tags.count("h1") == 1)
    expect(f"{what}: {tags.count('style')} style elements",
           tags.count("style") == 1)
    cells = ["".join(td.itertext()) for td in doc.iter(NS + "td")]
    for sid, name, advisor in HOSTILE:
        expect(f"{what}: the name {name!r} is not a cell's text", name in cells)
        expect(f"{what}: the advisor {advisor!r} is not a cell's text",
               advisor in cells)
    expect(f"{what}: the file name with markup is not a cell's text",
           any('odd/a<b>&"c.json' in c for c in cells))


def make_hostile(ws):
    work = pathlib.Path(ws.path)
    rows = ["student_id,name,expiry,advisor"]
    for i, (sid, name, advisor) in enumerate(HOSTILE):
        expiry = f"2026-12-{10 + 3 * i:02d}"
        rows.append(",".join([sid, csv_cell(name), expiry, csv_cell(advisor)]))
    (work / "roster.csv").write_text("\r\n".join(rows) + "\r\n",
                                     encoding="utf-8")
    rc, out, err = run(["import", "roster.csv", "--into", "students"], ws.home,
                       cwd=ws.path)
    expect(f"import: exit {rc}, {err!r}", rc == 0)
    odd = work / "students" / "odd"
    odd.mkdir()
    shutil.copy(work / "students" / f"{HOSTILE[0][0]}.json",
                odd / 'a<b>&"c.json')


def chromium(args, what):
    """Runs headless Chromium (root needs --no-sandbox); returns stdout."""
    exe = shutil.which("chromium")
    if exe is None:
        fail("chromium is not installed: scripts/install-deps --test")
        return b""
    profile = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / \
        f"rpx-chromium-{os.getpid()}"
    p = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu",
         "--hide-scrollbars", f"--user-data-dir={profile}",
         "--no-first-run", "--no-pdf-header-footer"] + args,
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    expect(f"{what}: chromium exit {p.returncode}: {p.stderr[-300:]!r}",
           p.returncode == 0)
    return p.stdout


def png_size(path):
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
        return (0, 0), 0
    return struct.unpack(">II", data[16:24]), len(data)


def seen_by_chromium(page, name, students, counts, known):
    """The page in Chromium: DOM after the script, screenshot, PDF."""
    url = page.as_uri()
    dom = chromium(["--dump-dom", url], f"{name}: dump-dom").decode("utf-8")
    doc = parse(dom, f"{name}: the DOM after the script")
    controls = [e for e in doc.iter(NS + "div") if e.get("id") == "controls"]
    expect(f"{name}: the script did not show the controls",
           len(controls) == 1 and "hidden" not in controls[0].attrib)
    shown = [e for e in doc.iter(NS + "span") if e.get("id") == "shown"]
    expect(f"{name}: rows shown {shown and shown[0].text!r}",
           shown and shown[0].text == f"{students} / {students}")
    rows = list(doc.iter(NS + "tr"))
    expect(f"{name}: {len(rows) - 1} rows", len(rows) - 1 == students)
    text = " ".join(" ".join("".join(li.itertext()).split())
                    for li in doc.iter(NS + "li"))
    for phase, n in counts.items():
        expect(f"{name}: phase count {n} {phase} not in {text!r}",
               re.search(rf"(?<![0-9]){n} {phase}\b", text))
    expect(f"{name}: the student {known!r}",
           any(known in "".join(td.itertext()) for td in doc.iter(NS + "td")))
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTEFACTS / f"{name}.png"
    chromium([f"--screenshot={png}", "--window-size=1400,1000", url],
             f"{name}: screenshot")
    size, length = png_size(png)
    expect(f"{name}: screenshot {size}, {length} bytes",
           size == (1400, 1000) and length > 20000)
    pdf = ARTEFACTS / f"{name}.pdf"
    chromium([f"--print-to-pdf={pdf}", url], f"{name}: pdf")
    data = pdf.read_bytes() if pdf.exists() else b""
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    expect(f"{name}: pdf {data[:8]!r}, pages {boxes[:2]}",
           data.startswith(b"%PDF-") and boxes and all(
               abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2
               for w, h in boxes))
    return doc


def main():
    with Workspace("html") as ws:
        work = pathlib.Path(ws.path)
        make_hostile(ws)
        rc, out, err = run(["check", "students", "--format", "html",
                            "--columns", "student_id,name,advisor,phase,file"],
                           ws.home, cwd=ws.path, raw=True)
        expect(f"hostile: exit {rc}, {err!r}", rc == 2 and err == b"")
        page = work / "hostile.html"
        page.write_bytes(out)
        doc = parse(out, "hostile, as written")
        check_dom(doc, "hostile, as written")
        text = out.decode("utf-8")
        expect("CSP", "content=\"default-src 'none'; style-src "
               "'unsafe-inline'; script-src 'unsafe-inline'\"" in text)
        expect(f"url() other than the chart's: "
               f"{re.findall(r'url[(][^)]*[)]', text)}",
               set(re.findall(r"url[(][^)]*[)]", text)) == {"url(#hatch-due)"})
        # Without script: the table whole, the controls hidden.
        controls = [e for e in doc.iter(NS + "div")
                    if e.get("id") == "controls"]
        expect("without script the controls are hidden",
               len(controls) == 1 and "hidden" in controls[0].attrib)
        dom = seen_by_chromium(page, "report-hostile", len(HOSTILE) + 1,
                               {"expired": 0}, HOSTILE[3][1])
        check_dom(dom, "hostile, in chromium")

        # A cohort as an office has it: 28, then 300 students.
        for count in (28, 300):
            cohort = work / f"cohort{count}"
            subprocess.run(
                ["/usr/bin/python3",
                 str(SOURCE / "tests" / "fixtures" / "make_cohort.py"),
                 str(cohort), "--today", TODAY, "--count", str(count)],
                check=True)
            rc, out, err = run(["check", cohort.name, "--format", "html"],
                               ws.home, cwd=ws.path, raw=True)
            expect(f"cohort {count}: exit {rc}, {err!r}",
                   rc == 2 and err == b"")
            page = work / f"report-{count}.html"
            page.write_bytes(out)
            parse(out, f"cohort {count}")
            per = count // 7
            counts = {"expired": per + (1 if count % 7 > 0 else 0),
                      "collected": per}
            seen_by_chromium(page, f"report-{count}", count, counts,
                             "Nguyễn Văn An")
            shutil.copy(page, ARTEFACTS / page.name)
    finish(f"html report: {len(HOSTILE)} hostile names, 28 and 300 students "
           f"in chromium; artefacts in {ARTEFACTS}")


main()
