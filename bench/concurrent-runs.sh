#!/usr/bin/env bash
# Concurrency bench (issue 16): kill -9 one `wattiq run`, then start 16 `wattiq run -- touch FILE` and 10 `wattiq runs`
# at once on the same store. Checks: 16 files, every wattiq exits 0, no warning or store error on stderr, the killed
# run `incomplete`, the other 16 `complete`. Repeated R times (default 5), each on a fresh WATTIQ_HOME; prints one
# line per repetition and exits non-zero if any check failed. Usage: bench/concurrent-runs.sh [R]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/wattiq" --version >/dev/null # builds if needed

now_ms() { local t; t="$(date +%s%N)"; echo $(( t / 1000000 )); }
failed=0
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((rep = 1; rep <= reps; rep++)); do
  home="$work/home-$rep"; files="$work/files-$rep"; logs="$work/logs-$rep"
  mkdir -p "$home" "$files" "$logs"
  export WATTIQ_HOME="$home"
  # 1. one run, killed with SIGKILL once it has stored samples (the launcher execs java: $! is wattiq itself)
  "$here/wattiq" run --interval 10ms -- sleep 60 >/dev/null 2>&1 &
  victim=$!
  for _ in $(seq 1 600); do
    n="$(sqlite3 "$home/wattiq.db" "SELECT count(*) FROM samples" 2>/dev/null || echo 0)"
    [ "${n:-0}" -ge 5 ] && break
    sleep 0.1
  done
  killed_id="$(sqlite3 "$home/wattiq.db" "SELECT run_id FROM runs WHERE status = 'running'")"
  orphan="$(pgrep -P "$victim" || true)"
  kill -9 "$victim"; wait "$victim" 2>/dev/null || true
  [ -n "$orphan" ] && kill -9 $orphan 2>/dev/null || true
  # 2. 16 runs and 10 listings at once
  t0="$(now_ms)"
  pids=()
  for i in $(seq 1 16); do "$here/wattiq" run -- touch "$files/f$i" >/dev/null 2>"$logs/run-$i.err" & pids+=($!); done
  for i in $(seq 1 10); do "$here/wattiq" runs >/dev/null 2>"$logs/runs-$i.err" & pids+=($!); done
  nonzero=0
  for p in "${pids[@]}"; do wait "$p" || nonzero=$((nonzero + 1)); done
  t1="$(now_ms)"
  touched="$(find "$files" -type f | wc -l)"
  complaints="$(cat "$logs"/*.err | grep -ci 'warning\|not fully stored\|locked\|UNIQUE' || true)"
  incomplete="$(sqlite3 "$home/wattiq.db" "SELECT count(*) FROM runs WHERE status = 'incomplete' AND run_id = '$killed_id'")"
  others_incomplete="$(sqlite3 "$home/wattiq.db" "SELECT count(*) FROM runs WHERE status = 'incomplete' AND run_id <> '$killed_id'")"
  complete="$(sqlite3 "$home/wattiq.db" "SELECT count(*) FROM runs WHERE status = 'complete'")"
  total="$(sqlite3 "$home/wattiq.db" "SELECT count(*) FROM runs")"
  ok=yes
  [ "$touched" -eq 16 ] && [ "$nonzero" -eq 0 ] && [ "$complaints" -eq 0 ] && [ "$incomplete" -eq 1 ] \
    && [ "$others_incomplete" -eq 0 ] && [ "$complete" -eq 16 ] && [ "$total" -eq 17 ] || { ok=NO; failed=1; }
  printf 'rep %d: %2d/16 files, %d non-zero exits, %d stderr complaints, killed run incomplete: %d, complete %2d of %2d other runs, %5.1f s for the 26 starts  ok=%s\n' \
    "$rep" "$touched" "$nonzero" "$complaints" "$incomplete" "$complete" "$((total - 1))" "$(echo "($t1 - $t0) / 1000" | bc -l)" "$ok"
  [ "$ok" = yes ] || { echo "  stderr of rep $rep:"; cat "$logs"/*.err | sed 's/^/    /' | head -20; }
done
exit "$failed"
