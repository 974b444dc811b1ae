#!/usr/bin/env bash
# Benchmarks for the tuner (docs/tune.md quotes their output): frontier, planner sweep, scheduling.
# Usage: bench/tune.sh [frontier|sweep|schedule|all]   (pins to 2 CPUs with taskset when available; CPUS=0-15 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -ntp -q -pl planner -am test-compile -Dmaven.javadoc.skip=true
fi
cp="planner/target/classes:planner/target/test-classes:ledger/target/classes:meter/target/classes"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "${CPUS:-0,1}"); fi
run() { "${pin[@]}" "$JAVA_HOME/bin/java" -Xms2g -Xmx6g -XX:+UseParallelGC -cp "$cp" "$@"; }
what="${1:-all}"
[ "$what" = all ] || [ "$what" = frontier ] && run dev.wattiq.planner.bench.FrontierBench "${N:-1000000}" "${RUNS:-7}"
[ "$what" = all ] || [ "$what" = sweep ] && run dev.wattiq.planner.bench.SweepBench "${RUNS:-5}"
[ "$what" = all ] || [ "$what" = schedule ] && run dev.wattiq.planner.bench.ScheduleBench "${RUNS:-7}"
exit 0
