#!/usr/bin/env bash
# Issue 18: does a process-scope estimate depend on the process's own work, not its neighbours'?
# The same CPU-bound Python script runs N times alone, then N times beside CPU-hungry neighbours (one busy loop per
# logical CPU, `python3 -c 'while True: pass'`, started before and killed after). Per run: the charged energy (process
# scope; estimated or measured, whatever this machine has), its CPU part, the command's CPU time and wall time. Per
# condition: median and spread (max/min); then the ratio of the two medians.
#   Usage: bench/attribution.sh [N] [LOOP]   (default N=5, LOOP=10000000: about 1-2 s of CPU on a 2-vCPU VM)
#   WATTIQ=/path/to/wattiq bench/attribution.sh   measures another build (e.g. an older checkout, for before/after).
# Goal (issue 18): medians within 10 % of each other, max/min <= 1.15 in each condition.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-5}"
loop="${2:-10000000}"
wattiq="${WATTIQ:-$here/wattiq}"
neighbours=()
stop_neighbours() { for p in "${neighbours[@]}"; do kill "$p" 2>/dev/null || true; done; neighbours=(); }
bench_cleanup() { stop_neighbours; }
script="s = 0
for i in range($loop):
    s += i * i"
"$wattiq" --version >/dev/null # builds once, outside the runs

echo "machine: $(nproc) logical CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
for ((i = 1; i <= n; i++)); do
  "$wattiq" run --no-store --json-out "$work/alone-$i.json" -- python3 -c "$script" 2>/dev/null
done
for ((c = 0; c < $(nproc); c++)); do python3 -c 'while True: pass' & neighbours+=($!); done
sleep 1
for ((i = 1; i <= n; i++)); do
  "$wattiq" run --no-store --json-out "$work/neighbour-$i.json" -- python3 -c "$script" 2>/dev/null
done
stop_neighbours
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"

python3 - "$work" "$n" <<'PY'
import json, re, statistics, sys
work, n = sys.argv[1], int(sys.argv[2])
med = {}
for cond in ("alone", "neighbour"):
    energies, cpus = [], []
    for i in range(1, n + 1):
        d = json.load(open(f"{work}/{cond}-{i}.json"))
        a = {x["name"]: x["value"] for x in d.get("assumptions", []) if isinstance(x, dict)}
        cpu_s = float(re.match(r"[0-9.]+", a["cpu_time_s"]).group(0)) if "cpu_time_s" in a else float("nan")
        e = d["energy_j"]["total"]
        energies.append(e)
        cpus.append(cpu_s)
        print(f"{cond:<9} run {i}  energy {e:7.3f} J  cpu {d['energy_j']['by_component'].get('cpu', float('nan')):7.3f} J"
              f"  memory {d['energy_j']['by_component'].get('memory', float('nan')):7.3f} J  cpu_time {cpu_s:5.2f} s"
              f"  wall {d['duration_s']:5.2f} s  {d['method']}{'  too_short' if d.get('too_short') else ''}")
    med[cond] = statistics.median(energies)
    print(f"{cond:<9} median {med[cond]:.3f} J  min {min(energies):.3f} J  max {max(energies):.3f} J  max/min {max(energies) / min(energies):.3f}"
          f"  (goal <= 1.15)")
    if cpus and all(c == c for c in cpus):
        print(f"{cond:<9} the command's own CPU time (kernel, at exit): median {statistics.median(cpus):.2f} s  max/min {max(cpus) / min(cpus):.3f}")
print(f"neighbour/alone median ratio {med['neighbour'] / med['alone']:.3f}  (goal within 0.90-1.10)")
PY
