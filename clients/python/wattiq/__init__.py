"""WattIQ's Python client: energy per epoch, step, sample and token from inside a job run by ``wattiq run``.

    import wattiq

    for epoch in range(3):
        with wattiq.window(f"epoch-{epoch}") as w:
            for batch in loader:
                train_step(batch)
                wattiq.step(samples=len(batch))
        print(w.name, w.energy_j, w.duration_s)

Zeus's names work too (``wattiq.begin_window(name)`` / ``wattiq.end_window(name)``), and ``@wattiq.measure`` wraps a
function. Outside ``wattiq run`` nothing fails: one warning line on stderr, energies are ``None``, the script runs on.
Standard library only; Python 3.9 or newer. The protocol is in docs/python.md.
"""
import functools

from . import _state
from ._state import (ENV, Window, WindowError, begin_window, end_window, energy, enabled, flush, step, tag,
                     window, work)

__all__ = ["ENV", "Window", "Measurement", "WindowError", "window", "begin_window", "end_window", "measure", "step",
           "energy", "work", "flush", "enabled", "tag"]
__version__ = "0.1.0"

Measurement = Window  # what end_window returns, by the name Zeus gives it


def measure(fn=None, *, name=None):
    """Measures every call of a function as a window named after it (or ``name``).

    ``@wattiq.measure``, ``@wattiq.measure("validate")`` or ``@wattiq.measure(name="validate")``. The last call's
    window is ``fn.wattiq_last``. A recursive call inside an open window of the same name is not measured again.
    """
    if isinstance(fn, str):
        return measure(name=fn)
    if fn is None:
        return lambda f: measure(f, name=name)
    label = name or getattr(fn, "__qualname__", None) or getattr(fn, "__name__", "function")

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _state.is_open(label):
            return fn(*args, **kwargs)  # recursion: the outer call's window covers it
        w = window(label)
        try:
            with w:
                return fn(*args, **kwargs)
        finally:
            wrapper.wattiq_last = w

    wrapper.wattiq_last = None
    return wrapper


def __getattr__(attr):
    # Framework callbacks, imported only when asked for: the client itself needs none of the frameworks.
    if attr == "LightningCallback":
        from .lightning import WattiqCallback
        return WattiqCallback
    if attr == "HuggingFaceCallback":
        from .huggingface import WattiqCallback
        return WattiqCallback
    raise AttributeError("module 'wattiq' has no attribute %r" % (attr,))
