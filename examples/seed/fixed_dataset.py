"""Exports a fixed dataset, PyTorch's initial weights and PyTorch's loss trajectory, so another engine can train
the identical problem and compare losses step by step.

Writes to OUT: x.f32 (rows x width), y.f32 (rows x outputs), w0.f32 (outputs x width), b0.f32 (outputs), all raw
little-endian float32, row-major; losses.txt (one loss per step); meta.json. Step s trains on rows
[(s*batch) mod rows, +batch).
"""
import argparse
import json
import os

import numpy as np
import torch

import common
from common import wattiq


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--rows", type=int, default=1000)
    common.shape_arguments(p, steps=200)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    if a.rows % a.batch:
        raise SystemExit("fixed_dataset.py: --rows must be a multiple of --batch")
    torch.manual_seed(a.seed)
    torch.set_num_threads(1)
    x = torch.randn(a.rows, a.width)
    y = torch.randn(a.rows, a.outputs)
    net = common.Seed(a.width, a.outputs, a.lr)
    os.makedirs(a.out, exist_ok=True)
    for name, t in (("x", x), ("y", y), ("w0", net.model.weight.detach()), ("b0", net.model.bias.detach())):
        t.contiguous().numpy().astype("<f4").tofile(os.path.join(a.out, name + ".f32"))
    losses = []
    per_epoch = a.rows // a.batch  # steps in one pass over the rows
    for epoch in range((a.steps + per_epoch - 1) // per_epoch):
        with wattiq.window("epoch-%d" % epoch):  # the epoch's joules, under 'wattiq run'
            for s in range(epoch * per_epoch, min(a.steps, (epoch + 1) * per_epoch)):
                r = (s * a.batch) % a.rows
                loss = net.step(x[r:r + a.batch], y[r:r + a.batch])
                losses.append(loss.item())
                wattiq.step(samples=a.batch)
    with open(os.path.join(a.out, "losses.txt"), "w") as f:
        f.write("\n".join(repr(v) for v in losses) + "\n")
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump({"rows": a.rows, "steps": a.steps, "batch": a.batch, "width": a.width, "outputs": a.outputs,
                   "lr": a.lr, "seed": a.seed, "torch": torch.__version__}, f)


if __name__ == "__main__":
    main()
