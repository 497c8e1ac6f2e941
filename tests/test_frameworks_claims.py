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
