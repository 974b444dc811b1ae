#!/usr/bin/env bash
# The seed loop as a user runs it once: './wattiq lab seed --steps 1000' in a fresh JVM (loop time from the first
# measured step), cold, against the article's PyTorch loop in a fresh process (its first 1,000 steps timed), side by
# side; and both warm (one process, after a warm-up run). Java cold is measured three ways, interleaved with PyTorch
# so that all share the machine's load:
#   default      the launcher's AOT cache for lab/demo (trained on a short demo at build) + the stated untimed JIT warm-up
#   no-warm-up   the AOT cache alone (--no-warm-up): the JIT warms up inside the measured steps
#   plain JVM    neither (the JDK's default CDS archive only, no warm-up): the first run as it was before issue 18
# 'process_s' is the whole command from outside (JVM or Python start-up, imports, warm-up, loop, exit): what a user waits.
#     bench/lab-cold.sh            # RUNS=5 fresh processes per row, STEPS=1000
# Without PyTorch (Debian: apt-get install python3-torch) it prints the Java side and says PyTorch was not compared.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$here"
PY=/usr/bin/python3
STEPS=${STEPS:-1000}
RUNS=${RUNS:-5}

jdk="$(wattiq_jdk)"
torch=yes # COMPARE_TORCH=no leaves PyTorch out even where it is installed (to see the script's output without it)
"$PY" -c 'import torch' 2>/dev/null && [ "${COMPARE_TORCH:-yes}" != no ] || torch=no

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$jdk/bin/java" -version 2>&1 | head -n1
[ "$torch" = yes ] && echo "torch $("$PY" -c 'import torch; print(torch.__version__)') ($PY)"
echo "STEPS=$STEPS RUNS=$RUNS; AOT cache for lab/demo: $([ -f app/target/wattiq-vector.aot ] && echo present || echo ABSENT)"

now() { date +%s%N; }
# java_row NAME CMD...: one fresh process; appends "step_us warm_up_s process_s" to $work/NAME
java_row() {
  local name=$1; shift
  local t0 t1; t0=$(now)
  "$@" --json-out "$work/$name.json" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  t1=$(now)
  "$PY" - "$work/$name.json" "$t0" "$t1" >>"$work/$name" <<'PYEOF'
import json, sys
j = json.load(open(sys.argv[1]))
w = j.get("warm_up") or {}
print(j["trials"][0]["figures"]["step_us"], w.get("duration_s", 0.0), (int(sys.argv[3]) - int(sys.argv[2])) / 1e9)
PYEOF
}
plain=("$jdk/bin/java" -Xlog:disable -XX:+UseSerialGC -Xss4m --enable-native-access=ALL-UNNAMED -Dwattiq.home.dir="$PWD"
       -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider --add-modules jdk.incubator.vector
       -cp "app/target/wattiq-app.jar:app/target/lib/*" dev.wattiq.app.cli.Main)

echo "== cold: $RUNS fresh processes per row, interleaved"
for i in $(seq "$RUNS"); do
  java_row default ./wattiq lab seed --steps "$STEPS" --no-store
  java_row nowarm ./wattiq lab seed --steps "$STEPS" --no-store --no-warm-up
  java_row plain "${plain[@]}" lab seed --steps "$STEPS" --no-store --no-warm-up
  if [ "$torch" = yes ]; then
    t0=$(now); "$PY" examples/seed/cold_seed.py --steps "$STEPS" --threads 1 >"$work/t.txt"; t1=$(now)
    echo "$(sed -n 's/^step_us=//p' "$work/t.txt") 0 $(( (t1 - t0) / 1000000 ))e-3" >>"$work/torch"
  fi
done

echo "== warm: one process each, the first run warms up, median of 5"
./wattiq lab seed --steps "$STEPS" --repeats 6 --no-store --no-warm-up --json-out "$work/warm.json" >/dev/null 2>&1
[ "$torch" = yes ] && "$PY" examples/seed/bench_seed.py --threads 1 --steps "$STEPS" --repeats 5 >"$work/torchwarm.txt"

"$PY" - "$work" "$torch" <<'PYEOF'
import json, os, statistics, sys
tmp, torch = sys.argv[1], sys.argv[2] == "yes"
def rows(name):
    return [[float(x) for x in l.split()] for l in open(f"{tmp}/{name}")] if os.path.exists(f"{tmp}/{name}") else []
def med(rs, k):
    return statistics.median(r[k] for r in rs)
print()
print("cold: a fresh process per run, median of the runs (min-max of the loop in brackets)")
print(f"  {'':44s} {'loop us/step':>22s} {'warm-up s':>10s} {'process s':>10s}")
table = [("java, AOT cache + stated warm-up (default)", "default"), ("java, AOT cache, no warm-up", "nowarm"),
         ("java, plain JVM, no warm-up (before)", "plain")] + ([("pytorch 1 thread, first steps timed", "torch")] if torch else [])
got = {}
for label, name in table:
    rs = rows(name)
    got[name] = rs
    loop = f"{med(rs, 0):8.1f} [{min(r[0] for r in rs):.0f}-{max(r[0] for r in rs):.0f}]"
    print(f"  {label:44s} {loop:>22s} {med(rs, 1):10.2f} {med(rs, 2):10.2f}")
warm = json.load(open(f"{tmp}/warm.json"))["trials"][1:]
j_warm = statistics.median(t["figures"]["step_us"] for t in warm)
print(f"warm: java {j_warm:.1f} us/step (median of {len(warm)} runs in one JVM after a warm-up run)", end="")
if torch:
    t_warm = float(dict(l.strip().split("=", 1) for l in open(f"{tmp}/torchwarm.txt") if "=" in l)["step_us_median"])
    print(f"; pytorch 1 thread {t_warm:.1f} us/step: {j_warm / t_warm:.2f}x   (goal <= 0.70x)")
    t = med(got["torch"], 0)
    for label, name in table[:3]:
        print(f"cold, loop from the first measured step: {label}: {med(got[name], 0) / t:.2f}x pytorch's   (goal <= 0.70x)")
    print(f"cold, whole process (start-up, warm-up, loop): java default {med(got['default'], 2):.2f} s vs pytorch "
          f"{med(got['torch'], 2):.2f} s: {med(got['default'], 2) / med(got['torch'], 2):.2f}x")
else:
    print()
    print("PyTorch not installed here: not compared (install python3-torch to compare on this machine)")
    print("previously published, NOT measured now: PyTorch 1 thread, warm, 1,285-1,313 us/step (bench/lab.sh, docs/lab.md); "
          "java cold before this change ~900-1,200 us/step (issue 18)")
print(f"load average at the end: {open('/proc/loadavg').read().split()[:3]}")
PYEOF
