"""The client's state in one process: the channel, the windows open here, the work counted and not yet sent."""
import atexit
import operator
import os
import re
import sys
import threading
import time

from ._channel import Channel, ChannelError, RequestError

ENV = "WATTIQ_CONTROL"
FLUSH_EVERY_S = 1.0  # work is sent once a second by a background thread (and before every window boundary)
MAX_NAME_CHARS = 256
_MAX_COUNT = (1 << 53) - 1
_MAX_REMEMBERED = 10000

_lock = threading.Lock()  # the channel: never taken twice by one thread, no public call nests another
_count_lock = threading.Lock()  # the totals: taken by step() (and to read all three at once), never around I/O
_sender = None  # the thread that sends the counted work once a second (started by the first step())
_channel = None
_tried = False
_warned = set()
_open = {}
_closed = set()
_total = [0, 0, 0]  # steps, samples, tokens counted in this process (written by step() only)
_sent = [0, 0, 0]  # the part of _total sent to wattiq (under _lock): the sender never takes step()'s lock


class WindowError(ValueError):
    """A window or count used wrongly: a bad name, a window ended twice or never begun, a negative count."""


def _fetched(attr, doc):
    """A read-only Window property: the window's figures are fetched from wattiq when one of them is first read."""
    def get(self):
        self._fetch()
        return getattr(self, attr)
    return property(get, doc=doc)


class Window:
    """A measured stretch of the script. Its figures are filled in when it ends.

    name, start_s (from the run's start), duration_s, work (steps, samples and tokens counted inside it: by every
    process of the run under wattiq, by this process alone outside) are there when it ends; energy_j (total, joules),
    by_component (joules per component), method (measured, integrated or estimated) and notes are fetched from wattiq
    the first time one of them is read (ending a window never waits for a sensor; reading its energy waits for
    wattiq's next sensor reading at most). They are the figures wattiq stores with the run.
    Outside ``wattiq run`` (or once wattiq is gone) energy_j and method are None and by_component is empty.
    """

    __slots__ = ("name", "start_s", "duration_s", "_energy_j", "_by_component", "_method", "work", "_notes", "_t0",
                 "_work0", "_measured", "_ended", "_ref", "_channel")

    def __init__(self, name):
        self.name = _check_name(name)
        self.start_s = None
        self.duration_s = None
        self._energy_j = None
        self._by_component = {}
        self._method = None
        self.work = {"steps": 0, "samples": 0, "tokens": 0}
        self._notes = []
        self._t0 = None
        self._work0 = None
        self._measured = False
        self._ended = False
        self._ref = None  # wattiq's ref for the energy still to fetch
        self._channel = None  # the connection that ref belongs to

    energy_j = _fetched("_energy_j",
                        "The window's energy in joules (None outside wattiq run); fetched from wattiq when first read.")
    by_component = _fetched("_by_component", "Joules per component (cpu_package, dram, gpu, ...).")
    method = _fetched("_method",
                      "How the energy was obtained: measured, integrated or estimated (None outside wattiq run).")
    notes = _fetched("_notes", "What wattiq noted about the window (a sensor gap, a window shorter than the sensors' "
                               "update period, ...).")

    def _fetch(self):
        if self._ref is None:
            return
        with _lock:
            ref, ch = self._ref, self._channel
            self._ref = None
            if ref is None or ch is None or ch is not _channel:
                return  # the connection it came from is gone (wattiq went away, or this is a forked child)
            reply = _request({"op": "window", "ref": ref}, send_work=False)
        if reply is not None:
            self._fill(reply.get("window") or {})

    @property
    def time(self):
        """Zeus's name for duration_s (seconds)."""
        return self.duration_s

    @property
    def total_energy(self):
        """Zeus's name for energy_j (joules)."""
        return self.energy_j

    def __enter__(self):
        _begin(self)
        return self

    def __exit__(self, *exc):
        if not self._ended:
            end_window(self.name)
        return False

    def _fill(self, reply):
        self.start_s = reply.get("start_s", self.start_s)
        self.duration_s = reply.get("duration_s", self.duration_s)
        self.work = dict(reply.get("work") or self.work)
        if "energy_j" in reply or "method" in reply:
            energy = reply.get("energy_j") or {}
            self._energy_j = energy.get("total")
            self._by_component = dict(energy.get("by_component") or {})
            self._method = reply.get("method")
            self._notes = list(reply.get("notes") or [])

    def __repr__(self):
        if self._ref is not None:  # a repr never talks to wattiq
            return "Window(name=%r, energy_j=<not fetched yet>, duration_s=%r)" % (self.name, self.duration_s)
        return "Window(name=%r, energy_j=%r, duration_s=%r, method=%r)" % (self.name, self._energy_j, self.duration_s,
                                                                           self._method)


def window(name):
    """A window to use with ``with``: it begins on entering the block and ends on leaving it."""
    return Window(name)


