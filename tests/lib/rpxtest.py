"""Shared helpers for the Python end-to-end tests: tests/e2e/*.py and
tests/reliability/*.py (docs/reliability.md).

Each script is run by ctest (the reliability ones through a
tests/e2e/reliability_*.sh wrapper) with the rpx binary as argv[1], and
starts with

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", "lib"))

Checks collect failures instead of stopping at the first: `check` compares a
value with the one wanted, `expect` takes a condition, `fail` records a
failure outright. `finish` prints them, one per line, and sets the exit code.

`run` runs the binary in a clean environment (no RPX_*, LANG or LC_* from
outside, HOME and the data and config directories inside the test's own
workspace, today pinned unless told otherwise), as the unprivileged user if
asked.
"""
import collections
import json
import os
import pathlib
import re
import shutil
import stat
import subprocess
import sys
import tempfile

RPX = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "rpx"
# The source root: ctest sets RPX_SOURCE_DIR; without it, found from here.
SOURCE = pathlib.Path(os.environ.get("RPX_SOURCE_DIR")
                      or pathlib.Path(__file__).resolve().parents[2])
TODAY = "2026-11-25"
NOBODY = 65534  # the unprivileged user refusal tests run as
ROOT = os.geteuid() == 0

failures = []


def sanitized():
    """True when the binary is built with AddressSanitizer: each run then
    costs several times as much, and loops that prove statistics run
    shorter (the asan preset is there for memory errors)."""
    import mmap
    try:
        with open(RPX, "rb") as f, mmap.mmap(f.fileno(), 0,
                                             access=mmap.ACCESS_READ) as m:
            return m.find(b"__asan_init") >= 0
    except (OSError, ValueError):
        return False


def fail(message):
    """Records a failure."""
    failures.append(message)


def check(what, got, want):
    """`got` must equal `want`; returns whether it does."""
    if got != want:
        fail(f"{what}: expected {want!r}, got {got!r}")
        return False
    return True


def expect(what, ok, detail=""):
    """`ok` must be true; `detail` says what was seen. Returns `ok`."""
    if not ok:
        fail(f"{what}{': ' + detail if detail else ''}")
    return ok


def finish(summary):
    """Prints the failures or `summary`; exits 1 on any failure."""
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    if failures:
        name = os.path.basename(sys.argv[0])
        print(f"{name}: {len(failures)} failure(s)", file=sys.stderr)
        sys.exit(1)
    print(summary)
    sys.exit(0)


class Workspace:
    """A temporary directory, readable by the unprivileged user, removed at
    the end even when a test took permissions away."""

    def __init__(self, name):
        self.path = tempfile.mkdtemp(prefix=f"rpx-{name}-")
        os.chmod(self.path, 0o755)  # uid 65534 must reach its cases
        self.home = self.sub("home")

    def sub(self, *parts, mode=0o755):
        p = os.path.join(self.path, *parts)
        os.makedirs(p, exist_ok=True)
        os.chmod(p, mode)
        return p

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for dirpath, dirnames, _ in os.walk(self.path):
            for d in dirnames:
                p = os.path.join(dirpath, d)
                if not os.path.islink(p):
                    os.chmod(p, 0o755)
        os.chmod(self.path, 0o755)
        shutil.rmtree(self.path, ignore_errors=True)


def rpx_env(home, file=None, extra=None, today=TODAY):
    """A clean environment: no RPX_*, LANG or LC_* from outside, today pinned
    to `today` (None: the real date), no colour, HOME `home`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RPX_", "LC_")) and k not in ("LANG",
                                                              "LANGUAGE")}
    env.update({"NO_COLOR": "1", "HOME": home,
                "XDG_DATA_HOME": os.path.join(home, "data"),
                "RPX_SYSCONFDIR": os.path.join(home, "etc")})
    if today is not None:
        env["RPX_TODAY"] = today
    if file is not None:
        env["RPX_FILE"] = file
    env.update(extra or {})
    return env


Result = collections.namedtuple("Result", "rc out err")


def can_run_as_nobody():
    """Whether `run(..., as_nobody=True)` can drop root (or need not)."""
    return not ROOT or shutil.which("setpriv") is not None


def run(args, home, file=None, extra_env=None, as_nobody=False, prefix=(),
        timeout=120, cwd=None, today=TODAY, raw=False):
    """Runs rpx with `args` in rpx_env(home, file, extra_env, today); as the
    unprivileged user when `as_nobody` and we are root. Returns
    Result(rc, out, err), which unpacks as a tuple; out and err are text, or
    bytes when `raw`."""
    cmd = list(prefix) + [RPX] + [str(a) for a in args]
    if as_nobody and ROOT:
        # Root passes every permission check: refusals are only real for an
        # ordinary user.
        cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
               "--clear-groups"] + cmd
    p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                       env=rpx_env(home, file, extra_env, today),
                       stdin=subprocess.DEVNULL, cwd=cwd)
    if raw:
        return Result(p.returncode, p.stdout, p.stderr)
    # Not text=True: a message must be valid UTF-8, and a byte that is not
    # shows up as U+FFFD, which the checks then refuse.
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"),
                  p.stderr.decode("utf-8", "replace"))


def give_to_nobody(*paths):
    """Makes `paths` the unprivileged user's (when we are root)."""
    if ROOT:
        for p in paths:
            os.lchown(p, NOBODY, NOBODY)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path, data):
    """Writes `data` to `path`; text is written as UTF-8."""
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def _refuse_duplicates(pairs):
    # json.loads keeps the last of two equal keys silently; a document with
    # one is a mistake even where it happens to parse.
    keys = [k for k, _ in pairs]
    for k in keys:
        if keys.count(k) > 1:
            raise ValueError(f'member "{k}" appears twice')
    return dict(pairs)


