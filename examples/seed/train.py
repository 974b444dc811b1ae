"""The article's first snippet: Linear(1000, 10), MSE loss, SGD (lr 0.01), 1000 steps on batches of 100.

    /usr/bin/python3 examples/seed/train.py --task random     # exactly the article's loop (random targets)
    /usr/bin/python3 examples/seed/train.py                   # the teacher task: prints test MSE and R^2
    wattiq run -- /usr/bin/python3 examples/seed/train.py     # the same, measured
"""
import torch
import torch.nn as nn

import common


def main():
    args = common.parser(__doc__.splitlines()[0]).parse_args()
    device = common.setup(args)
    model = nn.Linear(args.width, args.outputs).to(device)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    teacher = common.Teacher(args.width, args.outputs, args.seed, device) if args.task == "teacher" else None
    common.sync(device)
    start = common.now()
    for epoch_steps in common.epochs(args, device):
        for _ in range(epoch_steps):
            inputs, targets = teacher.batch(args.batch) if teacher else common.random_batch(args, device)
            optimizer.zero_grad()
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            common.step(args.batch)
    common.sync(device)
    loop_s = common.now() - start
    common.report(args, "seed" if teacher is None else "quality", device, loop_s, loss.item(),
                  teacher.quality(model) if teacher else None)


if __name__ == "__main__":
    main()
