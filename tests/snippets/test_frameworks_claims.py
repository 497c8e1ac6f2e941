"""The "Why frameworks" page's claims about devices, checked against the installed libraries."""

import importlib.util

import pytest


def test_tpus_need_more_than_choosing_a_device():
    """The page: TensorFlow reaches TPUs through a distribution strategy, PyTorch through the separate torch_xla."""
    import tensorflow as tf
    import torch

    assert hasattr(tf.distribute, "TPUStrategy")
    with pytest.raises(RuntimeError, match="Expected one of"):
        torch.device("tpu")  # PyTorch itself has no TPU device: it sees TPUs as "xla" devices of torch_xla
    if importlib.util.find_spec("torch_xla") is None:
        with pytest.raises(RuntimeError):
            torch.zeros(1, device="xla")


def test_the_pytorch_snippets_use_cuda_only_and_never_an_apple_gpu(monkeypatch):
    """The home page: PyTorch snippets use an NVIDIA GPU (CUDA) when there is one, else the CPU, an Apple GPU too."""
    import torch

    from snippets.common.device import torch_device

    monkeypatch.delenv("LESSON_DEVICE", raising=False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert torch_device() == torch.device("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert torch_device() == torch.device("cuda")
