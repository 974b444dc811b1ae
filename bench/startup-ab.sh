#!/usr/bin/env bash
# Start-up of two checkouts side by side: `wattiq --version` and `wattiq run --no-store -- true` of this checkout (B)
# and of another one (A, e.g. an older commit unpacked with `git archive REV | tar -x -C DIR`), run alternately N
# times each so that both see the same machine load. Prints the median of each and the median of B/A over the pairs.
# Usage: bench/startup-ab.sh OTHER_CHECKOUT [N]   (default N=30; each checkout builds itself on first use)
set -euo pipefail
b="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
a="$(cd "${1:?usage: bench/startup-ab.sh OTHER_CHECKOUT [N]}" && pwd)"
n="${2:-30}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export WATTIQ_HOME="$home"
for w in "$a/wattiq" "$b/wattiq"; do "$w" --version >/dev/null; "$w" run --no-store -- true >/dev/null 2>&1; done # builds, caches

now_us() { local t; t="$(date +%s%N)"; echo $(( t / 1000 )); }
time_us() { local t0 t1; t0="$(now_us)"; "$@" >/dev/null 2>&1 || true; t1="$(now_us)"; echo $(( t1 - t0 )); }

pair() { # pair LABEL ARGS...: A and B alternately (which goes first alternates too), n times; medians and B/A
  local label="$1"; shift
  local as=() bs=() i ta tb
  for i in 1 2; do "$a/wattiq" "$@" >/dev/null 2>&1 || true; "$b/wattiq" "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < n; i++)); do
    if (( i % 2 == 0 )); then ta="$(time_us "$a/wattiq" "$@")"; tb="$(time_us "$b/wattiq" "$@")"
    else tb="$(time_us "$b/wattiq" "$@")"; ta="$(time_us "$a/wattiq" "$@")"; fi
    as+=("$ta"); bs+=("$tb")
  done
  paste <(printf '%s\n' "${as[@]}") <(printf '%s\n' "${bs[@]}") | awk -v label="$label" '
    function median(x, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
                                      return (k % 2) ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2 }
    { a[NR] = $1; b[NR] = $2; r[NR] = $2 / $1 }
    END { printf "%-34s A median %7.1f ms   B median %7.1f ms   B/A median %.3f   (n=%d pairs)\n",
                 label, median(a, NR) / 1000, median(b, NR) / 1000, median(r, NR), NR }'
}

echo "A: $a"
echo "B: $b"
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
pair "wattiq --version (CLI only)" --version
pair "wattiq run --no-store -- true" run --no-store -- true
echo "host: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
