#!/usr/bin/env bash
# Benchmarks the planner's training estimate (JMH, 2 threads): the tuner's allocation-free evaluate() next to the
# validated estimate() baseline, in one run. Prints configurations per second.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -ntp -q -pl planner -am -Pbench -DskipTests verify
