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


def stopped(pid):
    """Whether every thread of pid is stopped. A group stop is not instant: until one of wattiq's threads takes the
    signal (it may wait for a CPU under load) the others run on, and would answer the next window."""
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                if f.read().rsplit(")", 1)[1].split()[0] not in ("T", "t"):
                    return False
    except FileNotFoundError:  # a thread ended meanwhile: look again
        return False
    return True


deadline = time.monotonic() + 10
while not stopped(wattiq_pid) and time.monotonic() < deadline:
    time.sleep(0.001)
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
