#!/usr/bin/env python3
"""The article's training loop on an NVIDIA GPU, scaled up so a run lasts long enough to measure.

The article trains nn.Linear(1000, 10) with MSE loss and SGD (lr 0.01) for 1000 steps on fresh random batches
of 100. Here the same loop runs on CUDA with a wider model (an MLP: 1000 -> WIDTH -> WIDTH -> 10) and larger
batches, in fp32 or under torch.autocast (fp16 with a GradScaler). TF32 is switched off so fp32 means fp32.

  gpu_train.py --precision fp32|amp --steps N [--width W] [--batch B]
  gpu_train.py --calibrate SECONDS [--width W] [--batch B]   prints how many steps make the faster variant last SECONDS
"""
import argparse
import math
import sys
import time

import torch
from torch import nn


def model_for(width):
    return nn.Sequential(nn.Linear(1000, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 10))


def sync(dev):
    if dev.type == "cuda":
        torch.cuda.synchronize()


def grad_scaler(dev, enabled):
    if dev.type != "cuda":
        return None  # bf16 autocast on the CPU needs no loss scaling
    try:
        return torch.amp.GradScaler("cuda", enabled=enabled)
    except (AttributeError, TypeError):  # PyTorch before 2.3
        return torch.cuda.amp.GradScaler(enabled=enabled)


def train(precision, steps, width, batch, device="cuda", seed=0):
    torch.manual_seed(seed)
    dev = torch.device(device)
    model = model_for(width).to(dev)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    amp = precision == "amp"
    scaler = grad_scaler(dev, amp)
    dtype = torch.float16 if dev.type == "cuda" else torch.bfloat16
    loss = torch.zeros((), device=dev)
    sync(dev)
    start = time.perf_counter()
    for _ in range(steps):
        x = torch.randn(batch, 1000, device=dev)  # fresh random inputs and targets each step, as in the article
        y = torch.randn(batch, 10, device=dev)
        opt.zero_grad(set_to_none=True)
        with torch.autocast(dev.type, dtype=dtype, enabled=amp):
            loss = loss_fn(model(x), y)
        if scaler is None:
            loss.backward()
            opt.step()
        else:
            scaler.scale(loss).backward()
            scaler.step(opt)
            scaler.update()
    sync(dev)
    return time.perf_counter() - start, float(loss)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--precision", choices=["fp32", "amp"], default="fp32")
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--width", type=int, default=4096)
    p.add_argument("--batch", type=int, default=2048)
    p.add_argument("--calibrate", type=float, metavar="SECONDS")
    p.add_argument("--device", default="cuda", help="cuda (default) or cpu (a smoke test of this script)")
    a = p.parse_args()
    if a.device == "cuda" and not torch.cuda.is_available():
        print("gpu_train.py: PyTorch sees no CUDA GPU (torch.cuda.is_available() is False)", file=sys.stderr)
        return 2
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    if a.calibrate:
        n = 30
        per_step = {}
        for prec in ("fp32", "amp"):
            train(prec, 10, a.width, a.batch, a.device)  # warm-up: kernels, allocator
            seconds, _ = train(prec, n, a.width, a.batch, a.device)
            per_step[prec] = seconds / n
        steps = math.ceil(a.calibrate * 1.1 / min(per_step.values()))
        print(f"steps={steps} fp32_step_ms={per_step['fp32'] * 1e3:.3f} amp_step_ms={per_step['amp'] * 1e3:.3f}")
        return 0
    seconds, loss = train(a.precision, a.steps, a.width, a.batch, a.device)
    name = torch.cuda.get_device_name(0) if a.device == "cuda" else "cpu"
    print(f"precision={a.precision} steps={a.steps} width={a.width} batch={a.batch} loop_s={seconds:.3f} final_loss={loss:.6f}"
          f" device={name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
