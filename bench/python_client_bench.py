"""Latency of WattIQ's Python client under 'wattiq run' (bench/python-client.sh runs it): a window's open+close
round trip (cold: the first windows of the process; warm: after 1000), the same with its energy read, and one step()
call (the first, a tight loop, and spaced 1 ms and 10 ms apart as in training, where a background thread sends the
counts once a second), each spaced step() beside a plain Python function of step()'s shape timed the same way (what
any call costs in this interpreter on this machine: the floor under step()). Each call is timed alone with perf_counter_ns. The warm measurements are taken in PASSES
passes in the same process (default 3): each pass's p50/p99 is computed, and the line shows the median across passes
with the lowest and highest pass in brackets, so one noisy spell of a shared machine shows as a wide range, not as
the figure. Usage: python_client_bench.py [WINDOWS] [STEPS] [SPACED_10MS] [PASSES]   (per pass)"""
import statistics
import sys
import threading
import time

import wattiq

clock = time.perf_counter_ns


def quantile(ns, p):
    ns = sorted(ns)
    return ns[min(len(ns) - 1, int(p * len(ns)))] / 1000.0


def report(label, passes, goal_us=None):
    """One line: median over passes of each pass's p50, p99 and p99.9 (min-max of the passes), against the goal."""
    def stat(p):
        per = [quantile(ns, p) for ns in passes]
        return statistics.median(per), min(per), max(per)
    p50, p99, p999 = stat(0.50), stat(0.99), stat(0.999)
    n = sum(len(ns) for ns in passes)
    goal = "" if goal_us is None else "   goal p99 <= %g us: %s" % (goal_us, "met" if p99[0] <= goal_us else "MISSED")
    print("%-44s p50 %8.2f us  p99 %8.2f us [%.1f-%.1f]  p99.9 %9.2f us  (n=%d, %d passes)%s"
          % (label, p50[0], p99[0], p99[1], p99[2], p999[0], n, len(passes), goal))
    return p99[0]


def spin(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def windows_pass(windows):
    rt = []
    for i in range(windows):
        name = "w-%d" % (i % 8)
        t = clock()
        wattiq.begin_window(name)
        wattiq.end_window(name)
        rt.append(clock() - t)
    return rt


def energy_pass(n):
    out = []  # the window, then its energy read (waits for wattiq's reading after the window's end)
    for i in range(n):
        name = "e-%d" % (i % 8)
        t = clock()
        wattiq.begin_window(name)
        w = wattiq.end_window(name)
        if w.energy_j is None:
            sys.exit("python_client_bench.py: a window came back without energy")
        out.append(clock() - t)
    return out


def flush_pass(n):
    out = []  # the channel's floor: a request that needs no meter reading (work, waited for)
    for _ in range(n):
        wattiq.step()
        t = clock()
        wattiq.flush()
        out.append(clock() - t)
    return out


def tight_pass(n):
    out = []
    step = wattiq.step
    for _ in range(n):
        t = clock()
        step(samples=32, tokens=4096)
        out.append(clock() - t)
    return out


_plain_lock = threading.Lock()
_plain_total = [0, 0, 0]


def plain_step(n=1, samples=0, tokens=0):
    """A plain Python function like step() (type checks, a lock, three adds), no wattiq: what such a call costs in
    this interpreter on this machine, the floor under step()."""
    if n.__class__ is not int or samples.__class__ is not int or tokens.__class__ is not int:
        raise TypeError("counts are ints")
    with _plain_lock:
        _plain_total[0] += n
        _plain_total[1] += samples
        _plain_total[2] += tokens


def spaced_pass(n, gap):
    """step() after `gap` seconds of busy work, interleaved with a plain function of the same shape and with a timing
    of nothing after the same work (the machine's own noise floor), so that all three see the same conditions (other
    processes, wattiq's readings)."""
    steps, plain, floor = [], [], []
    step = wattiq.step
    for _ in range(n):
        spin(gap)
        t = clock()
        step(samples=32, tokens=4096)
        steps.append(clock() - t)
        spin(gap)
        t = clock()
        plain_step(samples=32, tokens=4096)
        plain.append(clock() - t)
        spin(gap)
        t = clock()
        floor.append(clock() - t)
    return steps, plain, floor


def main():
    windows = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    spaced = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    passes = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    if 1050 + passes * (windows + max(1, windows // 10)) > 10000:
        sys.exit("python_client_bench.py: %d passes of %d windows exceed wattiq's 10,000 windows per run" % (passes, windows))
    t = clock()
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
    m = {k: [] for k in ("rt", "energy", "flush", "tight", "s1", "p1", "f1", "s10", "p10", "f10")}
    for _ in range(passes):
        m["rt"].append(windows_pass(windows))
        m["energy"].append(energy_pass(max(1, windows // 10)))
        m["flush"].append(flush_pass(windows))
        m["tight"].append(tight_pass(steps))
        for gap, n, key in ((0.001, 3000, "1"), (0.010, spaced, "10")):
            s, p, f = spaced_pass(n, gap)
            m["s" + key].append(s)
            m["p" + key].append(p)
            m["f" + key].append(f)
    wattiq.flush()
    report("timer alone (perf_counter_ns twice)", [overhead])
    report("window open+close, cold (first 50)", [cold], 200)
    report("window open+close, warm", m["rt"], 200)
    report("window open+close + energy_j read", m["energy"])
    report("flush() round trip (no meter reading)", m["flush"])
    print("%-44s %8.2f us (starts the sender thread)" % ("step(), the first call", first_step / 1000.0))
    report("step() in a tight loop", m["tight"], 20)
    report("step() once per 1 ms of work", m["s1"], 20)
    p99 = report("step() once per 10 ms of work", m["s10"], 20)
    report("plain function, once per 1 ms (floor)", m["p1"])
    plain99 = report("plain function, once per 10 ms (floor)", m["p10"])
    report("nothing, once per 1 ms of work (noise floor)", m["f1"])
    report("nothing, once per 10 ms of work (noise floor)", m["f10"])
    print("step() p99 as a share of a 10 ms step: %.3f%% (median pass); %.2fx a plain function's p99" % (p99 / 1e4 * 100, p99 / plain99))
    total = wattiq.energy().work
    expected = 1 + 1000 + passes * (windows + steps + 3000 + spaced)  # windows_pass and energy_pass count none
    print("steps counted by wattiq: %d (sent %d): %s" % (total["steps"], expected, "exact" if total["steps"] == expected else "WRONG"))


if __name__ == "__main__":
    main()
