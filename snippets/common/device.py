"""Choose where tensors live: an NVIDIA GPU (CUDA) when PyTorch sees one, the CPU otherwise.

PyTorch snippets look for CUDA only (an Apple GPU, MPS, is not used: they run on the CPU there); TensorFlow
snippets use any GPU TensorFlow lists; Lightning's Trainer gets ``accelerator="auto"``, which picks a TPU,
an Apple GPU (MPS) or a CUDA GPU when there is one. Set ``LESSON_DEVICE=cpu`` or ``LESSON_DEVICE=cuda`` to
force a choice. Asking for ``cuda`` on a machine without a GPU is an error, never a silent fall-back to the CPU.
"""

import os

DEVICE_VARIABLE = "LESSON_DEVICE"


class DeviceUnavailableError(RuntimeError):
    """The device asked for in LESSON_DEVICE does not exist on this machine."""


def requested_device() -> str:
    """Return 'auto', 'cpu' or 'cuda' as set in LESSON_DEVICE (default 'auto')."""
    value = os.environ.get(DEVICE_VARIABLE, "auto").strip().lower() or "auto"
    if value not in {"auto", "cpu", "cuda"}:
        raise ValueError(f"{DEVICE_VARIABLE}={value!r}: use 'auto', 'cpu' or 'cuda'")
    return value


def torch_device():
    """The ``torch.device`` to train on."""
    import torch

    wanted = requested_device()
    if wanted == "cuda" and not torch.cuda.is_available():
        raise DeviceUnavailableError(
            f"{DEVICE_VARIABLE}=cuda, but PyTorch sees no CUDA GPU "
            f"(torch {torch.__version__}, CUDA build: {torch.version.cuda or 'no'})"
        )
    if wanted == "cpu" or not torch.cuda.is_available():
        return torch.device("cpu")
    return torch.device("cuda")


def lightning_accelerator() -> str:
    """The ``accelerator`` for Lightning's Trainer: "auto" (Lightning picks the device), or "cpu"/"cuda" when
    LESSON_DEVICE forces one."""
    wanted = requested_device()
    if wanted == "cuda":
        torch_device()  # fails loudly when there is no CUDA GPU
    return wanted


def tensorflow_device() -> str:
    """The TensorFlow device name to place work on: '/GPU:0' or '/CPU:0'."""
    import tensorflow as tf

    wanted = requested_device()
    has_gpu = bool(tf.config.list_physical_devices("GPU"))
    if wanted == "cuda" and not has_gpu:
        raise DeviceUnavailableError(f"{DEVICE_VARIABLE}=cuda, but TensorFlow {tf.__version__} sees no GPU")
    return "/GPU:0" if has_gpu and wanted != "cpu" else "/CPU:0"
