"""The article's pruning snippet: torch.nn.utils.prune.l1_unstructured at 50%, the mask held through training.

--prune-at 0 prunes at initialisation as the article does; the default prunes half-way (train dense, prune by
magnitude, fine-tune), which is what WattIQ's prune-l1-50 does.
"""
import torch
import torch.nn as nn
import torch.nn.utils.prune as prune

import common


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--amount", type=float, default=0.5, help="fraction of weights to prune (default 0.5)")
    p.add_argument("--prune-at", type=int, default=-1, help="step at which to prune (default: steps/2)")
    args = p.parse_args()
    device = common.setup(args)
    prune_at = args.steps // 2 if args.prune_at < 0 else args.prune_at
    model = nn.Linear(args.width, args.outputs).to(device)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    teacher = common.Teacher(args.width, args.outputs, args.seed, device) if args.task == "teacher" else None
    common.sync(device)
    start = common.now()
    step = 0
    for epoch_steps in common.epochs(args, device):
        for _ in range(epoch_steps):
            if step == prune_at:
                prune.l1_unstructured(model, name="weight", amount=args.amount)
            inputs, targets = teacher.batch(args.batch) if teacher else common.random_batch(args, device)
            optimizer.zero_grad()
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            common.step(args.batch)
            step += 1
    common.sync(device)
    loop_s = common.now() - start
    sparsity = (model.weight == 0).float().mean().item()
    common.report(args, f"prune-l1-{round(args.amount * 100)}", device, loop_s, loss.item(),
                  teacher.quality(model) if teacher else None, {"sparsity": sparsity})


if __name__ == "__main__":
    main()
