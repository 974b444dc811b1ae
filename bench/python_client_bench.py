"""Latency of WattIQ's Python client under 'wattiq run' (bench/python-client.sh runs it): a window's open+close
round trip, and one step() call (in a tight loop, and spaced 1 ms and 10 ms apart as in training, where the batched
counts go out once a second). Prints p50/p99/p99.9/max in microseconds, each call timed alone with perf_counter_ns."""
import sys
import time

import wattiq


def percentiles(label, ns, per_call_goal_us=None):
    ns.sort()
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
    if not wattiq.enabled():
        sys.exit("python_client_bench.py: run it under 'wattiq run' (bench/python-client.sh does)")
    clock = time.perf_counter_ns
    overhead = []
    for _ in range(10000):
        t = clock()
        overhead.append(clock() - t)
    for i in range(200):  # warm up both sides
        with wattiq.window("warm-up-%d" % (i % 4)):
            wattiq.step()
    rt = []
    for i in range(windows):
        name = "w-%d" % (i % 8)
        t = clock()
        wattiq.begin_window(name)
        wattiq.end_window(name)
        rt.append(clock() - t)
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
    spaced_1ms = []
    for _ in range(3000):
        spin(0.001)
        t = clock()
        step(samples=32, tokens=4096)
        spaced_1ms.append(clock() - t)
    spaced_10ms = []
    for _ in range(400):
        spin(0.010)
        t = clock()
        step(samples=32, tokens=4096)
        spaced_10ms.append(clock() - t)
    floor_1ms, floor_10ms = [], []  # the same timing of nothing after the same busy work: the machine's own noise
    for n, gap, out in ((3000, 0.001, floor_1ms), (400, 0.010, floor_10ms)):
        for _ in range(n):
            spin(gap)
            t = clock()
            out.append(clock() - t)
    wattiq.flush()
    percentiles("timer alone (perf_counter_ns twice)", overhead)
    percentiles("window open+close round trip", rt, 200)
    percentiles("flush() round trip (no meter reading)", ipc)
    percentiles("step() in a tight loop", tight, 20)
    percentiles("step() once per 1 ms of work", spaced_1ms, 20)
    percentiles("step() once per 10 ms of work", spaced_10ms, 20)
    percentiles("nothing, once per 1 ms of work (noise floor)", floor_1ms)
    percentiles("nothing, once per 10 ms of work (noise floor)", floor_10ms)
    spaced_10ms.sort()
    print("step() p99 as a share of a 10 ms step: %.3f%%" % (spaced_10ms[int(0.99 * len(spaced_10ms))] / 1e7 * 100))
    total = wattiq.energy().work
    expected = 200 + windows + steps + 3000 + 400
    print("steps counted by wattiq: %d (sent %d): %s" % (total["steps"], expected, "exact" if total["steps"] == expected else "WRONG"))


if __name__ == "__main__":
    main()
