"""GPU runs (``make test-gpu``, i.e. LESSON_DEVICE=cuda): training really happens on the GPU, and agrees with the CPU.

Skipped in CPU runs. TensorFlow cases skip with a reason where TensorFlow is absent or sees no GPU.
"""

import importlib.util
import json
import os
import time

import numpy as np
import pytest

from lessonkit import REPO_ROOT, SNIPPETS_DIR
from lessonkit.snippets import imported_packages, local_source_closure, module_name
from tests.support.gpu_tracking import keras_variable_devices, torch_step_devices

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(os.environ.get("LESSON_DEVICE", "").lower() != "cuda", reason="GPU run only: make test-gpu"),
]

TOLERANCE = 0.15  # relative; the pages say results may differ slightly by device
# What training code says, in the snippet or the shared helpers it uses: an optimizer stepping the weights.
TRAINING_MARKS = {"torch": (".step()", "Trainer("), "tensorflow": (".compile(", "apply_gradients")}
# Snippets that import training code from another snippet but only define models.
DEFINES_ONLY = {"snippets.low_level.models_tensorflow"}


def training_snippets() -> dict[str, str]:
    """Every snippet that trains something, with its framework ('torch' or 'tensorflow'); timing snippets excluded."""
    found = {}
    for path in sorted(SNIPPETS_DIR.rglob("*.py")):
        if "common" in path.parts or path.name == "__init__.py":
            continue
        module = module_name(path, REPO_ROOT)
        source = "\n".join(p.read_text(encoding="utf-8") for p in local_source_closure(module, REPO_ROOT))
        packages = imported_packages(module, REPO_ROOT)
        framework = (
            "torch"
            if packages & {"torch", "pytorch_lightning"}
            else "tensorflow"
            if packages & {"tensorflow", "keras"}
            else None
        )
        if (
            framework
            and "perf_counter" not in source
            and any(m in source for m in TRAINING_MARKS[framework])
            and module not in DEFINES_ONLY
        ):
            found[module] = framework
    return found


def summary(result, name: str = "result") -> list[tuple[str, float]]:
    """The numbers a snippet's result holds, each with where it sits: scalars as they are, curves by their last value."""
    if isinstance(result, (int, float, np.number)):
        return [(name, float(result))]
    if hasattr(result, "history"):  # a Keras History
        return summary(result.history, name)
    if isinstance(result, dict):
        return [x for key in sorted(result, key=str) for x in summary(result[key], f"{name}[{key!r}]")]
    if isinstance(result, (list, tuple)):
        if result and all(isinstance(x, (int, float, np.number)) for x in result):
            return [(f"{name}[-1]", float(result[-1]))]
        return [x for i, item in enumerate(result) for x in summary(item, f"{name}[{i}]")]
    if isinstance(result, np.ndarray) and result.size <= 64:
        return [(f"{name}.flat[{i}]", float(x)) for i, x in enumerate(result.ravel())]
    return []


def tensorflow_gpu_or_skip():
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("TensorFlow is not installed on this GPU machine")
    import tensorflow as tf

    if not tf.config.list_physical_devices("GPU"):
        pytest.skip(f"TensorFlow {tf.__version__} sees no GPU here (CPU-only build?)")


def run_on(device, module, framework, run_snippet, monkeypatch):
    monkeypatch.setenv("LESSON_DEVICE", device)
    recorder = torch_step_devices if framework == "torch" else keras_variable_devices
    start = time.perf_counter()
    with recorder() as devices:
        result = run_snippet(module).result
    return result, devices, time.perf_counter() - start


def write_agreement(record: dict) -> None:
    """Append one snippet's CPU and GPU numbers to $LESSON_GPU_AGREEMENT (JSON lines), for bench/gpu_results.py."""
    path = os.environ.get("LESSON_GPU_AGREEMENT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


@pytest.mark.parametrize("module", sorted(training_snippets()))
def test_training_runs_on_the_gpu_and_agrees_with_the_cpu(module, run_snippet, monkeypatch):
    framework = training_snippets()[module]
    if framework == "tensorflow":
        tensorflow_gpu_or_skip()
    gpu_result, gpu_devices, gpu_seconds = run_on("cuda", module, framework, run_snippet, monkeypatch)
    if framework == "torch":
        assert gpu_devices == {"cuda"}, f"parameters stepped on {gpu_devices}, not only on the GPU"
    else:
        assert gpu_devices and all("GPU" in d for d in gpu_devices), f"variables live on {gpu_devices}"

    cpu_result, _, cpu_seconds = run_on("cpu", module, framework, run_snippet, monkeypatch)
    gpu_numbers, cpu_numbers = dict(summary(gpu_result)), dict(summary(cpu_result))
    write_agreement(
        {
            "module": module,
            "cpu": cpu_numbers,
            "gpu": gpu_numbers,
            "cpu_seconds": cpu_seconds,
            "gpu_seconds": gpu_seconds,
        }
    )
    print(f"{module}: cpu {cpu_numbers}  gpu {gpu_numbers}")
    assert cpu_numbers, "the snippet returned no number to compare"
    assert gpu_numbers.keys() == cpu_numbers.keys(), "the GPU run returned other results than the CPU run"
    assert gpu_numbers == pytest.approx(cpu_numbers, rel=TOLERANCE, abs=0.02), "GPU and CPU differ more than stated"


def test_every_training_snippet_is_compared():
    found = training_snippets()
    assert "snippets.overfitting.learning_curve_pytorch" in found and found["snippets.lightning.fit_digits"] == "torch"
    assert found["snippets.keras.fit_digits"] == "tensorflow" and "snippets.low_level.gpu_pytorch" not in found
