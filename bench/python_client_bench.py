"""Latency of WattIQ's Python client under 'wattiq run' (bench/python-client.sh runs it): a window's open+close
round trip (cold: the first windows of the process; warm: after 1000), the same with its energy read, and one step()
call (the first, a tight loop, and spaced 1 ms and 10 ms apart as in training, where a background thread sends the
counts once a second). Prints p50/p99/p99.9/max in microseconds, each call timed alone with perf_counter_ns.
Usage: python_client_bench.py [WINDOWS] [STEPS] [SPACED_10MS]"""
import sys
import time

import wattiq


def percentiles(label, ns, per_call_goal_us=None):
    ns = sorted(ns)
    q = lambda p: ns[min(len(ns) - 1, int(p * len(ns)))] / 1000.0
    goal = "" if per_call_goal_us is None else "   goal p99 <= %g us: %s" % (per_call_goal_us, "met" if q(0.99) <= per_call_goal_us else "MISSED")
    print("%-46s p50 %8.2f us  p99 %8.2f us  p99.9 %8.2f us  max %9.1f us  (n=%d)%s"
          % (label, q(0.50), q(0.99), q(0.999), ns[-1] / 1000.0, len(ns), goal))


def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def main():
    windows = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    spaced = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    clock = time.perf_counter_ns
    t = clock()
    first_step = None
    wattiq.step()  # the first call: starts the sender thread
    first_step = clock() - t
    if not wattiq.enabled():
        sys.exit("python_client_bench.py: run it under 'wattiq run' (bench/python-client.sh does)")
    overhead = []
    for _ in range(10000):
        t = clock()
        overhead.append(clock() - t)
    cold = []  # the process's first windows: cold caches on both sides (the connection is already made)
    for i in range(50):
        t = clock()
        wattiq.begin_window("cold-%d" % i)
        wattiq.end_window("cold-%d" % i)
        cold.append(clock() - t)
    for i in range(1000):  # warm up both sides (wattiq's C1-compiled control path settles after ~1000 requests)
        with wattiq.window("warm-up-%d" % (i % 4)):
            wattiq.step()
    rt = []
    for i in range(windows):
        name = "w-%d" % (i % 8)
        t = clock()
        wattiq.begin_window(name)
        wattiq.end_window(name)
        rt.append(clock() - t)
    with_energy = []  # the same, then its energy read (waits for wattiq's reading after the window's end)
    for i in range(max(1, windows // 10)):
        name = "e-%d" % (i % 8)
        t = clock()
        wattiq.begin_window(name)
        w = wattiq.end_window(name)
        if w.energy_j is None:
            sys.exit("python_client_bench.py: a window came back without energy")
        with_energy.append(clock() - t)
    ipc = []  # the channel's floor: a request that needs no meter reading (work, waited for)
    for i in range(windows):
        wattiq.step()
        t = clock()
        wattiq.flush()
        ipc.append(clock() - t)
    tight = []
    step = wattiq.step
    for _ in range(steps):
        t = clock()
        step(samples=32, tokens=4096)
        tight.append(clock() - t)
    # spaced as in training; each step() timed after the same busy work as a timing of nothing (the machine's own
    # noise floor), the two interleaved so that both see the same conditions (other processes, wattiq's readings)
    spaced_1ms, spaced_10ms, floor_1ms, floor_10ms = [], [], [], []
    for n, gap, out, floor in ((3000, 0.001, spaced_1ms, floor_1ms), (spaced, 0.010, spaced_10ms, floor_10ms)):
        for _ in range(n):
            spin(gap)
            t = clock()
            step(samples=32, tokens=4096)
            out.append(clock() - t)
            spin(gap)
            t = clock()
            floor.append(clock() - t)
    wattiq.flush()
    percentiles("timer alone (perf_counter_ns twice)", overhead)
    percentiles("window open+close, cold (first 50)", cold, 200)
    percentiles("window open+close, warm", rt, 200)
    percentiles("window open+close + energy_j read", with_energy)
    percentiles("flush() round trip (no meter reading)", ipc)
    print("%-46s %8.2f us (starts the sender thread)" % ("step(), the first call", first_step / 1000.0))
    percentiles("step() in a tight loop", tight, 20)
    percentiles("step() once per 1 ms of work", spaced_1ms, 20)
    percentiles("step() once per 10 ms of work", spaced_10ms, 20)
    percentiles("nothing, once per 1 ms of work (noise floor)", floor_1ms)
    percentiles("nothing, once per 10 ms of work (noise floor)", floor_10ms)
    spaced_10ms.sort()
    print("step() p99 as a share of a 10 ms step: %.3f%%" % (spaced_10ms[int(0.99 * len(spaced_10ms))] / 1e7 * 100))
    total = wattiq.energy().work
    expected = 1 + 1000 + windows + steps + 3000 + spaced
    print("steps counted by wattiq: %d (sent %d): %s" % (total["steps"], expected, "exact" if total["steps"] == expected else "WRONG"))


if __name__ == "__main__":
    main()
