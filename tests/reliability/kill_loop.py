"""Crash at random moments: starts mutating rpx commands (done, undo, set
expiry, in turn) and SIGKILLs each after a random pause of some
microseconds, RPX_KILL_ITERATIONS times (default 1000; for a binary built
with AddressSanitizer, whose every run is several times slower, up to 250
in 300 s and at least 50).
After every kill the state file must parse (rpx status --format json, and
Python's json module) and equal, byte for byte, either the content before
the command or the content the command writes when left alone (computed,
when the file changed, by the same command on a copy of the old content).
Temporary files a kill leaves must be gone after the next save that
completes.

The pauses are drawn from the measured run time of the commands, so that
kills land all through a run, the save included; the counts printed (and
recorded in docs/reliability.md) say how many kills landed while rpx was
running and how many of those left the old or the new content.

Bounded in time: the test fails if it has not finished within
RPX_KILL_SECONDS (default 480, below ctest's 600 s timeout).

usage: kill_loop.py PATH-TO-RPX
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import (RPX, Workspace, check, expect, fail, finish,
                     init_state, parses, read_bytes, rpx_env, run, sanitized,
                     temp_files, write_bytes)

# A sanitizer build runs several times slower (each run of the ASan binary
# takes about 0.15 s here against 0.03 s, and more when the rest of the
# suite runs beside it): 1000 kills, three runs each, would take far too
# long. Unless RPX_KILL_ITERATIONS says otherwise it makes up to 250 kills
# in at most SOFT_SECONDS, and at least MIN_SANITIZED: there it looks for
# memory errors on the paths a kill interrupts; the 1000 kills are proven
# under the dev preset.
SANITIZED = sanitized()
STRICT = "RPX_KILL_ITERATIONS" in os.environ or not SANITIZED
ITERATIONS = int(os.environ.get("RPX_KILL_ITERATIONS",
                                "1000" if STRICT else "250"))
SOFT_SECONDS = 300
MIN_SANITIZED = 50
DEADLINE = time.monotonic() + float(os.environ.get("RPX_KILL_SECONDS", "480"))
SEED = int(os.environ.get("RPX_KILL_SEED", str(int(time.time()))))
rng = random.Random(SEED)


def command(i, photo_done):
    """Every command saves: undo only what is done, distinct expiries."""
    if i % 3 == 2:
        day = 1 + (i // 3) % 28
        return ["set", "expiry", f"2027-{1 + (i // 84) % 12:02d}-{day:02d}"]
    if photo_done:
        return ["undo", "photo"]
    return ["done", "photo", "--on", f"2026-11-{1 + i % 25:02d}"]


def run_time(env, file, shadow):
    """The median wall time of a mutating command, in seconds."""
    times = []
    for i in range(15):
        shutil.copyfile(file, shadow)
        start = time.monotonic()
        subprocess.run([RPX] + command(i, i % 2 == 1),
                       env=dict(env, RPX_FILE=shadow), capture_output=True,
                       stdin=subprocess.DEVNULL, check=True)
        times.append(time.monotonic() - start)
    return sorted(times)[len(times) // 2]


with Workspace("kill") as ws:
    d = ws.sub("state")
    file = os.path.join(d, "state.json")
    shadow_dir = ws.sub("shadow")
    shadow = os.path.join(shadow_dir, "state.json")
    init_state(ws.home, file)
    env = rpx_env(ws.home, file)
    typical = run_time(env, file, shadow)

    counts = {"kills": 0, "landed": 0, "old": 0, "new": 0, "finished": 0,
              "left_temp": 0}
    start = time.monotonic()
    done = 0
    for i in range(ITERATIONS):
        if (not STRICT and done >= MIN_SANITIZED
                and time.monotonic() - start > SOFT_SECONDS):
            break
        if time.monotonic() > DEADLINE:
            fail(f"out of time after {done} of {ITERATIONS} "
                 "iterations")
            break
        old = read_bytes(file)
        photo_done = b'"photo": {\n      "done": null' not in old
        args = command(i, photo_done)

        # Mostly all through a run; a quarter aimed at its second half,
        # where the save is.
        if rng.random() < 0.75:
            pause = rng.uniform(0, 1.1 * typical)
        else:
            pause = rng.uniform(0.5 * typical, 1.05 * typical)
        proc = subprocess.Popen([RPX] + args, env=env,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        time.sleep(round(pause * 1e6) / 1e6)  # microseconds
        proc.kill()
        counts["kills"] += 1
        rc = proc.wait()

        got = read_bytes(file)
        new = None
        if got != old:
            # The new content, from the same command on a copy of the old
            # one, left alone.
            write_bytes(shadow, old)
            p = subprocess.run([RPX] + args, env=dict(env, RPX_FILE=shadow),
                               capture_output=True, stdin=subprocess.DEVNULL)
            if not check(f"{args} on the copy", p.returncode, 0):
                break
            new = read_bytes(shadow)
        if rc == -signal.SIGKILL:
            counts["landed"] += 1
            counts["old" if got == old else "new"] += 1
            if temp_files(d):
                counts["left_temp"] += 1
        elif rc == 0:
            counts["finished"] += 1
            expect(f"iteration {i}: {args} finished but saved nothing",
                   got != old)
            # A save that completes removes every leftover of earlier kills.
            check(f"iteration {i}: temporary files after a complete save",
                  temp_files(d), [])
        else:
            fail(f"iteration {i}: {args} exited {rc}")
        if not expect(f"iteration {i} ({args}, rc {rc}): the file is the "
                      "old or the new content", got in (old, new)):
            break
        if parses(ws.home, file) is None:
            break
        done += 1

    # The last word: one more save cleans up whatever the kills left.
    rc, _, err = run(["set", "expiry", "2027-06-30"], ws.home, file)
    check("final save", rc, 0)
    check("temporary files after the final save", temp_files(d), [])
    parses(ws.home, file)
    elapsed = time.monotonic() - start
    expect("enough iterations",
           done >= (ITERATIONS if STRICT else MIN_SANITIZED),
           f"{done} of {ITERATIONS}")
    expect("kills landed while rpx ran", counts["landed"] > 0)

finish(f"kill_loop: {done} iterations"
       f"{' (sanitizer build)' if SANITIZED else ''} in {elapsed:.0f} s "
       f"(seed {SEED}, "
       f"typical run {typical * 1e3:.1f} ms): {counts['kills']} kills, "
       f"{counts['landed']} landed while rpx ran ({counts['old']} left the "
       f"old content, {counts['new']} the new, {counts['left_temp']} left a "
       f"temporary file), {counts['finished']} runs finished first; every "
       "file whole and old or new")
