"""`today` is the date in the rules' time zone (Asia/Shanghai), whatever TZ
the machine or the user has: run rpx under zones far east and far west of
China and compare with the date in Shanghai computed here.

usage: today_timezone.py PATH-TO-RPX
"""
import datetime
import json
import os
import sys
import zoneinfo

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))

from rpxtest import Workspace, check, finish, init_state, run

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")

with Workspace("today-tz") as ws:
    state = os.path.join(ws.path, "state.json")
    init_state(ws.home, state, expiry="2030-01-01", name=None,
               student_id=None, today=None)
    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC",
               "America/Los_Angeles", "Asia/Shanghai"):
        for _ in range(3):  # retry if midnight in Shanghai passes meanwhile
            before = datetime.datetime.now(SHANGHAI).date().isoformat()
            rc, out, err = run(["status", "--format", "json"], ws.home, state,
                               extra_env={"TZ": tz}, today=None)
            after = datetime.datetime.now(SHANGHAI).date().isoformat()
            if before == after:
                break
        got = json.loads(out)["as_of"] if rc == 0 else err
        check(f"TZ={tz}: as_of against the Shanghai date", got, before)

finish("today follows Asia/Shanghai under every TZ")
