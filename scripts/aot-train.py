"""The AOT cache's training job (run by ./wattiq after a build, under 'wattiq run'): a few windows and work counts
through the control channel, so the classes of that path are loaded and linked ahead of time too. Measured: the first
window of a Python script answers in ~4.5 ms instead of ~15 ms; 'run -- true' starts as fast (docs/python.md)."""
import wattiq

for i in range(200):
    with wattiq.window("train-%d" % (i % 3)) as w:
        wattiq.step(samples=1, tokens=1)
w.energy_j
wattiq.energy()
