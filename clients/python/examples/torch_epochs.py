"""Plain PyTorch with WattIQ's client: a window per epoch, steps and samples per batch, a measured evaluation.

    wattiq run -- python3 clients/python/examples/torch_epochs.py            # energy per epoch, J/sample
    python3 clients/python/examples/torch_epochs.py                          # the same, unmeasured (one warning)

A small regression model on synthetic data (no download), a DataLoader, SGD. Prints one line per epoch with the
window's joules and the figures wattiq gave back; with --json, one JSON object at the end.
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

try:
    import wattiq
except ImportError:  # run from a checkout
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import wattiq


@wattiq.measure(name="evaluate")
def evaluate(model, x, y):
    with torch.no_grad():
        return nn.functional.mse_loss(model(x), y).item()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--rows", type=int, default=4096)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--json", action="store_true", help="print one JSON object of the windows at the end")
    a = p.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    x = torch.randn(a.rows, a.width)
    y = x @ torch.randn(a.width, 1) / a.width ** 0.5 + 0.1 * torch.randn(a.rows, 1)
    loader = DataLoader(TensorDataset(x, y), batch_size=a.batch, shuffle=True)
    model = nn.Sequential(nn.Linear(a.width, 128), nn.ReLU(), nn.Linear(128, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    windows = []
    for epoch in range(a.epochs):
        with wattiq.window("epoch-%d" % epoch) as w:
            for inputs, targets in loader:
                opt.zero_grad()
                loss = nn.functional.mse_loss(model(inputs), targets)
                loss.backward()
                opt.step()
                wattiq.step(samples=len(inputs))
        mse = evaluate(model, x, y)
        windows.append({"name": w.name, "energy_j": w.energy_j, "duration_s": w.duration_s, "work": w.work,
                        "method": w.method})
        energy = "%.3f J" % w.energy_j if w.energy_j is not None else "not measured"
        print("epoch %d: %s in %.3f s, %d samples, mse %.4f" % (epoch, energy, w.duration_s, w.work["samples"], mse),
              file=sys.stderr)
    if a.json:
        print(json.dumps({"windows": windows, "evaluate_j": evaluate.wattiq_last.energy_j, "work": wattiq.work()}))


if __name__ == "__main__":
    main()
