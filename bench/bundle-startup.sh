#!/usr/bin/env bash
# Start-up of the packaged WattIQ (scripts/package-runtime.sh): its own runtime, no JDK, JAVA_HOME unset.
#   cold: the first start of a freshly unpacked bundle (no class-data archive of WattIQ's classes yet: that start
#         writes it), once per fresh unpacking, N_COLD times;
#   warm: every later start, N times after two warm-ups.
# Prints median and p90 wall time in ms per command, and the bundle's size.
#   Usage: bench/bundle-startup.sh [TAR_GZ] [N] [N_COLD]   (default: dist/wattiq-<os>-<arch>.tar.gz, N=20, N_COLD=5)
# Build the bundle first: scripts/package-runtime.sh [--lean]. (The page cache is not dropped: the files of a
# fresh unpacking are in memory, as they are right after a user unpacks it.)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
name="wattiq-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m)"
tgz="${1:-$here/dist/$name.tar.gz}"
n="${2:-20}"
n_cold="${3:-5}"
[ -f "$tgz" ] || { echo "bundle-startup.sh: no bundle at $tgz: run scripts/package-runtime.sh first" >&2; exit 2; }
unset JAVA_HOME
export PATH=/usr/bin:/bin

now_us() { local t; t="$(date +%s%N)"; echo $(( t / 1000 )); }

stats() { # stats LABEL < times in µs: median and p90
  sort -n | awk -v label="$1" '
    { v[NR] = $1 }
    END {
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      p90 = v[int(0.9 * NR + 0.999)]
      printf "%-58s median %7.1f ms   p90 %7.1f ms   (n=%d)\n", label, med / 1000, p90 / 1000, NR
    }'
}

cold() { # cold LABEL ARGS...: the first start of a fresh unpacking, n_cold times
  local label="$1"; shift
  local i t0 t1
  for ((i = 0; i < n_cold; i++)); do
    rm -rf "$work/b" && mkdir -p "$work/b" && tar -C "$work/b" -xzf "$tgz"
    t0="$(now_us)"; "$work/b/$name/bin/wattiq" "$@" >/dev/null 2>&1 || true; t1="$(now_us)"
    echo $(( t1 - t0 ))
  done | stats "$label"
}

warm() { # warm LABEL ARGS...: later starts of the last unpacking
  local label="$1"; shift
  local i t0 t1
  for i in 1 2; do "$work/b/$name/bin/wattiq" "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < n; i++)); do
    t0="$(now_us)"; "$work/b/$name/bin/wattiq" "$@" >/dev/null 2>&1 || true; t1="$(now_us)"
    echo $(( t1 - t0 ))
  done | stats "$label"
}

mkdir -p "$work/b" && tar -C "$work/b" -xzf "$tgz"
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); java on PATH: $(command -v java >/dev/null && java -version 2>&1 | head -n1 || echo none)"
echo "bundle: $(du -h "$tgz" | cut -f1) as .tar.gz, $(du -sh "$work/b/$name" | cut -f1) unpacked (runtime $(du -sh "$work/b/$name/runtime" | cut -f1), jars $(du -sh "$work/b/$name/lib" | cut -f1))"
plan=(plan train --params 7B --tokens 1T --hardware H100-SXM)
cold "cold: wattiq --version"                       --version
cold "cold: wattiq run --no-store -- true"          run --no-store -- true
cold "cold: wattiq plan train --params 7B ..."      "${plan[@]}"
warm "warm: wattiq --version"                       --version
warm "warm: wattiq run --no-store -- true"          run --no-store -- true
warm "warm: wattiq run -- true (with the store)"    run -- true
warm "warm: wattiq plan train --params 7B ..."      "${plan[@]}"
echo "host: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
