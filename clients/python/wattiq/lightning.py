"""A PyTorch Lightning callback: a window per training epoch, steps and samples per batch.

    from wattiq.lightning import WattiqCallback
    trainer = lightning.Trainer(callbacks=[WattiqCallback()])

Windows are named ``epoch-N`` (N = ``trainer.current_epoch``) and opened by the global-zero process only; each
process counts the samples of its own batches (so the run's samples are the global count) and the global-zero process
counts one step per batch. Pass ``tokens=lambda batch: ...`` to count tokens too. Importing this module imports
Lightning (``lightning`` or ``pytorch_lightning``); ``import wattiq`` alone never does.
"""
from . import _state
from ._batches import batch_size


def _base():
    try:
        from lightning.pytorch.callbacks import Callback
        return Callback
    except ImportError:
        pass
    try:
        from pytorch_lightning.callbacks import Callback
        return Callback
    except ImportError:
        raise ImportError("wattiq.lightning needs PyTorch Lightning (the 'lightning' or 'pytorch_lightning' package)")


class WattiqCallback(_base()):
    def __init__(self, prefix="epoch", tokens=None):
        super().__init__()
        self.prefix = prefix
        self.tokens = tokens
        self.windows = []  # the epochs' windows, their energy filled in as each ends
        self._current = None

    def on_train_epoch_start(self, trainer, pl_module):
        if getattr(trainer, "is_global_zero", True):
            self._close()
            self._current = _state.begin_window("%s-%d" % (self.prefix, trainer.current_epoch))

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        tokens = self.tokens(batch) if self.tokens is not None else None
        steps = 1 if getattr(trainer, "is_global_zero", True) else 0
        _state.step(steps, samples=batch_size(batch), tokens=tokens)

    def on_train_epoch_end(self, trainer, pl_module):
        self._close()

    def on_train_end(self, trainer, pl_module):
        self._close()
        _state.flush()

    def on_exception(self, trainer, pl_module, exception):
        self._close()

    def _close(self):
        w, self._current = self._current, None
        if w is not None and _state.is_open(w.name):
            self.windows.append(_state.end_window(w.name))
