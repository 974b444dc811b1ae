"""The article's mixed-precision snippet: the same training under torch.autocast.

On CPU autocast uses bfloat16; on CUDA float16 with a GradScaler (dynamic loss scaling), or bfloat16 with
--dtype bfloat16. Weights stay float32 (autocast casts copies for each matrix product).
"""
import torch

import common


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--dtype", choices=["auto", "bfloat16", "float16"], default="auto")
    args = p.parse_args()
    device = common.setup(args)
    dtype = {"bfloat16": torch.bfloat16, "float16": torch.float16}.get(args.dtype)
    if dtype is None:
        dtype = torch.float16 if device.type == "cuda" else torch.bfloat16
    net = common.Seed(args.width, args.outputs, args.lr, device)
    use_scaler = dtype == torch.float16
    scaler = torch.cuda.amp.GradScaler() if use_scaler else None  # fp16 autocast is a CUDA feature here
    teacher = common.task(args, device)

    def update(inputs, targets):
        net.optimizer.zero_grad()
        with torch.autocast(device_type=device.type, dtype=dtype):
            outputs = net.model(inputs)
        loss = net.loss_fn(outputs.float(), targets)
        if scaler:
            scaler.scale(loss).backward()
            scaler.step(net.optimizer)
            scaler.update()
        else:
            loss.backward()
            net.optimizer.step()
        return loss

    loop_s, loss = common.train(args, device, teacher, update)
    with torch.autocast(device_type=device.type, dtype=dtype):
        quality = teacher.quality(net.model) if teacher else None
    common.report(args, "precision-" + str(dtype).replace("torch.", ""), device, loop_s, loss.item(), quality)


if __name__ == "__main__":
    main()
