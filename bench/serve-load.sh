#!/usr/bin/env bash
# Load on wattiq serve over loopback: /metrics and /api/runs at a constant 200 requests/s for 60 s each (open-loop
# Java client, latency from each request's intended send time), then wrk with 2 connections for 10 s each for the
# saturated throughput. The server measures a fake RAPL tree and holds 20 stored runs. Prints figures; not a test.
# Usage: bench/serve-load.sh [rate=200] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-200}"
SECS="${2:-60}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$c/bin/java" ]; then export JAVA_HOME="$c"; break; fi
  done
fi
mvn -B -ntp -q -pl app -am package -DskipTests >&2
work="$(mktemp -d)"
serve_pid=""
cleanup() { if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/sys/class/powercap/intel-rapl:0"
z="$work/sys/class/powercap/intel-rapl:0"
echo package-0 > "$z/name"; echo 262143328850 > "$z/max_energy_range_uj"; echo 1 > "$z/enabled"; echo 1000000 > "$z/energy_uj"
export WATTIQ_HOME="$work/home"
W=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "app/target/lib/*:app/target/wattiq-app.jar" dev.wattiq.app.cli.Main)
for i in $(seq 1 20); do "${W[@]}" run --no-store --interval 50ms -- true >/dev/null 2>&1 || true; "${W[@]}" run --job "bench-$((i % 4))" --interval 20ms -- sleep 0.05 >/dev/null 2>&1; done
"${W[@]}" serve --port 0 --sysfs-root "$work/sys" --nvml-library /nonexistent/libnvidia-ml.so.1 2> "$work/serve.log" &
serve_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.2; done
base="$(grep -o 'http://[^/]*' "$work/serve.log" | head -1)"
echo "wattiq serve at $base ($(nproc) CPUs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1))"
echo "constant rate: $RATE requests/s for $SECS s per endpoint (open loop)"
for path in /metrics /api/runs; do
  "$JAVA_HOME/bin/java" bench/ServeLoad.java "$base$path" "$RATE" "$SECS"
done
if command -v wrk >/dev/null; then
  echo "saturation: wrk -t1 -c2 -d10s --latency (closed loop: as fast as the server answers)"
  for path in /metrics /api/runs; do
    wrk -t1 -c2 -d10s --latency "$base$path" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%" | sed "s|^|  $path |"
  done
fi
