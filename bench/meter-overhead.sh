#!/usr/bin/env bash
# The meter's own CPU time while measuring `sleep N` at 100 ms, 10 ms and 1 ms intervals (RAPL on a fake powercap
# tree, process scope on the real /proc), then the floor under it: the same wake-ups and reads from C. Prints figures.
# Usage: bench/meter-overhead.sh [seconds=30] [intervals-ms=100,10,1,100] [attribution-period-ms=100]     e.g. bench/meter-overhead.sh 10
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh
mvn -B -ntp -q -pl meter -am test-compile >&2
"$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp meter/target/classes:meter/target/test-classes \
  dev.wattiq.meter.bench.OverheadBench "$@"

# The baseline in the same script: what the same wake-ups and reads cost from C (bench/meter-floor.c), with no JVM.
seconds="${1:-30}"; intervals="${2:-100,10,1}"; attribution="${3:-100}"
if ! command -v gcc >/dev/null 2>&1; then echo; echo "(no gcc: the C floor is not measured)"; exit 0; fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
gcc -O2 -o "$tmp/meter-floor" bench/meter-floor.c
echo 123456789 >"$tmp/package_energy_uj"; echo 3456789 >"$tmp/dram_energy_uj"
echo
echo "The floor: the same wake-ups and reads from C (2 RAPL files at every wake; /proc/stat and the tree every ${attribution} ms)"
printf '%-10s %8s %9s %14s %14s %12s\n' "interval" "wall_s" "wake-ups" "cpu_ms" "%core" "us/wake-up"
for ms in $(echo "$intervals" | tr ',' ' ' | tr ' ' '\n' | awk '!seen[$0]++'); do
  sleep "$seconds" & pid=$!
  "$tmp/meter-floor" "$seconds" "$ms" "$attribution" "$pid" "$tmp/package_energy_uj" "$tmp/dram_energy_uj"
  wait "$pid"
  "$tmp/meter-floor" "$seconds" "$ms" "$attribution" 0 "$tmp/package_energy_uj" "$tmp/dram_energy_uj"
done
