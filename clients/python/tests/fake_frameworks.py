"""Small stand-ins for PyTorch Lightning and Hugging Face transformers: their callback base classes with the real hook
signatures (Lightning 2.x ``Callback``, transformers 4.x/5.x ``TrainerCallback``), and trainers that call the hooks the
way the real loops do. test_callbacks.py checks these signatures against the real sources when they can be found."""
import sys
import types


class Tensor:
    """Just enough of a tensor for a batch: a shape."""

    def __init__(self, *shape):
        self.shape = shape


# --- Lightning ---------------------------------------------------------------------------------------------------
class LightningCallback:
    def on_train_start(self, trainer, pl_module):
        pass

    def on_train_epoch_start(self, trainer, pl_module):
        pass

    def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
        pass

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        pass

    def on_train_epoch_end(self, trainer, pl_module):
        pass

    def on_train_end(self, trainer, pl_module):
        pass

    def on_exception(self, trainer, pl_module, exception):
        pass


class LightningTrainer:
    """Calls the hooks in the order of Lightning's fit loop (positional arguments, as it does)."""

    def __init__(self, callbacks, epochs, batches, batch_size, is_global_zero=True, fail_at=None):
        self.callbacks = callbacks
        self.max_epochs = epochs
        self.batches = batches
        self.batch_size = batch_size
        self.is_global_zero = is_global_zero
        self.current_epoch = 0
        self.fail_at = fail_at

    def fit(self, module=None):
        try:
            self._call("on_train_start", self, module)
            for epoch in range(self.max_epochs):
                self.current_epoch = epoch
                self._call("on_train_epoch_start", self, module)
                for i in range(self.batches):
                    if (epoch, i) == self.fail_at:
                        raise RuntimeError("out of memory (fake)")
                    batch = (Tensor(self.batch_size, 3, 32, 32), Tensor(self.batch_size))
                    self._call("on_train_batch_start", self, module, batch, i)
                    self._call("on_train_batch_end", self, module, {"loss": 0.5}, batch, i)
                self._call("on_train_epoch_end", self, module)
            self._call("on_train_end", self, module)
        except BaseException as e:
            self._call("on_exception", self, module, e)
            raise

    def _call(self, hook, *args):
        for c in self.callbacks:
            getattr(c, hook)(*args)


def install_lightning():
    """Puts a fake ``lightning.pytorch.callbacks`` in sys.modules (what ``from lightning.pytorch.callbacks import
    Callback`` finds); returns a function that removes it again."""
    names = ["lightning", "lightning.pytorch", "lightning.pytorch.callbacks"]
    saved = {n: sys.modules.get(n) for n in names + ["wattiq.lightning"]}
    mods = {n: types.ModuleType(n) for n in names}
    mods["lightning.pytorch.callbacks"].Callback = LightningCallback
    sys.modules.update(mods)
    sys.modules.pop("wattiq.lightning", None)
    return lambda: _restore(saved)


# --- Hugging Face transformers -------------------------------------------------------------------------------------
class TrainerCallback:
    def on_train_begin(self, args, state, control, **kwargs):
        pass

    def on_epoch_begin(self, args, state, control, **kwargs):
        pass

    def on_step_end(self, args, state, control, **kwargs):
        pass

    def on_epoch_end(self, args, state, control, **kwargs):
        pass

    def on_train_end(self, args, state, control, **kwargs):
        pass


class TrainingArguments:
    def __init__(self, per_device_train_batch_size=8, gradient_accumulation_steps=1, world_size=1, n_gpu=1):
        self.per_device_train_batch_size = per_device_train_batch_size
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.world_size = world_size
        self.n_gpu = n_gpu

    @property
    def train_batch_size(self):
        return self.per_device_train_batch_size * max(1, self.n_gpu)


class TrainerState:
    def __init__(self, is_world_process_zero=True):
        self.epoch = 0
        self.global_step = 0
        self.num_input_tokens_seen = 0
        self.is_world_process_zero = is_world_process_zero


class TrainerControl:
    pass


class HfTrainer:
    """Calls the hooks as transformers' CallbackHandler.call_event does: args, state, control, then keyword arguments."""

    def __init__(self, callbacks, args, epochs, steps_per_epoch, tokens_per_step, is_world_process_zero=True):
        self.callbacks = callbacks
        self.args = args
        self.epochs = epochs
        self.steps_per_epoch = steps_per_epoch
        self.tokens_per_step = tokens_per_step
        self.state = TrainerState(is_world_process_zero)
        self.control = TrainerControl()

    def train(self):
        self._event("on_train_begin")
        for epoch in range(self.epochs):
            self._event("on_epoch_begin")
            for step in range(self.steps_per_epoch):
                self.state.global_step += 1
                self.state.num_input_tokens_seen += self.tokens_per_step
                self.state.epoch = epoch + (step + 1) / self.steps_per_epoch
                self._event("on_step_end")
            self._event("on_epoch_end")
        self._event("on_train_end")

    def _event(self, event):
        for c in self.callbacks:
            getattr(c, event)(self.args, self.state, self.control, model=None, processing_class=None, optimizer=None,
                              lr_scheduler=None, train_dataloader=None, eval_dataloader=None)


def install_transformers():
    saved = {n: sys.modules.get(n) for n in ("transformers", "wattiq.huggingface")}
    mod = types.ModuleType("transformers")
    mod.TrainerCallback = TrainerCallback
    sys.modules["transformers"] = mod
    sys.modules.pop("wattiq.huggingface", None)
    return lambda: _restore(saved)


def _restore(saved):
    for name, module in saved.items():
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module
