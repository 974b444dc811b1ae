"""Shared pieces of the article's snippets: arguments, the teacher task and the quality figures.

The teacher task is the one WattIQ's Java engine trains on (same sizes, same distributions; torch draws its own
numbers): inputs x ~ N(0, I), targets t = W*.x + b* + noise, W* ~ N(0, 1/width), b* ~ N(0, 0.1^2),
noise ~ N(0, 0.1^2), so the best possible test MSE (the noise floor) is 0.01.
"""
import argparse
import json
import time

import torch

NOISE_STD = 0.1
TEST_ROWS = 2000


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--steps", type=int, default=1000, help="SGD steps (default 1000, the article's)")
    p.add_argument("--batch", type=int, default=100, help="examples per step (default 100)")
    p.add_argument("--width", type=int, default=1000, help="input features (default 1000)")
    p.add_argument("--outputs", type=int, default=10, help="output features (default 10)")
    p.add_argument("--lr", type=float, default=0.01, help="learning rate (default 0.01)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--task", choices=["random", "teacher"], default="teacher",
                   help="random: the article's fresh random targets; teacher: a learnable task with a test set")
    p.add_argument("--device", default="auto", help="cpu, cuda, or auto (cuda when available)")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of key=value lines")
    return p


def setup(args):
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(args.device)


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


def random_batch(args, device):
    return (torch.randn(args.batch, args.width, device=device),
            torch.randn(args.batch, args.outputs, device=device))


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
