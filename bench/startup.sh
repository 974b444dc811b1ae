#!/usr/bin/env bash
# Start-up benchmark: `./wattiq run -- true` end to end (JVM start, sensors, store, summary), N times each,
# next to baselines measured in the same script: `true`, `java -version`, and the CLI alone (`wattiq --version`).
# Prints the median and p90 wall time in ms per command. Usage: bench/startup.sh [N]   (default N=30)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-30}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export WATTIQ_HOME="$home"

"$here/wattiq" --version >/dev/null                # builds if needed
jdk="$(head -n1 "$here/app/target/.wattiq-build.stamp")"
"$here/wattiq" run -- true 2>/dev/null            # the first run writes the class-data archive if there is none

now_us() { local t; t="$(date +%s%N)"; echo $(( t / 1000 )); }

bench() { # bench LABEL CMD...: runs CMD n times (after 2 warm-ups), prints median and p90
  local label="$1"; shift
  local times=() i t0 t1
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < n; i++)); do
    t0="$(now_us)"; "$@" >/dev/null 2>&1 || true; t1="$(now_us)"
    times+=($(( t1 - t0 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      p90 = v[int(0.9 * NR + 0.999)]
      printf "%-44s median %7.1f ms   p90 %7.1f ms   (n=%d)\n", label, med / 1000, p90 / 1000, NR
    }'
}

echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$jdk/bin/java" -version 2>&1 | head -n1)"
bench "true"                                       true
bench "java -version (JDK 25, no flags)"           "$jdk/bin/java" -version
bench "./wattiq --version (CLI only)"              "$here/wattiq" --version
bench "./wattiq run --no-store -- true"            "$here/wattiq" run --no-store -- true
bench "./wattiq run -- true (with the store)"      "$here/wattiq" run -- true
echo "host: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
