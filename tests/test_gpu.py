"""GPU runs (``make test-gpu``, i.e. LESSON_DEVICE=cuda): training really happens on the GPU, and agrees with the CPU.

Skipped in CPU runs. TensorFlow cases skip with a reason where TensorFlow is absent or sees no GPU.
"""
import importlib.util
import os

import pytest

from tests.gpu_tracking import keras_variable_devices, torch_step_devices

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(os.environ.get("LESSON_DEVICE", "").lower() != "cuda", reason="GPU run only: make test-gpu"),
]

# Training snippets and the final number to compare across devices (result of main() -> loss or accuracy),
# with the tolerance the pages promise: results may differ slightly by device.
TRAINING_SNIPPETS = {
    "snippets.overfitting.learning_curve_pytorch": ("torch", lambda r: min(r[1]), 0.15),
    "snippets.overfitting.learning_curve_tensorflow": ("tensorflow", lambda r: min(r[1]), 0.15),
}


def tensorflow_gpu_or_skip():
    if importlib.util.find_spec("tensorflow") is None:
        pytest.skip("TensorFlow is not installed on this GPU machine")
    import tensorflow as tf

    if not tf.config.list_physical_devices("GPU"):
        pytest.skip(f"TensorFlow {tf.__version__} sees no GPU here (CPU-only build?)")


def run_on(device, module, framework, run_snippet, monkeypatch):
    monkeypatch.setenv("LESSON_DEVICE", device)
    recorder = torch_step_devices if framework == "torch" else keras_variable_devices
    with recorder() as devices:
        result = run_snippet(module).result
    return result, devices


@pytest.mark.parametrize("module", sorted(TRAINING_SNIPPETS))
def test_training_runs_on_the_gpu_and_agrees_with_the_cpu(module, run_snippet, monkeypatch):
    framework, metric, tolerance = TRAINING_SNIPPETS[module]
    if framework == "tensorflow":
        tensorflow_gpu_or_skip()
    gpu_result, gpu_devices = run_on("cuda", module, framework, run_snippet, monkeypatch)
    if framework == "torch":
        assert gpu_devices == {"cuda"}, f"parameters stepped on {gpu_devices}, not only on the GPU"
    else:
        assert gpu_devices and all("GPU" in d for d in gpu_devices), f"variables live on {gpu_devices}"

    cpu_result, _ = run_on("cpu", module, framework, run_snippet, monkeypatch)
    gpu_value, cpu_value = metric(gpu_result), metric(cpu_result)
    print(f"{module}: cpu {cpu_value:.4f}  gpu {gpu_value:.4f}")
    assert gpu_value == pytest.approx(cpu_value, rel=tolerance), "GPU and CPU results differ more than stated"
