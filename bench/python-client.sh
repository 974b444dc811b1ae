#!/usr/bin/env bash
# Latency of the Python client (clients/python) talking to a real 'wattiq run': p50/p99 in microseconds of a window's
# open+close round trip (goal p99 <= 200 us) and of one step() call (goal p99 <= 20 us, so < 1% of a 10 ms step).
# Twice: over this machine's sensors, then with a slow GPU added (the stub libnvidia-ml.so of meter's tests, each
# energy read taking SLOW_US, default 5000 us: slower than the ~3.5 ms an NVML read took on a virtualised H200), to
# show that a window's round trip does not grow with the sensors' read time. Then the server's own share, no socket.
# Each figure is the median over PASSES passes in one process (the lowest and highest pass beside it).
# Usage: bench/python-client.sh [WINDOWS] [STEPS] [SPACED_10MS] [PASSES] [wattiq run options...]
#        (per pass; defaults 2000 200000 500 3: about 3.5 minutes on 2 CPUs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
windows="${1:-2000}"
steps="${2:-200000}"
spaced="${3:-500}"
passes="${4:-3}"
shift $(( $# > 4 ? 4 : $# ))
slow_us="${SLOW_US:-5000}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export WATTIQ_HOME="$home"
py="${PYTHON:-python3}"
"$here/wattiq" --version >/dev/null   # builds if needed
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$py" --version 2>&1)"

run() {
  "$here/wattiq" run --no-store "$@" -- env PYTHONPATH="$here/clients/python" "$py" "$here/bench/python_client_bench.py" \
    "$windows" "$steps" "$spaced" "$passes" 2> >(grep -E '^wattiq: (run|cannot)|^  (duration|method|note|energy)' >&2)
}

echo "== this machine's sensors"
run "$@"
if cc="$(command -v gcc || command -v cc)"; then
  "$cc" -std=c11 -O1 -shared -fPIC -o "$home/libnvidia-ml-stub.so" "$here/meter/src/test/c/stub_nvml.c"
  printf 'device 0 name=Slow_Stub_GPU uuid=GPU-slow power_mw=300000 limit_mw=700000 util=80\nread_delay_us %s\n' "$slow_us" \
    > "$home/libnvidia-ml-stub.so.ctl"
  echo "== plus a slow GPU: the stub NVML, ${slow_us} us per energy read (machine scope)"
  run --scope machine --nvml-library "$home/libnvidia-ml-stub.so" "$@"
else
  echo "== no C compiler: the slow-GPU pass is skipped"
fi
echo "host: load average after $(cut -d' ' -f1-3 /proc/loadavg)"

# The server's own share, in the same script: the same requests handled without the socket, over the real sensors.
jdk="$(head -n1 "$here/app/target/.wattiq-build.stamp")"
(cd "$here" && JAVA_HOME="$jdk" mvn -B -ntp -q -pl meter test-compile >"$home/mvn.log" 2>&1) || { cat "$home/mvn.log" >&2; exit 1; }
"$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$here/meter/target/classes:$here/meter/target/test-classes" \
  dev.wattiq.meter.bench.ControlBench 20000