def begin_window(name):
    """Begins a window now (Zeus's name). End it with end_window(name)."""
    return _begin(Window(name))


def end_window(name):
    """Ends the window begun with this name and returns it, its energy filled in (None outside wattiq run)."""
    _check_name(name)
    with _lock:
        w = _open.pop(name, None)
        if w is None:
            if name in _closed:
                raise WindowError("window %r is ended already: end each window once (a with-block ends it for you)"
                                  % (name,))
            raise WindowError("window %r was never begun: begin it first with begin_window(%r)" % (name, name))
        w.duration_s = time.perf_counter() - w._t0
        t = _totals()
        w.work = {"steps": t[0] - w._work0[0], "samples": t[1] - w._work0[1], "tokens": t[2] - w._work0[2]}
        w._ended = True
        if len(_closed) < _MAX_REMEMBERED:
            _closed.add(name)
        if w._measured:
            reply = _request({"op": "close", "name": name})
            if reply is not None:
                closed = reply.get("window") or {}
                w._fill(closed)
                if isinstance(closed.get("ref"), int) and "energy_j" not in closed:
                    w._ref, w._channel = closed["ref"], _channel
    return w


def is_open(name):
    """Whether a window of this name is open in this process."""
    return name in _open


def step(n=1, samples=None, tokens=None):
    """Counts work: ``n`` steps, and optionally samples and tokens. Cheap: it only adds to counters in this thread;
    a background thread sends them once a second (and every window boundary sends them first)."""
    if n.__class__ is not int or not 0 <= n <= _MAX_COUNT:
        n = _count("n", n)
    if samples is not None and (samples.__class__ is not int or not 0 <= samples <= _MAX_COUNT):
        samples = _count("samples", samples)
    if tokens is not None and (tokens.__class__ is not int or not 0 <= tokens <= _MAX_COUNT):
        tokens = _count("tokens", tokens)
    with _count_lock:
        _total[0] += n
        if samples:
            _total[1] += samples
        if tokens:
            _total[2] += tokens
    if _sender is None:
        _start_sender()


def _start_sender():
    global _sender
    with _count_lock:
        if _sender is not None:
            return
        _sender = threading.Thread(target=_send_loop, name="wattiq-sender", daemon=True)
        me = _sender
    try:
        me.start()
    except RuntimeError:  # interpreter shutting down: the exit flush sends what is left
        pass


def _send_loop():
    """Once a second: sends the work counted since, without waiting for wattiq's answer. Ends when there is no
    channel (outside wattiq run, or wattiq gone) or after a fork (the child starts its own)."""
    me = threading.current_thread()
    while True:
        time.sleep(FLUSH_EVERY_S)
        with _lock:
            if _sender is not me:
                return
            ch = _get_channel()
            if ch is None:
                return
            pending = _take_pending()
            try:
                if pending is not None:
                    ch.send(pending)
                else:
                    ch.drain()
            except ChannelError as e:
                _broken(e)
                return
            _late_errors(ch)


def work():
    """The work counted in this process so far: {"steps", "samples", "tokens"}."""
    with _count_lock:
        return {"steps": _total[0], "samples": _total[1], "tokens": _total[2]}


def energy():
    """The run's energy so far, as a Window named "run" (energy_j None outside wattiq run)."""
    w = Window("run")
    with _lock:
        reply = _request({"op": "energy"})
    if reply is not None:
        w._fill(reply)
    return w


_TAG_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}\Z")


def tag(**pairs):
    """Tags the run with results known inside the job, e.g. ``wattiq.tag(accuracy=0.91)``: stored with the run's
    labels when it ends (as ``wattiq runs tag`` would), so ``wattiq tune lab --quality-label accuracy`` and the dashboard's
    frontier find them. A key again replaces its value. Floats are sent as Python writes them (repr). A bad key or
    value raises ValueError; outside ``wattiq run`` it does nothing (after the one warning)."""
    sent = []
    for key, value in pairs.items():
        if not _TAG_KEY.match(key):
            raise ValueError("tag key %r: use letters, digits, '_', '.' or '-', starting with a letter or '_'" % (key,))
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError("tag %s: give a string or a number, got %s" % (key, type(value).__name__))
        text = repr(value) if isinstance(value, float) else str(value)
        if not 1 <= len(text) <= 1024 or any(ord(c) < 0x20 or ord(c) == 0x7f for c in text):
            raise ValueError("tag %s: the value must be 1 to 1024 printable characters" % (key,))
        sent.append((key, text))
    with _lock:
        for key, text in sent:
            _request({"op": "tag", "key": key, "value": text})


def flush():
    """Sends the work counted and not yet sent, and waits until wattiq has it."""
    with _lock:
        ch = _get_channel()
        pending = _take_pending()
        if ch is not None and pending is not None:
            _request(pending)


def enabled():
    """Whether this process is connected to ``wattiq run`` (connects on first use)."""
    with _lock:
        return _get_channel() is not None


