#!/usr/bin/env bash
# Latency of the Python client (clients/python) talking to a real 'wattiq run': p50/p99 in microseconds of a window's
# open+close round trip (goal p99 <= 200 us) and of one step() call (goal p99 <= 20 us, so < 1% of a 10 ms step).
# Usage: bench/python-client.sh [WINDOWS] [STEPS] [wattiq run options...]   (defaults 3000 and 200000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
windows="${1:-3000}"
steps="${2:-200000}"
shift $(( $# > 2 ? 2 : $# ))
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export WATTIQ_HOME="$home"
py="${PYTHON:-python3}"
"$here/wattiq" --version >/dev/null   # builds if needed
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$py" --version 2>&1)"
"$here/wattiq" run --no-store "$@" -- env PYTHONPATH="$here/clients/python" "$py" "$here/bench/python_client_bench.py" "$windows" "$steps" \
  2> >(grep -E '^wattiq: (run|cannot)|^  (duration|method|note)' >&2)
echo "host: load average after $(cut -d' ' -f1-3 /proc/loadavg)"

# The server's own share, in the same script: the same requests handled without the socket, over the real sensors.
jdk="$(head -n1 "$here/app/target/.wattiq-build.stamp")"
(cd "$here" && JAVA_HOME="$jdk" mvn -B -ntp -q -pl meter test-compile >"$home/mvn.log" 2>&1) || { cat "$home/mvn.log" >&2; exit 1; }
"$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$here/meter/target/classes:$here/meter/target/test-classes" \
  dev.wattiq.meter.bench.ControlBench 20000
