"""`today` is the date in the rules' time zone (Asia/Shanghai), whatever TZ
the machine or the user has: run rpx under zones far east and far west of
China and compare with the date in Shanghai computed here.

usage: today_timezone.py PATH-TO-RPX
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import zoneinfo

RPX = os.path.abspath(sys.argv[1])
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
failures = []

with tempfile.TemporaryDirectory() as tmp:
    state = os.path.join(tmp, "state.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RPX_")}
    env.update({"HOME": tmp, "XDG_DATA_HOME": tmp, "RPX_FILE": state})
    subprocess.run([RPX, "init", "--expiry", "2030-01-01"], env=env,
                   check=True, capture_output=True)
    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC",
               "America/Los_Angeles", "Asia/Shanghai"):
        for _ in range(3):  # retry if midnight in Shanghai passes meanwhile
            before = datetime.datetime.now(SHANGHAI).date().isoformat()
            p = subprocess.run([RPX, "status", "--format", "json"],
                               env=dict(env, TZ=tz), capture_output=True,
                               text=True)
            after = datetime.datetime.now(SHANGHAI).date().isoformat()
            if before == after:
                break
        got = json.loads(p.stdout)["as_of"] if p.returncode == 0 else p.stderr
        if got != before:
            failures.append(f"TZ={tz}: as_of {got!r}, Shanghai date {before}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("today follows Asia/Shanghai under every TZ")
