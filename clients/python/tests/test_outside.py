"""Without 'wattiq run', and with a wattiq that hangs or goes away: the script always runs on."""
import unittest

from .support import SilentPeer, run_script

SCRIPT = r'''
import time, wattiq
for epoch in range(3):
    with wattiq.window("epoch-%d" % epoch) as w:
        for i in range(50):
            wattiq.step(samples=8, tokens=64)
    assert w.energy_j is None and w.method is None and w.by_component == {}, w
    assert w.duration_s is not None and w.duration_s >= 0
m = wattiq.begin_window("zeus-style")
m = wattiq.end_window("zeus-style")
assert m.total_energy is None and m.time >= 0

@wattiq.measure
def evaluate():
    return 42

assert evaluate() == 42 and evaluate.wattiq_last.name == "evaluate"
assert wattiq.energy().energy_j is None
assert wattiq.work() == {"steps": 150, "samples": 1200, "tokens": 9600}, wattiq.work()
assert not wattiq.enabled()
wattiq.tag(accuracy=0.9, model="tiny")  # outside wattiq: nothing to tag, no second warning
for bad in ({"bad key": 1}, {"ok": None}, {"ok": True}, {"ok": "a\nb"}, {"ok": ""}, {"ok": "x" * 1025}):
    try:
        wattiq.tag(**bad)
    except ValueError:
        pass
    else:
        raise AssertionError(bad)
print("done")
'''


class OutsideWattiqTest(unittest.TestCase):
    def test_the_script_runs_on_with_one_warning_line_and_no_energy(self):
        rc, out, err = run_script(SCRIPT)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "done\n")
        lines = err.splitlines()
        self.assertEqual(len(lines), 1, err)
        self.assertTrue(lines[0].startswith("wattiq: not running under 'wattiq run' (WATTIQ_CONTROL is not set)"), err)

    def test_a_socket_that_is_not_there_is_one_warning(self):
        rc, out, err = run_script(SCRIPT, {"WATTIQ_CONTROL": "/nonexistent/wattiq/control.sock"}, drop_control=False)
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn("wattiq: cannot reach wattiq run at /nonexistent/wattiq/control.sock", err)


TIMED = r'''
import sys, time, wattiq
t = time.monotonic()
with wattiq.window("epoch-0") as w:
    pass
first = time.monotonic() - t
t = time.monotonic()
for i in range(20):
    with wattiq.window("epoch-%d" % (i + 1)):
        wattiq.step(samples=1)
later = time.monotonic() - t
print("%.3f %.3f %r" % (first, later, w.energy_j))
'''


class DeadWattiqTest(unittest.TestCase):
    def timed(self, mode):
        peer = SilentPeer(mode)
        try:
            rc, out, err = run_script(TIMED, {"WATTIQ_CONTROL": peer.path}, drop_control=False)
        finally:
            peer.close()
        self.assertEqual(rc, 0, err)
        first, later, energy = out.split()
        self.assertEqual(energy, "None")
        self.assertEqual(len(err.splitlines()), 1, err)
        return float(first), float(later), err

    def test_a_hung_wattiq_costs_one_timeout_of_at_most_a_second_then_nothing(self):
        first, later, err = self.timed("hang")
        self.assertLess(first, 1.5)
        self.assertLess(later, 0.2)
        self.assertIn("no answer from wattiq within 1.0 s", err)

    def test_a_wattiq_that_stops_answering_mid_run_times_out_within_a_second(self):
        first, later, err = self.timed("hello-then-hang")
        self.assertGreaterEqual(first, 0.9)  # it did wait for the answer
        self.assertLess(first, 1.5)
        self.assertLess(later, 0.2)
        self.assertIn("wattiq: lost the connection to wattiq run (no answer from wattiq within 1.0 s)", err)

    def test_a_wattiq_that_went_away_is_noticed_at_once(self):
        first, later, err = self.timed("hello-then-close")
        self.assertLess(first, 0.5)
        self.assertLess(later, 0.2)
        self.assertIn("wattiq: lost the connection to wattiq run", err)


if __name__ == "__main__":
    unittest.main()
