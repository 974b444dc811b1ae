#!/usr/bin/env bash
# The meter's CPU share with RAPL + hwmon (ACPI power meter) + Redfish (a fake BMC on loopback, polled at its own 1 s
# refresh) at a 100 ms interval, printed beside RAPL alone; interleaved repeats and medians. Prints figures.
# Usage: bench/wall-overhead.sh [seconds=20] [repeats=3]     e.g. bench/wall-overhead.sh 10 3
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh
mvn -B -ntp -q -pl meter -am test-compile dependency:build-classpath -Dmdep.outputFile=target/wall-bench.cp >&2
"$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
  -cp "meter/target/classes:meter/target/test-classes:$(cat meter/target/wall-bench.cp)" \
  dev.wattiq.meter.bench.WallOverheadBench "$@"
