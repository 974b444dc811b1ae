"""A window opened and closed while wattiq's GPU energy read is held in the stub NVML (RunControlTest): the replies
must not wait for it; the window's energy, read afterwards, is what wattiq stores."""
import json
import os
import sys
import time

import wattiq

hold, seen_path = sys.argv[1], sys.argv[2]
assert wattiq.enabled(), "not under wattiq run"
with wattiq.window("warm") as warm:
    time.sleep(0.05)
warm_j = warm.energy_j
open(hold, "w").close()
deadline = time.monotonic() + 30
while not os.path.exists(hold + ".held"):  # the stub marks a GPU energy read that is waiting for the hold to go
    if time.monotonic() > deadline:
        sys.exit("no NVML read was held within 30 s")
    time.sleep(0.002)
t = time.monotonic()
with wattiq.window("held") as w:
    wattiq.step(3)
answered_s = time.monotonic() - t
still_held = os.path.exists(hold + ".held")  # the read is still waiting: open and close did not wait for it
duration_s = w.duration_s
os.unlink(hold)
energy_j = w.energy_j  # fetched now: waits for the released read
with open(seen_path, "w") as f:
    json.dump({"still_held": still_held, "answered_s": answered_s, "duration_s": duration_s, "energy_j": energy_j,
               "by_component": w.by_component, "warm_j": warm_j, "work": w.work}, f)
