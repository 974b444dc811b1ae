"""The article's first snippet: Linear(1000, 10), MSE loss, SGD (lr 0.01), 1000 steps on batches of 100.

    /usr/bin/python3 examples/seed/train.py --task random     # exactly the article's loop (random targets)
    /usr/bin/python3 examples/seed/train.py                   # the teacher task: prints test MSE and R^2
    wattiq run -- /usr/bin/python3 examples/seed/train.py     # the same, measured

The article's step is common.Seed.step (zero_grad, forward, MSE, backward, SGD step); common.train runs it --steps
times inside the epoch windows and counts each step for wattiq. prune.py, mixed_precision.py and ddp.py change only
the step.
"""
import common


def main():
    args = common.parser(__doc__.splitlines()[0]).parse_args()
    device = common.setup(args)
    net = common.Seed(args.width, args.outputs, args.lr, device)
    teacher = common.task(args, device)
    loop_s, loss = common.train(args, device, teacher, net.step)
    common.report(args, "seed" if teacher is None else "quality", device, loop_s, loss.item(),
                  teacher.quality(net.model) if teacher else None)


if __name__ == "__main__":
    main()
