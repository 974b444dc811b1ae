"""Stops its parent (wattiq) mid-run: the next call must give up within a second and the script run on. RunControlTest."""
import json
import os
import signal
import sys
import time

import wattiq

with wattiq.window("before") as before:
    time.sleep(0.01)
before_j = before.energy_j  # fetched now, while wattiq answers (a window's energy is fetched when first read)
wattiq_pid = os.getppid()
os.kill(wattiq_pid, signal.SIGSTOP)
try:
    t = time.monotonic()
    with wattiq.window("stalled") as stalled:
        pass
    first_s = time.monotonic() - t
    t = time.monotonic()
    for i in range(10):
        with wattiq.window("after-%d" % i):
            wattiq.step()
    later_s = time.monotonic() - t
finally:
    os.kill(wattiq_pid, signal.SIGCONT)
print(json.dumps({"before_j": before_j, "stalled_j": stalled.energy_j, "first_s": first_s, "later_s": later_s}))
