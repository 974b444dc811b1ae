#!/usr/bin/env bash
# gpu-check.sh — WattIQ's GPU measurement checked on real hardware.
#
#   gpu-check.sh [--seconds S] [--width W] [--batch B] [--out DIR] [--nvml-library PATH] [--device cuda|cpu]
#
# Needs an NVIDIA GPU with its driver (libnvidia-ml.so.1, nvidia-smi), python3 with PyTorch (CUDA), and WattIQ:
# the package from scripts/package-runtime.sh (this script sits next to its bin/wattiq; no JDK or network needed),
# or a checkout with ./wattiq. It runs `wattiq devices`, then `wattiq run` around the article's training loop
# (gpu_train.py) in fp32 and under autocast mixed precision, each scaled to last at least S seconds (default 20),
# while nvidia-smi logs power every 100 ms. It prints a table: variant, time, GPU energy from NVML's energy counter
# (wattiq), GPU energy from integrating nvidia-smi's power readings, and average power. Files go to DIR.
# --device cpu trains on the CPU: a smoke test of this script (with a stub NVML and a stand-in nvidia-smi).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds=20; width=4096; batch=2048; out="${TMPDIR:-/tmp}/wattiq-gpu-check"; device=cuda; nvml=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2;;
    --width) width="$2"; shift 2;;
    --batch) batch="$2"; shift 2;;
    --out) out="$2"; shift 2;;
    --nvml-library) nvml=(--nvml-library "$2"); shift 2;;
    --device) device="$2"; shift 2;;
    -h|--help) sed -n '2,13p' "$0"; exit 0;;
    *) echo "gpu-check.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done

if [ -n "${WATTIQ:-}" ]; then wattiq="$WATTIQ"
elif [ -x "$here/bin/wattiq" ]; then wattiq="$here/bin/wattiq"
elif [ -x "$here/../wattiq" ]; then wattiq="$here/../wattiq"
else echo "gpu-check.sh: no wattiq found: unpack the package from scripts/package-runtime.sh, or set WATTIQ" >&2; exit 2; fi
train="$here/gpu_train.py"
py="${PYTHON:-python3}"
command -v nvidia-smi >/dev/null || { echo "gpu-check.sh: nvidia-smi not found: install the NVIDIA driver" >&2; exit 2; }
if [ "$device" = cuda ]; then
  "$py" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' \
    || { echo "gpu-check.sh: $py has no CUDA PyTorch (import torch; torch.cuda.is_available())" >&2; exit 2; }
fi
mkdir -p "$out"

echo "== wattiq devices"
"$wattiq" devices "${nvml[@]}"
"$wattiq" devices --json "${nvml[@]}" >"$out/devices.json"

echo "== calibrating (so the faster variant lasts >= ${seconds} s)"
cal="$("$py" "$train" --calibrate "$seconds" --width "$width" --batch "$batch" --device "$device")"
echo "$cal"
steps="$(sed -n 's/^steps=\([0-9]*\).*/\1/p' <<<"$cal")"

for variant in fp32 amp; do
  echo "== wattiq run: $variant, $steps steps"
  nvidia-smi --query-gpu=timestamp,index,power.draw --format=csv,noheader,nounits -lms 100 >"$out/smi-$variant.csv" &
  smi=$!
  sleep 1
  date +%s.%N >"$out/start-$variant"
  "$wattiq" run --scope machine --no-store --json-out "$out/run-$variant.json" "${nvml[@]}" -- \
    "$py" "$train" --precision "$variant" --steps "$steps" --width "$width" --batch "$batch" --device "$device" \
    | tee "$out/train-$variant.txt"
  date +%s.%N >"$out/end-$variant"
  sleep 1
  kill "$smi" 2>/dev/null || true
  wait "$smi" 2>/dev/null || true
done

"$py" - "$out" <<'PY'
import csv, datetime, json, sys
out = sys.argv[1]
print()
print(f"{'variant':8} {'time_s':>8} {'gpu_counter_j':>14} {'gpu_integrated_j':>17} {'avg_power_w':>12} {'smi_avg_w':>10}  gpu_method")
for v in ("fp32", "amp"):
    run = json.load(open(f"{out}/run-{v}.json"))
    t0 = float(open(f"{out}/start-{v}").read()); t1 = float(open(f"{out}/end-{v}").read())
    dur = run["duration_s"]
    gpu = run["energy_j"]["by_component"].get("gpu")
    # nvidia-smi's power.draw, summed over GPUs per timestamp and integrated (trapezoid) over the run
    by_time = {}
    for row in csv.reader(open(f"{out}/smi-{v}.csv")):
        if len(row) < 3 or row[2].strip() in ("", "[N/A]", "[Not Supported]"):
            continue
        ts = datetime.datetime.strptime(row[0].strip(), "%Y/%m/%d %H:%M:%S.%f").timestamp()
        by_time[ts] = by_time.get(ts, 0.0) + float(row[2])
    pts = sorted((t, w) for t, w in by_time.items() if t0 <= t <= t1)
    integ = sum((b[0] - a[0]) * (a[1] + b[1]) / 2 for a, b in zip(pts, pts[1:]))
    span = pts[-1][0] - pts[0][0] if len(pts) > 1 else 0
    smi_avg = integ / span if span else float("nan")
    integ_run = smi_avg * dur  # over the run's own duration, comparable with the counter
    avg = gpu / dur if gpu is not None and dur else float("nan")
    gpu_s = f"{gpu:.1f}" if gpu is not None else "n/a"
    methods = ",".join(sorted({d["method"] for d in run.get("devices", []) if d.get("component") == "gpu"})) or "none"
    print(f"{v:8} {dur:8.2f} {gpu_s:>14} {integ_run:17.1f} {avg:12.1f} {smi_avg:10.1f}  {methods}")
print()
print("gpu_counter_j: wattiq's GPU energy over the run, all GPUs (gpu_method 'measured' = NVML's energy counter);"
      " gpu_integrated_j: nvidia-smi power.draw (a ~1 s average on recent GPUs) integrated, scaled to the run's duration;"
      " avg_power_w = gpu_counter_j / time_s.")
PY
