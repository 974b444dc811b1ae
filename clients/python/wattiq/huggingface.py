"""A Hugging Face ``transformers`` TrainerCallback: a window per epoch, steps, samples and tokens per optimiser step.

    from wattiq.huggingface import WattiqCallback
    trainer = Trainer(model=model, args=args, train_dataset=ds, callbacks=[WattiqCallback()])

Only the world-zero process reports (the Trainer's own convention): one step per optimiser step, samples =
``train_batch_size x gradient_accumulation_steps x world_size``, tokens = the growth of ``state.num_input_tokens_seen``
(counted by the Trainer, over all processes, when ``include_num_input_tokens_seen`` is on). Windows are named
``epoch-N``. Importing this module imports ``transformers``; ``import wattiq`` alone never does.
"""
from . import _state

try:
    from transformers import TrainerCallback as _Base
except ImportError:
    raise ImportError("wattiq.huggingface needs Hugging Face transformers (the 'transformers' package)") from None


class WattiqCallback(_Base):
    def __init__(self, prefix="epoch"):
        super().__init__()
        self.prefix = prefix
        self.windows = []
        self._current = None
        self._epochs = 0
        self._tokens_seen = 0

    def on_train_begin(self, args, state, control, **kwargs):
        self._tokens_seen = int(getattr(state, "num_input_tokens_seen", 0) or 0)
        self._epochs = int(getattr(state, "epoch", 0) or 0)  # a resumed run goes on counting from its epoch

    def on_epoch_begin(self, args, state, control, **kwargs):
        if state.is_world_process_zero:
            self._close()
            self._current = _state.begin_window("%s-%d" % (self.prefix, self._epochs))
        self._epochs += 1

    def on_step_end(self, args, state, control, **kwargs):
        if not state.is_world_process_zero:
            return
        samples = _samples_per_step(args)
        seen = int(getattr(state, "num_input_tokens_seen", 0) or 0)
        tokens = seen - self._tokens_seen if seen > self._tokens_seen else None
        self._tokens_seen = max(seen, self._tokens_seen)
        _state.step(1, samples=samples, tokens=tokens)

    def on_epoch_end(self, args, state, control, **kwargs):
        self._close()

    def on_train_end(self, args, state, control, **kwargs):
        self._close()
        _state.flush()

    def _close(self):
        w, self._current = self._current, None
        if w is not None and _state.is_open(w.name):
            self.windows.append(_state.end_window(w.name))


def _samples_per_step(args):
    per_device = getattr(args, "train_batch_size", None) or getattr(args, "per_device_train_batch_size", None)
    if not per_device:
        return None
    accumulation = getattr(args, "gradient_accumulation_steps", 1) or 1
    world = getattr(args, "world_size", 1) or 1
    return int(per_device) * int(accumulation) * int(world)
