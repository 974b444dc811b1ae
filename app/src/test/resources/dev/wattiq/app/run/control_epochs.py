"""Three epoch windows with step() calls; writes what the script saw to argv[1]. Used by RunControlTest."""
import json
import sys
import time

import wattiq

seen = []
for epoch in range(3):
    with wattiq.window("epoch-%d" % epoch) as w:
        for step in range(40):
            deadline = time.perf_counter() + 0.004
            x = 0
            while time.perf_counter() < deadline:  # a CPU-bound "step" of 4 ms
                x += 1
            wattiq.step(samples=32, tokens=32 * 128)
    seen.append({"name": w.name, "energy_j": w.energy_j, "duration_s": w.duration_s, "start_s": w.start_s,
                 "by_component": w.by_component, "method": w.method, "work": w.work})
with open(sys.argv[1], "w") as f:
    json.dump({"windows": seen, "work": wattiq.work()}, f)
