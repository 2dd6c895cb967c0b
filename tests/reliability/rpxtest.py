"""Shared helpers for the reliability scripts (docs/reliability.md).

Each script is run by ctest through a tests/e2e/reliability_*.sh wrapper with
the rpx binary as argv[1]. Checks collect failures instead of stopping at the
first, and `finish` prints them, one per line, and sets the exit code.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

RPX = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "rpx"
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


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: expected {want!r}, got {got!r}")
        return False
    return True


def expect(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}{': ' + detail if detail else ''}")
    return ok


def finish(summary):
    """Prints the failures or `summary`; exits 1 on any failure."""
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
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


def rpx_env(home, file=None, extra=None):
    """A clean environment: no RPX_* from outside, pinned today, no colour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RPX_")}
    env.update({"NO_COLOR": "1", "RPX_TODAY": TODAY, "HOME": home,
                "XDG_DATA_HOME": os.path.join(home, "data"),
                "RPX_SYSCONFDIR": os.path.join(home, "etc")})
    if file is not None:
        env["RPX_FILE"] = file
    env.update(extra or {})
    return env


def run(args, home, file=None, extra_env=None, as_nobody=False, prefix=(),
        timeout=120, cwd=None):
    """Runs rpx; returns (rc, stdout, stderr) as text."""
    cmd = list(prefix) + [RPX] + list(args)
    if as_nobody and ROOT:
        # Root passes every permission check: refusals are only real for an
        # ordinary user.
        cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
               "--clear-groups"] + cmd
    p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                       env=rpx_env(home, file, extra_env),
                       stdin=subprocess.DEVNULL, cwd=cwd)
    # Not text=True: a message must be valid UTF-8, and a byte that is not
    # shows up as U+FFFD, which the checks then refuse.
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
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
    with open(path, "wb") as f:
        f.write(data)


def temp_files(directory, name=None):
    """rpx's temporary files (`.NAME.tmp.XXXXXX`) in `directory`, of the
    state file `name` or of any."""
    pattern = re.compile(r"^\." + (re.escape(name) if name else ".+")
                         + r"\.tmp\.[A-Za-z0-9]{6}$")
    try:
        return sorted(n for n in os.listdir(directory) if pattern.match(n))
    except FileNotFoundError:
        return []


def snapshot(top):
    """Everything about the tree under `top` that a refused command must not
    change: names, types, modes, owners, contents and link targets."""
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
            out[os.path.relpath(p, top)] = (stat.S_IFMT(st.st_mode),
                                            stat.S_IMODE(st.st_mode),
                                            st.st_uid, st.st_gid, content)
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


def init_state(home, file, expiry="2027-01-20", extra_env=None):
    rc, out, err = run(["init", "--expiry", expiry, "--name", "Kim Minjun",
                        "--student-id", "2021210001"], home, file,
                       extra_env=extra_env)
    if rc != 0:
        raise SystemExit(f"setup: rpx init failed ({rc}): {err}")


def parses(home, file):
    """The file is whole: rpx reads it (`status --format json`) and so does
    Python's json module. Returns the parsed document or None."""
    rc, out, err = run(["status", "--format", "json"], home, file)
    if rc != 0:
        failures.append(f"status of {file} failed ({rc}): {err.strip()}")
        return None
    try:
        json.loads(out)
        with open(file, encoding="utf-8") as f:
            return json.load(f)
    except ValueError as e:
        failures.append(f"{file} does not parse: {e}")
        return None
