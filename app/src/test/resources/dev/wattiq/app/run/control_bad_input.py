"""Every kind of bad input, through the client and straight on the socket; writes what each got to argv[1]. RunControlTest."""
import json
import os
import socket
import sys

import wattiq

got = {}


def attempt(key, fn):
    try:
        fn()
        got[key] = "no error"
    except (ValueError, TypeError) as e:
        got[key] = "%s: %s" % (type(e).__name__, e)


wattiq.begin_window("good-1")
wattiq.end_window("good-1")
attempt("closed_twice", lambda: wattiq.end_window("good-1"))
attempt("never_opened", lambda: wattiq.end_window("nope"))
attempt("empty_name", lambda: wattiq.begin_window(""))
attempt("long_name", lambda: wattiq.begin_window("n" * 10240))
attempt("negative", lambda: wattiq.step(-3))
for _ in range(100000):
    wattiq.step()


def raw(lines):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect(os.environ["WATTIQ_CONTROL"])
        s.sendall(b"".join(lines))
        out = b""
        while out.count(b"\n") < len(lines):
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    return [json.loads(x) for x in out.splitlines()]


got["raw"] = raw([
    b"\x89PNG\r\n",
    b"SELECT * FROM runs;\n",
    b'{"op":"close","name":"good-1","id":1}\n',
    b'{"op":"open","name":"","id":2}\n',
    b'{"op":"open","name":"' + b"n" * 10240 + b'","id":3}\n',
    b'{"op":"work","steps":-1,"id":4}\n',
    b'{"op":"open","name":"raw-twice","id":5}\n',
    b'{"op":"close","name":"raw-twice","id":6}\n',
    b'{"op":"close","name":"raw-twice","id":7}\n',
])
with wattiq.window("good-2") as w:
    wattiq.step(samples=5)
got["good_2_energy_j"] = w.energy_j
got["work"] = wattiq.work()
with open(sys.argv[1], "w") as f:
    json.dump(got, f)
