"""The article's mixed-precision snippet: the same training under torch.autocast.

On CPU autocast uses bfloat16; on CUDA float16 with a GradScaler (dynamic loss scaling), or bfloat16 with
--dtype bfloat16. Weights stay float32 (autocast casts copies for each matrix product).
"""
import torch
import torch.nn as nn

import common


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--dtype", choices=["auto", "bfloat16", "float16"], default="auto")
    args = p.parse_args()
    device = common.setup(args)
    dtype = {"bfloat16": torch.bfloat16, "float16": torch.float16}.get(args.dtype)
    if dtype is None:
        dtype = torch.float16 if device.type == "cuda" else torch.bfloat16
    model = nn.Linear(args.width, args.outputs).to(device)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    use_scaler = dtype == torch.float16
    scaler = torch.cuda.amp.GradScaler() if use_scaler else None  # fp16 autocast is a CUDA feature here
    teacher = common.Teacher(args.width, args.outputs, args.seed, device) if args.task == "teacher" else None
    common.sync(device)
    start = common.now()
    for epoch_steps in common.epochs(args, device):
        for _ in range(epoch_steps):
            inputs, targets = teacher.batch(args.batch) if teacher else common.random_batch(args, device)
            optimizer.zero_grad()
            with torch.autocast(device_type=device.type, dtype=dtype):
                outputs = model(inputs)
            loss = loss_fn(outputs.float(), targets)
            if scaler:
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
            else:
                loss.backward()
                optimizer.step()
            common.step(args.batch)
    common.sync(device)
    loop_s = common.now() - start
    with torch.autocast(device_type=device.type, dtype=dtype):
        quality = teacher.quality(model) if teacher else None
    common.report(args, "precision-" + str(dtype).replace("torch.", ""), device, loop_s, loss.item(), quality)


if __name__ == "__main__":
    main()
