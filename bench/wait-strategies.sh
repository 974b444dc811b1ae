#!/usr/bin/env bash
# CPU time per wake-up of a thread woken every PERIOD us, per wait strategy (parkNanos, Thread.sleep, clock_nanosleep,
# timerfd, parkNanos with 50 us timer slack): the floor under the meter's sampler. Prints figures; not a test.
# Usage: bench/wait-strategies.sh [wakeups=3000] [period-us=1000] [repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jdk25.sh
mvn -B -ntp -q -pl meter -am test-compile >&2
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp meter/target/classes:meter/target/test-classes \
  dev.wattiq.meter.bench.WaitBench "${1:-3000}" "${2:-1000}" "${3:-3}"
