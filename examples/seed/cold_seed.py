"""The article's seed loop as a user runs it once: a fresh process, the first STEPS steps timed from the first step
(no warm-up). Prints key=value lines; bench/lab-cold.sh times the whole process (Python start-up and 'import torch'
included) from outside.
"""
import argparse
import time

import torch
import torch.nn as nn


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = nn.Linear(1000, 10)
    loss_fn = nn.MSELoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    t = time.perf_counter()
    for _ in range(a.steps):
        inputs = torch.randn(100, 1000)
        targets = torch.randn(100, 10)
        opt.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        opt.step()
    loop = time.perf_counter() - t
    print(f"torch={torch.__version__}")
    print(f"step_us={loop / a.steps * 1e6:.1f}")
    print(f"final_loss={loss.item():.6f}")


if __name__ == "__main__":
    main()
