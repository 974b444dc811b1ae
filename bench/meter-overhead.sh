#!/usr/bin/env bash
# The meter's own CPU time while measuring `sleep N` at 100 ms, 10 ms and 1 ms intervals (RAPL on a fake powercap
# tree, process scope on the real /proc). Prints figures; not a test.
# Usage: bench/meter-overhead.sh [seconds=30] [intervals-ms=100,10,1,100] [attribution-period-ms=100]     e.g. bench/meter-overhead.sh 10
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$c/bin/java" ]; then export JAVA_HOME="$c"; break; fi
  done
fi
mvn -B -ntp -q -pl meter -am test-compile >&2
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp meter/target/classes:meter/target/test-classes \
  dev.wattiq.meter.bench.OverheadBench "$@"
