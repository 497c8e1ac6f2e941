"""Seed every random number generator a snippet may use, so each run gives the same numbers."""

import os
import random
import sys

import numpy as np

SEED = 42


def seed_everything(seed: int = SEED) -> None:
    """Seed Python, NumPy and, if the snippet imported them, PyTorch and TensorFlow/Keras.

    Not Python's string hashing: ``PYTHONHASHSEED`` counts only when the interpreter starts, so setting it here
    would change nothing (no snippet depends on the order of a set of strings).
    """
    # Deterministic cuBLAS on CUDA needs this before the first GPU matrix product (no effect on the CPU).
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    random.seed(seed)
    np.random.seed(seed)
    if "torch" in sys.modules:
        import torch

        torch.manual_seed(seed)
        torch.use_deterministic_algorithms(True, warn_only=True)
    if "keras" in sys.modules:
        import keras

        keras.utils.set_random_seed(seed)
