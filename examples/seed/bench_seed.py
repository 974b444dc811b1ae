"""Per-step time of the article's seed loop in PyTorch (CPU): the loop as written (torch.randn each step), and
the same loop's random-number part alone, so the arithmetic can be told apart. Prints key=value lines, and
which BLAS library the process actually loaded (read from /proc/self/maps).
"""
import argparse
import re
import time

import torch

import common
from common import wattiq


def blas_libraries():
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                m = re.search(r"/(lib(?:open)?blas[^/\s]*\.so[^/\s]*)$", line.strip())
                if m:
                    libs.add(line.split()[-1])
    except OSError:
        pass
    return sorted(libs)


def main():
    p = common.shape_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    net = common.Seed(a.width, a.outputs, lr=0.01)

    def loop(n):
        for _ in range(n):
            inputs = torch.randn(a.batch, a.width)
            targets = torch.randn(a.batch, a.outputs)
            loss = net.step(inputs, targets)
        return loss

    def rng_only(n):
        for _ in range(n):
            torch.randn(a.batch, a.width)
            torch.randn(a.batch, a.outputs)

    loop(100)  # warm up
    steps, rngs, cpus = [], [], []
    for repeat in range(a.repeats):
        with wattiq.window("repeat-%d" % repeat):  # each timed repeat's joules, under 'wattiq run'
            t = time.perf_counter()
            c = time.process_time()
            loss = loop(a.steps)
            steps.append((time.perf_counter() - t) / a.steps * 1e6)
            cpus.append((time.process_time() - c) / a.steps * 1e6)
        wattiq.step(a.steps, samples=a.steps * a.batch)
        t = time.perf_counter()
        rng_only(a.steps)
        rngs.append((time.perf_counter() - t) / a.steps * 1e6)
    steps.sort()
    rngs.sort()
    cpus.sort()
    print(f"torch={torch.__version__}")
    print(f"threads={a.threads}")
    print(f"blas={','.join(blas_libraries()) or 'unknown'}")
    print(f"step_us_median={steps[len(steps) // 2]:.1f}")
    print(f"rng_us_median={rngs[len(rngs) // 2]:.1f}")
    print(f"cpu_us_median={cpus[len(cpus) // 2]:.1f}")  # CPU time of all the process's threads per step
    print(f"final_loss={loss.item():.6f}")


if __name__ == "__main__":
    main()
