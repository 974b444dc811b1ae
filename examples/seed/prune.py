"""The article's pruning snippet: torch.nn.utils.prune.l1_unstructured at 50%, the mask held through training.

--prune-at 0 prunes at initialisation as the article does; the default prunes half-way (train dense, prune by
magnitude, fine-tune), which is what WattIQ's prune-l1-50 does.
"""
import itertools

import torch.nn.utils.prune as prune

import common


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--amount", type=float, default=0.5, help="fraction of weights to prune (default 0.5)")
    p.add_argument("--prune-at", type=int, default=-1, help="step at which to prune (default: steps/2)")
    args = p.parse_args()
    device = common.setup(args)
    prune_at = args.steps // 2 if args.prune_at < 0 else args.prune_at
    net = common.Seed(args.width, args.outputs, args.lr, device)
    teacher = common.task(args, device)
    steps = itertools.count()

    def update(inputs, targets):
        if next(steps) == prune_at:
            prune.l1_unstructured(net.model, name="weight", amount=args.amount)
        return net.step(inputs, targets)

    loop_s, loss = common.train(args, device, teacher, update)
    sparsity = (net.model.weight == 0).float().mean().item()
    common.report(args, f"prune-l1-{round(args.amount * 100)}", device, loop_s, loss.item(),
                  teacher.quality(net.model) if teacher else None, {"sparsity": sparsity})


if __name__ == "__main__":
    main()
