"""The Lightning and Hugging Face callbacks, driven by fakes that call the real hook signatures; the fakes' signatures
are checked against the real libraries' sources wherever those can be found (installed, or a wheel on disk)."""
import ast
import glob
import importlib.util
import inspect
import os
import unittest
import zipfile

import wattiq
from wattiq import _state

from . import fake_frameworks as fake
from .support import QuietClient


LIGHTNING_HOOKS = ["on_train_epoch_start", "on_train_batch_end", "on_train_epoch_end", "on_train_end", "on_exception"]
TRANSFORMERS_HOOKS = ["on_train_begin", "on_epoch_begin", "on_step_end", "on_epoch_end", "on_train_end"]
# (fake framework's installer, wattiq module of the callback, the framework's callback base, its hooks we override)
FRAMEWORKS = ((fake.install_lightning, "wattiq.lightning", fake.LightningCallback, LIGHTNING_HOOKS),
              (fake.install_transformers, "wattiq.huggingface", fake.TrainerCallback, TRANSFORMERS_HOOKS))


class CallbackTest(QuietClient):
    """Installs a fake framework (undone after the test) and imports the WattiqCallback that wattiq builds on it."""
    keep_server = True  # under the Java harness the callbacks talk to a real wattiq
    install = None  # fake.install_*, as a staticmethod
    module = None  # the wattiq module that holds WattiqCallback

    def setUp(self):
        super().setUp()
        self.addCleanup(self.install())
        self.Callback = importlib.import_module(self.module).WattiqCallback


class LightningCallbackTest(CallbackTest):
    install = staticmethod(fake.install_lightning)
    module = "wattiq.lightning"

    def test_a_window_per_epoch_a_step_and_the_samples_per_batch(self):
        cb = self.Callback(tokens=lambda batch: batch[0].shape[0] * 10)
        self.assertIsInstance(cb, fake.LightningCallback)
        fake.LightningTrainer([cb], epochs=3, batches=5, batch_size=16).fit()
        self.assertEqual([w.name for w in cb.windows], ["epoch-0", "epoch-1", "epoch-2"])
        for w in cb.windows:
            self.assertEqual(w.work, {"steps": 5, "samples": 80, "tokens": 800})
            self.assertGreaterEqual(w.duration_s, 0)
            if wattiq.enabled():
                self.assertIsNotNone(w.energy_j)
        self.assertEqual(wattiq.work(), {"steps": 15, "samples": 240, "tokens": 2400})

    def test_other_ranks_count_samples_but_open_no_window_and_count_no_steps(self):
        cb = self.Callback()
        fake.LightningTrainer([cb], epochs=2, batches=3, batch_size=8, is_global_zero=False).fit()
        self.assertEqual(cb.windows, [])
        self.assertEqual(wattiq.work(), {"steps": 0, "samples": 48, "tokens": 0})

    def test_an_exception_mid_epoch_closes_the_window(self):
        cb = self.Callback()
        with self.assertRaises(RuntimeError):
            fake.LightningTrainer([cb], epochs=3, batches=4, batch_size=8, fail_at=(1, 2)).fit()
        self.assertEqual([w.name for w in cb.windows], ["epoch-0", "epoch-1"])
        self.assertFalse(_state.is_open("epoch-1"))

    def test_without_lightning_the_import_says_what_is_missing(self):
        fake._restore({"lightning": None, "lightning.pytorch": None, "lightning.pytorch.callbacks": None, "wattiq.lightning": None})
        if importlib.util.find_spec("lightning") or importlib.util.find_spec("pytorch_lightning"):
            self.skipTest("Lightning is installed here")
        with self.assertRaisesRegex(ImportError, "wattiq.lightning needs PyTorch Lightning"):
            import wattiq.lightning  # noqa: F401