def _begin(w):
    with _lock:
        if w._t0 is not None:
            raise WindowError("window %r was begun already: a Window begins once" % (w.name,))
        if w.name in _open:
            raise WindowError("window %r is open already: end it first, or give the inner window another name"
                              % (w.name,))
        w._measured = _send({"op": "open", "name": w.name})  # not waited for: the close's reply has start_s
        w._t0 = time.perf_counter()
        w._work0 = _totals()
        _open[w.name] = w
        _closed.discard(w.name)
    return w


def _request(fields, send_work=True):
    """Sends a request with the pending work before it; its reply, or None (not measured: warned once)."""
    ch = _get_channel()
    if ch is None:
        return None
    try:
        before = _take_pending() if send_work and fields.get("op") != "work" else None
        reply = ch.request(fields, before=before)
    except RequestError as e:
        _warn("refused:" + str(e), "wattiq: %s (not measured; the script goes on)" % (e,))
        reply = None
    except ChannelError as e:
        _broken(e)
        return None
    _late_errors(ch)
    return reply


def _send(fields):
    """Sends a request with the pending work before it, without waiting for the reply (wattiq answers in order, so
    an error it gives is read before the next reply and warned of then). Whether it was sent."""
    ch = _get_channel()
    if ch is None:
        return False
    try:
        ch.send(fields, before=_take_pending())
    except ChannelError as e:
        _broken(e)
        return False
    _late_errors(ch)
    return True


def _take_pending():
    """The work counted and not sent yet, as a work report (None if there is none); counts it as sent. Called under
    _lock. It reads the totals without step()'s lock (each read is atomic; a step() counted between two reads is sent
    next time), so a step() never waits for the sender thread, whatever the GIL does to that thread."""
    fields = None
    for i, key in enumerate(("steps", "samples", "tokens")):
        now = _total[i]
        if now != _sent[i]:
            if fields is None:
                fields = {"op": "work"}
            fields[key] = now - _sent[i]
            _sent[i] = now
    return fields


def _totals():
    with _count_lock:
        return (_total[0], _total[1], _total[2])


def _get_channel():
    global _channel, _tried
    if _channel is not None or _tried:
        return _channel
    _tried = True
    path = os.environ.get(ENV)
    if not path:
        _warn("outside", "wattiq: not running under 'wattiq run' (%s is not set): energies are None; measure the script"
                         " with 'wattiq run -- python3 SCRIPT'" % ENV)
        return None
    try:
        _channel = Channel(path)
    except ChannelError as e:
        _warn("unreachable", "wattiq: cannot reach wattiq run at %s (%s): energies are None; the script goes on"
              % (path, e))
    return _channel


def _broken(e):
    global _channel
    if _channel is not None:
        _channel.close()
    _channel = None
    _warn("lost", "wattiq: lost the connection to wattiq run (%s): energies are None from now on; the script goes on"
          % (e,))


def _late_errors(ch):
    while ch.late_errors:
        e = ch.late_errors.pop(0)
        _warn("refused:" + e, "wattiq: %s (not measured; the script goes on)" % (e,))


def _warn(key, line):
    if key in _warned or len(_warned) > 20:
        return
    _warned.add(key)
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _check_name(name):
    if not isinstance(name, str):
        raise TypeError("window name must be a string, e.g. 'epoch-3', not %s" % type(name).__name__)
    if not name.strip():
        raise WindowError("window name is empty: give it a name, e.g. 'epoch-3'")
    if len(name) > MAX_NAME_CHARS:
        raise WindowError("window name is %d characters long: at most %d allowed" % (len(name), MAX_NAME_CHARS))
    for i, c in enumerate(name):
        if c < " " or c == "\x7f":
            raise WindowError("window name %r holds a control character at position %d: use printable characters"
                              % (name[:40], i + 1))
    return name


def _count(what, value):
    if isinstance(value, bool):
        raise TypeError("%s must be a whole number, not a bool" % what)
    try:
        v = operator.index(value)
    except TypeError:
        raise TypeError("%s must be a whole number, got %r" % (what, value)) from None
    if v < 0:
        raise WindowError("%s must be a count >= 0, got %d: report the work done, never a correction" % (what, v))
    if v > _MAX_COUNT:
        raise WindowError("%s is too large: at most %d at a time" % (what, _MAX_COUNT))
    return v


def _at_exit():
    try:
        if _channel is not None:
            flush()
    except Exception:  # never fail the script's exit
        pass


def _after_fork():
    # A forked child (a DataLoader worker, say) has its own windows and its own connection, made when it first asks.
    global _lock, _count_lock, _channel, _tried, _open, _closed, _sender
    _lock = threading.Lock()
    _count_lock = threading.Lock()
    _sender = None
    _channel = None
    _tried = False
    _open = {}
    _closed = set()
    _total[0] = _total[1] = _total[2] = 0
    _sent[0] = _sent[1] = _sent[2] = 0


atexit.register(_at_exit)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)
