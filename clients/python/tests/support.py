"""Helpers for the client's tests: a fresh client state, a script runner, and stand-ins for a wattiq that hangs."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_ROOT = os.path.dirname(HERE)

import wattiq  # noqa: E402
from wattiq import _state  # noqa: E402
from wattiq._channel import PROTOCOL  # noqa: E402


def reset_client():
    """Forgets this process's connection, windows and counts (as a forked child does)."""
    if _state._channel is not None:
        _state._channel.close()
    _state._after_fork()
    _state._warned.clear()


class QuietClient(unittest.TestCase):
    """Each test starts from a fresh client; outside a wattiq run its one warning is silenced. The control socket's
    address is taken away for the test unless ``keep_server`` and the Java harness (WATTIQ_TEST_SERVER=1) runs it."""

    keep_server = False

    def setUp(self):
        keep = self.keep_server and os.environ.get("WATTIQ_TEST_SERVER") == "1"
        self._saved = None if keep else os.environ.pop(wattiq.ENV, None)
        reset_client()
        _state._warned.add("outside")

    def tearDown(self):
        reset_client()
        if self._saved is not None:
            os.environ[wattiq.ENV] = self._saved


def server_required():
    """The tests that need a real 'wattiq run' control socket: run by the Java harness (PythonClientTest), which sets
    WATTIQ_CONTROL; skipped when run by hand without it, failed when WATTIQ_TEST_SERVER=1 says one must be there."""
    if os.environ.get(wattiq.ENV):
        return
    if os.environ.get("WATTIQ_TEST_SERVER") == "1":
        raise AssertionError("WATTIQ_TEST_SERVER=1 but %s is not set" % wattiq.ENV)
    raise unittest.SkipTest("needs a wattiq control socket in %s (meter's PythonClientTest provides one)" % wattiq.ENV)


def run_script(code, env_extra=None, drop_control=True, timeout=60):
    """Runs Python code in a fresh interpreter with this client importable; returns (rc, stdout, stderr)."""
    env = dict(os.environ)
    if drop_control:
        env.pop(wattiq.ENV, None)
    env["PYTHONPATH"] = CLIENT_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.update(env_extra or {})
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(code)
    try:
        p = subprocess.run([sys.executable, f.name], env=env, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    finally:
        os.unlink(f.name)


class SilentPeer:
    """A Unix socket that accepts connections and then behaves as a hung or dying wattiq would.

    mode "hang": never answers. "hello-then-hang": answers the first request (the client's hello) with the
    protocol's hello reply, then never again. "hello-then-close": answers the hello, then hangs up. "record": answers
    the hello, then answers every line with ok and keeps it in ``lines`` (parsed), with its arrival time.
    """

    def __init__(self, mode):
        self.mode = mode
        self.dir = tempfile.mkdtemp(prefix="wattiq-test-")
        os.chmod(self.dir, 0o700)
        self.path = os.path.join(self.dir, "control.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(self.path)
        self.sock.listen(4)
        self.conns = []
        self.lines = []  # (time.monotonic(), request) in "record" mode
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(c)
            if self.mode == "hang":
                continue
            buf = b""
            while b"\n" not in buf:
                chunk = c.recv(4096)
                if not chunk:
                    break
                buf += chunk
            c.sendall(b'{"id":1,"ok":true,"protocol":%d,"run_id":"test"}\n' % PROTOCOL)
            if self.mode == "hello-then-close":
                c.close()
            if self.mode == "record":
                self._record(c, buf.split(b"\n", 1)[1])

    def _record(self, c, buf):
        while True:
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                request = json.loads(line)
                self.lines.append((time.monotonic(), request))
                c.sendall(b'{"id":%s,"ok":true}\n' % json.dumps(request.get("id")).encode())
            try:
                chunk = c.recv(4096)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk

    def close(self):
        self.sock.close()
        for c in self.conns:
            try:
                c.close()
            except OSError:
                pass
        try:
            os.unlink(self.path)
            os.rmdir(self.dir)
        except OSError:
            pass
