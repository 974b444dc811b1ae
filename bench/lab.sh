#!/usr/bin/env bash
# The seed loop (Linear(1000,10), MSE, SGD, batch 100) per step: WattIQ's Java engine against the identical loop in
# PyTorch (Debian python3-torch, 1 and 2 threads) and against the arithmetic floor; the normal generators; and the
# loss trajectory of both on one fixed dataset. Prints figures side by side; run from anywhere:
#     bench/lab.sh                 # STEPS=1000 REPEATS=5 by default
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$here"
PY=/usr/bin/python3
STEPS=${STEPS:-1000}
REPEATS=${REPEATS:-5}

"$PY" -c 'import torch' 2>/dev/null || { echo "bench/lab.sh: $PY cannot import torch: apt-get install -y python3-torch libopenblas0-pthread" >&2; exit 2; }
jdk="$(wattiq_jdk)"

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs) model $(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs) MHz; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$jdk/bin/java" -version 2>&1 | head -n1
echo "STEPS=$STEPS REPEATS=$REPEATS"

echo "== Java engine (one JVM, $((REPEATS + 1)) runs, the first warms the JIT up)"
./wattiq lab seed --steps "$STEPS" --repeats "$((REPEATS + 1))" --no-store --json-out "$work/java.json" >/dev/null 2>"$work/java.err" || { cat "$work/java.err" >&2; exit 1; }

echo "== PyTorch, 1 and 2 threads"
"$PY" examples/seed/bench_seed.py --threads 1 --steps "$STEPS" --repeats "$REPEATS" >"$work/torch1.txt"
"$PY" examples/seed/bench_seed.py --threads 2 --steps "$STEPS" --repeats "$REPEATS" >"$work/torch2.txt"

echo "== normal generators (101,000 draws = one step's)"
"$jdk/bin/java" --add-modules jdk.incubator.vector -cp lab/target/classes bench/NormalBench.java 2>/dev/null | tee "$work/rng.txt"

echo "== loss trajectory on a fixed dataset (PyTorch exports data, weights and its losses; Java trains the same)"
"$PY" examples/seed/fixed_dataset.py "$work/ds" --steps 200 --rows 1000
./wattiq lab seed --dataset "$work/ds" --steps 200 --json-out "$work/fixed.json" >/dev/null

"$PY" - "$work" bench/cpu-fp32-peak.csv <<'PYEOF'
import csv, json, statistics, sys
tmp, peaks = sys.argv[1], sys.argv[2]
def kv(path):
    return dict(l.strip().split("=", 1) for l in open(path) if "=" in l)
java = json.load(open(f"{tmp}/java.json"))["trials"][1:]
j_step = statistics.median(t["figures"]["step_us"] for t in java)
j_rng = statistics.median(t["figures"]["rng_us_per_step"] for t in java)
j_cmp = statistics.median(t["figures"]["compute_us_per_step"] for t in java)
j_cpu = statistics.median(t["figures"]["cpu_us_per_step"] for t in java)
j_cpu_cmp = statistics.median(t["figures"]["cpu_us_per_step"] - t["figures"]["rng_cpu_us_per_step"] for t in java)
t1, t2 = kv(f"{tmp}/torch1.txt"), kv(f"{tmp}/torch2.txt")
info = {}
for line in open("/proc/cpuinfo"):
    if ":" in line:
        k, v = [s.strip() for s in line.split(":", 1)]
        info.setdefault(k, v)
fam, model, mhz, vendor = int(info["cpu family"]), int(info["model"]), float(info["cpu MHz"]), info["vendor_id"]
per_cycle, src = None, None
for row in csv.DictReader(l for l in open(peaks) if not l.startswith("#")):
    if row["vendor"] == vendor and int(row["family"]) == fam and int(row["model_from"]) <= model <= int(row["model_to"]):
        per_cycle, src = float(row["fp32_flop_per_cycle"]), f'{row["name"]}: {row["source"]} ({row["year"]})'
        break
B, I, O = 100, 1000, 10
flop = 2 * B * I * O * 2 + 2 * I * O + 4 * B * O  # forward + weight gradient (+ SGD update, loss)
print()
print(f"per-step time of the seed loop (median of {len(java)} runs of the loop)")
print(f"  {'':26s} {'step_us':>9s} {'rng_us':>9s} {'compute_us':>11s} {'cpu_us':>9s}   (cpu: CPU time per step, all threads)")
print(f"  {'java engine, 1 thread':26s} {j_step:9.1f} {j_rng:9.1f} {j_cmp:11.1f} {j_cpu:9.1f}")
for name, t in (("pytorch 1 thread", t1), ("pytorch 2 threads", t2)):
    s, r = float(t["step_us_median"]), float(t["rng_us_median"])
    print(f"  {name:26s} {s:9.1f} {r:9.1f} {s - r:11.1f} {float(t['cpu_us_median']):9.1f}")
print(f"  pytorch BLAS: {t1['blas']}  (torch {t1['torch']})")
best = min(float(t1["step_us_median"]), float(t2["step_us_median"]))
print(f"java / pytorch(best of 1, 2 threads) per step: {j_step / best:.2f}x   (goal <= 0.70x); same, 1 thread vs 1 thread: {j_step / float(t1['step_us_median']):.2f}x")
if per_cycle:
    floor_us = flop / (per_cycle * mhz * 1e6) * 1e6
    print(f"arithmetic floor: {flop / 1e6:.2f} MFLOP/step at {per_cycle:.0f} FLOP/cycle x {mhz:.0f} MHz = {floor_us:.1f} us/step  [{src}]")
    print(f"java compute (excluding RNG) / floor: {j_cmp / floor_us:.2f}x   (goal <= 3x; wall time, inflated when the machine is shared)")
    print(f"java compute (excluding RNG) in CPU time: {j_cpu_cmp:.1f} us/step = {j_cpu_cmp / floor_us:.2f}x the floor   (goal <= 3x)")
else:
    print(f"arithmetic floor: {flop / 1e6:.2f} MFLOP/step; no FLOP/cycle figure for {vendor} family {fam} model {model} in {peaks}")
fixed = json.load(open(f"{tmp}/fixed.json"))["losses"]
torch_l = [float(l) for l in open(f"{tmp}/ds/losses.txt")]
rel = max(abs(a - b) / abs(b) for a, b in zip(fixed, torch_l))
print(f"loss trajectory, fixed dataset, {len(torch_l)} steps: max relative difference java vs pytorch = {rel:.2e}; "
      f"first {torch_l[0]:.6f} / {fixed[0]:.6f}, last {torch_l[-1]:.6f} / {fixed[-1]:.6f} (pytorch / java)")
PYEOF
