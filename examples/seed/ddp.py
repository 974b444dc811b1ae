"""The article's DistributedDataParallel snippet on one machine: K processes (gloo on CPU, nccl on GPUs), each
training a replica on its shard of the global batch, gradients averaged by DDP's all-reduce.

Two ways to start it: `python3 ddp.py --workers K` spawns the K ranks itself; with RANK and WORLD_SIZE set (as
torchrun, SLURM wrappers or `wattiq run --job` on each rank do) it runs that one rank, MASTER_ADDR/MASTER_PORT
naming rank 0, e.g. on each node or terminal:
    RANK=0 WORLD_SIZE=2 wattiq run --job ddp-1 -- python3 ddp.py
    RANK=1 WORLD_SIZE=2 wattiq run --job ddp-1 -- python3 ddp.py
Rank 0 prints the quality figures, the same as the lab's.
"""
import os

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel as DDP

import common


def worker(rank, args, out):
    os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
    os.environ.setdefault("MASTER_PORT", str(args.port))
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.device_count() >= args.workers)
    backend = "nccl" if use_cuda else "gloo"
    dist.init_process_group(backend, rank=rank, world_size=args.workers)
    torch.set_num_threads(max(1, args.threads or 1))
    device = torch.device(f"cuda:{rank}") if use_cuda else torch.device("cpu")
    torch.manual_seed(args.seed)  # same initial weights on every rank (DDP also broadcasts rank 0's)
    net = common.Seed(args.width, args.outputs, args.lr, device,
                      wrap=lambda m: DDP(m, device_ids=[rank] if use_cuda else None))
    teacher = common.task(args, device)
    torch.manual_seed(args.seed + 1 + rank)  # each rank draws its own shard
    dist.barrier()
    # rank 0 opens the windows; every rank counts its samples
    loop_s, loss = common.train(args, device, teacher, net.step, rank, rows=args.batch // args.workers)
    if rank == 0:
        out.put((str(device), loop_s, loss.item(), teacher.quality(net.model.module) if teacher else None))
    dist.destroy_process_group()


class _Result:
    """Where rank 0 puts its figures when this process is a single rank (no spawning parent to collect them)."""

    def __init__(self):
        self.value = None

    def put(self, value):
        self.value = value


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    p.add_argument("--port", type=int, default=29517)
    args = p.parse_args()
    if args.batch % args.workers:
        raise SystemExit(f"ddp.py: --batch {args.batch} must divide by --workers {args.workers}")
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        rank, args.workers = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
        if args.batch % args.workers:
            raise SystemExit(f"ddp.py: --batch {args.batch} must divide by WORLD_SIZE {args.workers}")
        out = _Result()
        worker(rank, args, out)
        if rank == 0:
            device, loop_s, final_loss, quality = out.value
            common.report(args, f"parallel-k{args.workers}", device, loop_s, final_loss, quality,
                          {"workers": args.workers, "rank": rank})
        return
    ctx = mp.get_context("spawn")
    out = ctx.SimpleQueue()
    mp.spawn(worker, args=(args, out), nprocs=args.workers, join=True)
    device, loop_s, final_loss, quality = out.get()
    common.report(args, f"parallel-k{args.workers}", device, loop_s, final_loss, quality, {"workers": args.workers})


if __name__ == "__main__":
    main()
