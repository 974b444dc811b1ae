"""The client's API: names and counts checked before anything is sent, windows, measure, step batching."""
import time
import unittest

import wattiq
from wattiq import _state

from .support import QuietClient


class BadInputTest(QuietClient):
    def test_names_are_checked(self):
        with self.assertRaisesRegex(wattiq.WindowError, r"^window name is empty: give it a name, e.g. 'epoch-3'$"):
            wattiq.begin_window("")
        with self.assertRaisesRegex(wattiq.WindowError, r"^window name is empty"):
            wattiq.window("  ")
        with self.assertRaisesRegex(wattiq.WindowError, r"^window name is 10240 characters long: at most 256 allowed$"):
            wattiq.begin_window("x" * 10240)
        with self.assertRaisesRegex(wattiq.WindowError, r"holds a control character at position 2"):
            wattiq.begin_window("a\nb")
        with self.assertRaisesRegex(TypeError, r"window name must be a string, e.g. 'epoch-3', not int"):
            wattiq.begin_window(3)
        self.assertEqual(len(wattiq.begin_window("é" * 256).name), 256)  # characters, not bytes

    def test_a_window_ended_twice_or_never_begun_is_an_error(self):
        wattiq.begin_window("a")
        wattiq.end_window("a")
        with self.assertRaisesRegex(wattiq.WindowError, r"^window 'a' is ended already: end each window once"):
            wattiq.end_window("a")
        with self.assertRaisesRegex(wattiq.WindowError, r"^window 'b' was never begun: begin it first with begin_window\('b'\)$"):
            wattiq.end_window("b")
        wattiq.begin_window("c")
        with self.assertRaisesRegex(wattiq.WindowError, r"^window 'c' is open already"):
            wattiq.begin_window("c")
        w = wattiq.window("d")
        with w:
            pass
        with self.assertRaisesRegex(wattiq.WindowError, r"^window 'd' was begun already"):
            with w:
                pass
        self.assertTrue(issubclass(wattiq.WindowError, ValueError))

    def test_counts_are_checked(self):
        with self.assertRaisesRegex(wattiq.WindowError, r"^n must be a count >= 0, got -1: report the work done"):
            wattiq.step(-1)
        with self.assertRaisesRegex(wattiq.WindowError, r"^samples must be a count >= 0, got -5"):
            wattiq.step(samples=-5)
        with self.assertRaisesRegex(TypeError, r"^tokens must be a whole number, got 1.5$"):
            wattiq.step(tokens=1.5)
        with self.assertRaisesRegex(TypeError, r"^n must be a whole number, not a bool$"):
            wattiq.step(True)
        with self.assertRaisesRegex(wattiq.WindowError, r"^tokens is too large"):
            wattiq.step(tokens=1 << 60)
        self.assertEqual(wattiq.work(), {"steps": 0, "samples": 0, "tokens": 0})  # nothing half-counted

    def test_counts_that_are_whole_numbers_of_other_types_are_taken(self):
        class Index:  # as numpy integers and one-element integer tensors are
            def __index__(self):
                return 7

        wattiq.step(Index(), samples=Index(), tokens=0)
        self.assertEqual(wattiq.work(), {"steps": 7, "samples": 7, "tokens": 0})


class WindowsTest(QuietClient):
    def test_nested_and_overlapping_windows_and_zeus_names(self):
        outer = wattiq.begin_window("outer")
        with wattiq.window("inner") as inner:
            time.sleep(0.01)
            other = wattiq.begin_window("overlap")
        self.assertIs(wattiq.end_window("outer"), outer)
        self.assertIs(wattiq.end_window("overlap"), other)
        self.assertGreaterEqual(inner.duration_s, 0.01)
        self.assertEqual(inner.time, inner.duration_s)
        self.assertGreaterEqual(outer.duration_s, inner.duration_s)
        self.assertIs(wattiq.Measurement, wattiq.Window)

    def test_a_window_counts_the_work_done_inside_it(self):
        wattiq.step(3)
        with wattiq.window("outer") as outer:
            wattiq.step(samples=8)
            with wattiq.window("inner") as inner:
                wattiq.step(2, samples=16, tokens=100)
        self.assertEqual(inner.work, {"steps": 2, "samples": 16, "tokens": 100})
        self.assertEqual(outer.work, {"steps": 3, "samples": 24, "tokens": 100})

    def test_measure_names_the_window_after_the_function_and_skips_recursion(self):
        @wattiq.measure
        def fact(n):
            return 1 if n <= 1 else n * fact(n - 1)

        @wattiq.measure("validate")
        def check():
            return "ok"

        @wattiq.measure(name="named")
        def other():
            raise RuntimeError("boom")

        self.assertEqual(fact(5), 120)
        self.assertEqual(fact.wattiq_last.name, fact.__wrapped__.__qualname__)
        self.assertEqual(check(), "ok")
        self.assertEqual(check.wattiq_last.name, "validate")
        with self.assertRaises(RuntimeError):
            other()
        self.assertEqual(other.wattiq_last.name, "named")
        self.assertFalse(_state.is_open("named"))

    def test_a_flood_of_steps_is_counted_exactly_and_cheaply(self):
        t = time.perf_counter()
        for i in range(100_000):
            wattiq.step(samples=32, tokens=i % 5)
        elapsed = time.perf_counter() - t
        self.assertEqual(wattiq.work(), {"steps": 100_000, "samples": 3_200_000, "tokens": 200_000})
        self.assertLess(elapsed, 5.0)  # a bound for a loaded machine, not a benchmark (bench/python-client.sh is)

    def test_framework_modules_are_not_imported_by_the_client(self):
        from .support import run_script
        rc, out, err = run_script("import sys, wattiq\nprint(sorted(m for m in ('torch', 'lightning', "
                                  "'pytorch_lightning', 'transformers') if m in sys.modules))")
        self.assertEqual((rc, out.strip()), (0, "[]"), err)


if __name__ == "__main__":
    unittest.main()
