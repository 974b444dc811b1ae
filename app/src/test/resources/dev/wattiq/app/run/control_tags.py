"""Tags the run from inside: a result known only at the end. Used by RunControlTest (exit 3: a bad key was taken)."""
import sys

import wattiq

with wattiq.window("train"):
    wattiq.step(samples=8)
wattiq.tag(accuracy=0.91, model="tiny")
wattiq.tag(accuracy=0.9312)  # the same key again replaces it
try:
    wattiq.tag(**{"bad key": 1})
except ValueError:
    pass
else:
    sys.exit(3)
