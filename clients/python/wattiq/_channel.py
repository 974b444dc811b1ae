"""The connection to ``wattiq run``'s control socket: line-delimited JSON, one reply per request, in order.

Requests that need an answer (hello, close, window, energy) wait for it, at most ``TIMEOUT_S``. Work reports (sent by
the client's background sender thread) and window opens are sent without waiting; their replies are read later
(before the next answer, or when the socket has them), so a call to ``wattiq.step()`` never touches the socket and a
window's open and close cost one round trip between them. Any failure (wattiq gone, no answer in time, a reply that is not ours)
closes the channel for good: the caller gets ``None`` and the script runs on.
"""
import json
import os
import select
import socket
import time

TIMEOUT_S = 1.0
PROTOCOL = 2  # 2: a close is answered before the energy is read; op "window" fetches it


class ChannelError(Exception):
    """The channel cannot be used any more (wattiq is gone or does not answer); the message says why."""


class RequestError(Exception):
    """wattiq answered a request with an error (a bad name, a window closed twice, ...)."""


class Channel:
    def __init__(self, path, timeout_s=TIMEOUT_S):
        self.path = path
        self.timeout_s = timeout_s
        self.pid = os.getpid()
        self._buf = b""
        self._next_id = 1
        self._unanswered = 0  # work reports sent whose replies are not read yet
        self.late_errors = []  # errors wattiq gave to requests not waited for (work, open), read after the call returned
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._sock.settimeout(timeout_s)
            self._sock.connect(path)
            self._poll = select.poll()
            self._poll.register(self._sock.fileno(), select.POLLIN)
            hello = self.request({"op": "hello", "client": "python", "pid": self.pid})
        except (OSError, ValueError) as e:
            self._sock.close()
            raise ChannelError(_why(e, self.timeout_s)) from None
        if hello.get("protocol") != PROTOCOL:
            self._sock.close()
            raise ChannelError("wattiq speaks control protocol %r, this client %d: use the client that comes with it"
                               % (hello.get("protocol"), PROTOCOL))
        self.run_id = hello.get("run_id")

    def close(self):
        try:
            self._sock.close()
        except OSError:
            pass

    def send(self, fields, before=None):
        """Sends a request (after ``before``, another one, in the same write) without waiting for its reply (work
        reports, window opens); their replies are read later, errors among them kept in ``late_errors``."""
        data = _line(fields)
        if before is not None:
            data = _line(before) + data
        self._write(data)
        self._unanswered += 1 if before is None else 2
        self.drain()

    def request(self, fields, before=None):
        """Sends a request (after ``before``, a request not waited for, in the same write) and returns its reply.

        Raises RequestError when wattiq refused it, ChannelError when the channel broke (closed for good then).
        """
        rid = self._next_id
        self._next_id += 1
        data = _line(dict(fields, id=rid))
        if before is not None:
            data = _line(before) + data
        deadline = time.monotonic() + self.timeout_s
        self._write(data)
        if before is not None:
            self._unanswered += 1
        while True:
            reply = self._read_reply(deadline)
            if reply.get("id") == rid:
                if reply.get("ok") is True:
                    return reply
                raise RequestError(str(reply.get("error", "wattiq refused the request")))
            if self._unanswered <= 0:
                self.close()
                raise ChannelError("wattiq sent a reply to no request: %.100r" % (reply,))
            self._unanswered -= 1
            self._note(reply)

    def _note(self, reply):
        if reply.get("ok") is not True and len(self.late_errors) < 100:
            self.late_errors.append(str(reply.get("error", "wattiq refused a request")))

    def _write(self, data):
        try:
            self._sock.sendall(data)
        except (OSError, ValueError) as e:
            self.close()
            raise ChannelError(_why(e, self.timeout_s)) from None

    def drain(self):
        """Reads the replies that have arrived, without waiting (keeps wattiq's replies from piling up)."""
        try:
            while self._unanswered > 0 and self._poll.poll(0):
                chunk = self._sock.recv(65536)
                if not chunk:
                    raise ChannelError("wattiq closed the control connection")
                self._buf += chunk
                while b"\n" in self._buf and self._unanswered > 0:
                    line, self._buf = self._buf.split(b"\n", 1)
                    self._unanswered -= 1
                    self._note(_parse(line))
        except (OSError, ValueError) as e:
            self.close()
            raise ChannelError(_why(e, self.timeout_s)) from None

    def _read_reply(self, deadline):
        while b"\n" not in self._buf:
            try:
                left = deadline - time.monotonic()
                if left <= 0 or not self._poll.poll(left * 1000.0):
                    raise socket.timeout()
                chunk = self._sock.recv(65536)
            except (OSError, ValueError) as e:
                self.close()
                raise ChannelError(_why(e, self.timeout_s)) from None
            if not chunk:
                self.close()
                raise ChannelError("wattiq closed the control connection")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        try:
            return _parse(line)
        except ValueError as e:
            self.close()
            raise ChannelError(str(e)) from None


def _line(fields):
    return (json.dumps(fields, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def _parse(line):
    try:
        reply = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("wattiq's reply is not JSON: %.100r" % (line,)) from None
    if not isinstance(reply, dict):
        raise ValueError("wattiq's reply is not a JSON object: %.100r" % (line,))
    return reply


def _why(e, timeout_s=TIMEOUT_S):
    if isinstance(e, socket.timeout):
        return "no answer from wattiq within %.1f s" % timeout_s
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e) or type(e).__name__
