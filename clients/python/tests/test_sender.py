"""step() only counts in the caller's thread; a background thread sends the counts (checked against a recording peer)."""
import time
import unittest

from .support import SilentPeer, run_script

SCRIPT = r'''
import os, sys, threading, time, wattiq
wattiq.step(5, samples=3)
t = time.monotonic()
time.sleep(2.6)  # no call into wattiq: anything that reaches wattiq now was sent by another thread
senders = [th for th in threading.enumerate() if th.name == "wattiq-sender"]
print("%.6f %d %s" % (t, len(senders), senders[0].daemon if senders else None))
sys.stdout.flush()
os._exit(0)  # no exit flush: only what the background thread sent has arrived
'''


class BackgroundSenderTest(unittest.TestCase):
    def test_counts_reach_wattiq_without_another_call_from_the_script(self):
        peer = SilentPeer("record")
        try:
            rc, out, err = run_script(SCRIPT, {"WATTIQ_CONTROL": peer.path}, drop_control=False)
            time.sleep(0.2)
            lines = list(peer.lines)
        finally:
            peer.close()
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "")
        counted_at, senders, daemon = out.split()
        self.assertEqual((senders, daemon), ("1", "True"))
        work = [r for _, r in lines if r.get("op") == "work"]
        self.assertEqual(work, [{"op": "work", "steps": 5, "samples": 3}], lines)
        self.assertNotIn("id", work[0])  # not waited for
        sent_at = [t for t, r in lines if r.get("op") == "work"][0]
        self.assertGreaterEqual(sent_at - float(counted_at), 0.5)  # on the sender's schedule, not inside step()

    def test_outside_wattiq_step_starts_a_sender_that_ends_quietly(self):
        rc, out, err = run_script("import time, wattiq\nwattiq.step(2)\ntime.sleep(1.5)\n"
                                  "import threading\nprint(sum(t.name == 'wattiq-sender' for t in threading.enumerate()),"
                                  " wattiq.work()['steps'])\n")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.split(), ["0", "2"])
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn("not running under 'wattiq run'", err)

    def test_the_sender_never_waits_for_a_step_nor_a_step_for_the_sender(self):
        # Trap: a sender that took step()'s lock could be switched out (GIL, OS) while holding it, and the script's
        # next step() would wait for it: a 10 ms step() seen under load. Taking the counts must not need that lock.
        rc, out, err = run_script(r'''
import threading, wattiq
from wattiq import _state
wattiq.step(3, samples=2)
wattiq.step(4, tokens=9)
taken = []
with _state._count_lock:  # as if a step() in another thread were inside it
    t = threading.Thread(target=lambda: taken.append(_state._take_pending()))
    t.start()
    t.join(2.0)
    print(t.is_alive())
print(taken, _state._take_pending())
wattiq.step(1)
print(_state._take_pending())
''')
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.splitlines(), [
            "False",
            "[{'op': 'work', 'steps': 7, 'samples': 2, 'tokens': 9}] None",  # what was counted, once
            "{'op': 'work', 'steps': 1}",
        ])


if __name__ == "__main__":
    unittest.main()