def parse_json(text):
    """The JSON document in `text` (str or bytes); raises ValueError, also
    when an object has the same member twice."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return json.loads(text, object_pairs_hook=_refuse_duplicates)


def load_json(path, bom=False):
    """The JSON document in the UTF-8 file `path`, as parse_json; a leading
    BOM is allowed only when `bom`. Raises OSError or ValueError."""
    with open(path, encoding="utf-8-sig" if bom else "utf-8") as f:
        return parse_json(f.read())


def temp_files(directory, name=None):
    """rpx's temporary files (`.NAME.tmp.XXXXXX`) in `directory`, of the
    state file `name` or of any."""
    pattern = re.compile(r"^\." + (re.escape(name) if name else ".+")
                         + r"\.tmp\.[A-Za-z0-9]{6}$")
    try:
        return sorted(n for n in os.listdir(directory) if pattern.match(n))
    except FileNotFoundError:
        return []


def snapshot(top, mtimes=False):
    """Everything about the tree under `top` that a refused command must not
    change: names, types, modes, owners, contents and link targets; with
    `mtimes`, the modification times too (a read-only command must not even
    rewrite a file with the same bytes)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                content = "-> " + os.readlink(p)
            elif stat.S_ISREG(st.st_mode):
                content = read_bytes(p)
            else:
                content = None
            out[os.path.relpath(p, top)] = (
                stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid,
                st.st_gid, content) + ((st.st_mtime_ns,) if mtimes else ())
    return out


def describe_change(before, after):
    changed = sorted(k for k in before.keys() | after.keys()
                     if before.get(k) != after.get(k))
    return ", ".join(changed[:5]) or "(nothing)"


def one_line_error(what, err, start):
    """stderr is exactly one line starting `rpx: ` + `start`."""
    return expect(f"{what}: stderr", err.startswith("rpx: " + start)
                  and err.count("\n") == 1 and err.endswith("\n"),
                  f"want one line starting 'rpx: {start}', got {err!r}")


def refused(what, args, rc_want, message_start, home, file, top,
            **kw):
    """Runs a command that must fail with `rc_want` and one error line and
    change nothing under `top`."""
    before = snapshot(top)
    rc, out, err = run(args, home, file, **kw)
    check(f"{what}: exit code", rc, rc_want)
    check(f"{what}: stdout", out, "")
    one_line_error(what, err, message_start)
    after = snapshot(top)
    expect(f"{what}: nothing changed", before == after,
           describe_change(before, after))
    return err


def init_state(home, file, expiry="2027-01-20", extra_env=None,
               name="Kim Minjun", student_id="2021210001", today=TODAY):
    """`rpx init`; a name or student id of None is left out. Stops the
    script when it fails: nothing after it would mean anything."""
    args = ["init", "--expiry", expiry]
    if name is not None:
        args += ["--name", name]
    if student_id is not None:
        args += ["--student-id", student_id]
    rc, out, err = run(args, home, file, extra_env=extra_env, today=today)
    if rc != 0:
        raise SystemExit(f"setup: rpx init failed ({rc}): {err}")


def parses(home, file):
    """The file is whole: rpx reads it (`status --format json`) and so does
    Python's json module. Returns the parsed document or None."""
    rc, out, err = run(["status", "--format", "json"], home, file)
    if rc != 0:
        fail(f"status of {file} failed ({rc}): {err.strip()}")
        return None
    try:
        json.loads(out)
        return load_json(file)
    except ValueError as e:
        fail(f"{file} does not parse: {e}")
        return None