class HuggingFaceCallbackTest(CallbackTest):
    install = staticmethod(fake.install_transformers)
    module = "wattiq.huggingface"

    def test_a_window_per_epoch_and_steps_samples_tokens_per_optimiser_step(self):
        cb = self.Callback()
        self.assertIsInstance(cb, fake.TrainerCallback)
        args = fake.TrainingArguments(per_device_train_batch_size=4, gradient_accumulation_steps=2, world_size=2)
        fake.HfTrainer([cb], args, epochs=2, steps_per_epoch=3, tokens_per_step=1000).train()
        self.assertEqual([w.name for w in cb.windows], ["epoch-0", "epoch-1"])
        for w in cb.windows:
            self.assertEqual(w.work, {"steps": 3, "samples": 48, "tokens": 3000})
        self.assertEqual(wattiq.work(), {"steps": 6, "samples": 96, "tokens": 6000})
        self.assertEqual(wattiq.HuggingFaceCallback, self.Callback)

    def test_only_the_world_zero_process_reports(self):
        cb = self.Callback()
        fake.HfTrainer([cb], fake.TrainingArguments(), epochs=2, steps_per_epoch=2, tokens_per_step=10,
                       is_world_process_zero=False).train()
        self.assertEqual(cb.windows, [])
        self.assertEqual(wattiq.work(), {"steps": 0, "samples": 0, "tokens": 0})

    def test_without_token_counting_no_tokens_are_reported(self):
        cb = self.Callback()
        fake.HfTrainer([cb], fake.TrainingArguments(), epochs=1, steps_per_epoch=4, tokens_per_step=0).train()
        self.assertEqual(wattiq.work(), {"steps": 4, "samples": 32, "tokens": 0})


def _real_source(module_file, wheel_glob):
    """The source text of a library file: from the installed package, else from a wheel in WATTIQ_WHEELS dirs."""
    top = module_file.split("/")[0]
    spec = importlib.util.find_spec(top)
    if spec is not None and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], *module_file.split("/")[1:])
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    dirs = os.environ.get("WATTIQ_WHEELS", "/opt/pypi/files:/opt/pypi-more/files").split(os.pathsep)
    for d in dirs:
        for wheel in sorted(glob.glob(os.path.join(d, wheel_glob)), reverse=True):
            with zipfile.ZipFile(wheel) as z:
                if module_file in z.namelist():
                    return z.read(module_file).decode("utf-8")
    return None


def _hooks(source, class_name):
    """Each method of the class: its parameter names (positional and keyword-only) and whether it takes **kwargs."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return {f.name: ([a.arg for a in f.args.args + f.args.kwonlyargs], f.args.kwarg is not None)
                    for f in node.body if isinstance(f, ast.FunctionDef)}
    return {}


def _ours(cls, names):
    out = {}
    for name in names:
        sig = inspect.signature(getattr(cls, name))
        params = [p.name for p in sig.parameters.values() if p.kind != inspect.Parameter.VAR_KEYWORD]
        out[name] = (params, any(p.kind == inspect.Parameter.VAR_KEYWORD for p in sig.parameters.values()))
    return out


class RealSignaturesTest(unittest.TestCase):
    """Where the real libraries' sources are at hand, the fakes' hooks (and so the callbacks') match them."""

    def check(self, source, class_name, fake_class, hooks):
        if source is None:
            self.skipTest("the real %s source is not on this machine" % class_name)
        real = _hooks(source, class_name)
        self.assertTrue(real, "no class %s in the source" % class_name)
        for hook, (params, kwargs) in _ours(fake_class, hooks).items():
            self.assertIn(hook, real)
            self.assertEqual(real[hook][0], params, hook)
            self.assertEqual(real[hook][1], kwargs, hook)

    def test_lightning(self):
        source = _real_source("lightning/pytorch/callbacks/callback.py", "lightning-*.whl")
        self.check(source, "Callback", fake.LightningCallback, LIGHTNING_HOOKS)

    def test_transformers(self):
        source = _real_source("transformers/trainer_callback.py", "transformers-*.whl")
        self.check(source, "TrainerCallback", fake.TrainerCallback, TRANSFORMERS_HOOKS)
        self.assertIn("num_input_tokens_seen: int", source)  # TrainerState's fields that the callback reads
        self.assertIn("is_world_process_zero: bool", source)

    def test_our_callbacks_override_with_the_same_signatures(self):
        for install, module, base, names in FRAMEWORKS:
            with self.subTest(module):
                restore = install()
                try:
                    ours = importlib.import_module(module).WattiqCallback
                    self.assertEqual(_ours(ours, names), _ours(base, names))
                finally:
                    restore()


if __name__ == "__main__":
    unittest.main()
