"""Shared pieces of the article's snippets: arguments, the teacher task and the quality figures.

The teacher task is the one WattIQ's Java engine trains on (same sizes, same distributions; torch draws its own
numbers): inputs x ~ N(0, I), targets t = W*.x + b* + noise, W* ~ N(0, 1/width), b* ~ N(0, 0.1^2),
noise ~ N(0, 0.1^2), so the best possible test MSE (the noise floor) is 0.01.
"""
import argparse
import contextlib
import json
import os
import sys
import time

import torch
import torch.nn as nn

try:
    import wattiq  # energy per epoch from inside the job, when run under 'wattiq run' (clients/python)
except ImportError:  # run from a checkout: the client lives in clients/python
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
    import wattiq

NOISE_STD = 0.1
TEST_ROWS = 2000


def shape_arguments(p, steps=1000):
    """Adds the loop's shape to parser p: --steps (default `steps`), --batch, --width, --outputs."""
    p.add_argument("--steps", type=int, default=steps, help="SGD steps (default %d%s)" % (steps, ", the article's" if steps == 1000 else ""))
    p.add_argument("--batch", type=int, default=100, help="examples per step (default 100)")
    p.add_argument("--width", type=int, default=1000, help="input features (default 1000)")
    p.add_argument("--outputs", type=int, default=10, help="output features (default 10)")
    return p


def parser(description):
    p = shape_arguments(argparse.ArgumentParser(description=description))
    p.add_argument("--lr", type=float, default=0.01, help="learning rate (default 0.01)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--task", choices=["random", "teacher"], default="teacher",
                   help="random: the article's fresh random targets; teacher: a learnable task with a test set")
    p.add_argument("--device", default="auto", help="cpu, cuda, or auto (cuda when available)")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of key=value lines")
    p.add_argument("--epochs", type=int, default=5,
                   help="windows the steps are split into, each measured by wattiq's client as epoch-N (default 5)")
    return p


def epochs(args, device, rank=0):
    """Splits args.steps into args.epochs nearly equal epochs and yields each one's step count inside a window
    ``epoch-N`` (opened by rank 0 only; under 'wattiq run' it carries the epoch's joules). The device is synchronised
    before a window closes, so queued GPU work is charged to its own epoch."""
    n = max(1, min(args.epochs, args.steps))
    for e in range(n):
        steps = args.steps // n + (1 if e < args.steps % n else 0)
        with wattiq.window("epoch-%d" % e) if rank == 0 else contextlib.nullcontext():
            yield steps
            sync(device)


def step(samples, rank=0):
    """Counts one optimiser step (rank 0 only) and this rank's samples, for wattiq's J/step and J/sample."""
    wattiq.step(1 if rank == 0 else 0, samples=samples)


def train(args, device, teacher, update, rank=0, rows=None):
    """Runs args.steps calls of ``update(inputs, targets) -> loss`` on batches of `rows` examples (default args.batch)
    of the task (the teacher's, or the article's random targets when teacher is None), inside the epoch windows,
    counting each step for wattiq. Returns (the loop's seconds, the last loss), timed from a synchronised device."""
    rows = rows or args.batch
    sync(device)
    start = now()
    for epoch_steps in epochs(args, device, rank):
        for _ in range(epoch_steps):
            inputs, targets = teacher.batch(rows) if teacher else random_batch(args, device, rows)
            loss = update(inputs, targets)
            step(rows, rank)
    sync(device)
    return now() - start, loss


class Seed:
    """The article's model, loss and optimiser: Linear(width, outputs) (wrapped by `wrap`, e.g. in DDP), MSE, SGD."""

    def __init__(self, width, outputs, lr, device="cpu", wrap=lambda m: m):
        self.model = wrap(nn.Linear(width, outputs).to(device))
        self.loss_fn = nn.MSELoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=lr)

    def step(self, inputs, targets):
        """One SGD step on the batch; returns its loss."""
        self.optimizer.zero_grad()
        loss = self.loss_fn(self.model(inputs), targets)
        loss.backward()
        self.optimizer.step()
        return loss


def setup(args):
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(args.device)


def task(args, device):
    """The teacher of --task teacher, None for the article's random targets."""
    return Teacher(args.width, args.outputs, args.seed, device) if args.task == "teacher" else None


class Teacher:
    def __init__(self, width, outputs, seed, device):
        g = torch.Generator().manual_seed(seed + 1)
        self.w = (torch.randn(outputs, width, generator=g) / width ** 0.5).to(device)
        self.b = (torch.randn(outputs, generator=g) * 0.1).to(device)
        self.device = device
        self.test_x = torch.randn(TEST_ROWS, width, generator=g).to(device)
        self.test_t = self.targets(self.test_x, g)

    def targets(self, x, g=None):
        noise = torch.randn(x.shape[0], self.w.shape[0], generator=g) if g is not None else \
            torch.randn(x.shape[0], self.w.shape[0], device=self.device)
        return x @ self.w.T + self.b + NOISE_STD * noise.to(self.device)

    def batch(self, rows):
        x = torch.randn(rows, self.w.shape[1], device=self.device)
        return x, self.targets(x)

    @torch.no_grad()
    def quality(self, model):
        y = model(self.test_x).float()
        mse = torch.mean((y - self.test_t) ** 2).item()
        var = torch.mean((self.test_t - self.test_t.mean(dim=0)) ** 2).item()
        floor = NOISE_STD ** 2
        return {"test_mse": mse, "r2": 1 - mse / var, "noise_floor_mse": floor, "gap_to_floor": mse - floor}


def random_batch(args, device, rows=None):
    rows = rows or args.batch
    return (torch.randn(rows, args.width, device=device),
            torch.randn(rows, args.outputs, device=device))


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def report(args, name, device, loop_s, final_loss, quality, extra=None):
    out = {"experiment": name, "device": str(device), "steps": args.steps, "batch": args.batch, "width": args.width,
           "loop_s": loop_s, "step_us": loop_s / args.steps * 1e6, "final_loss": final_loss}
    if quality:
        out.update(quality)
    if extra:
        out.update(extra)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}={v:.6g}" if isinstance(v, float) else f"{k}={v}")


def now():
    return time.perf_counter()
