"""Small data sets made by code, so nothing is downloaded."""
import numpy as np


def noisy_line(x: np.ndarray, slope: float, intercept: float, noise: float, rng: np.random.Generator):
    """Points on the line ``slope * x + intercept`` plus Gaussian noise of standard deviation ``noise``."""
    return slope * x + intercept + rng.normal(0.0, noise, size=x.shape)


def noisy_sine(n: int, noise: float, rng: np.random.Generator):
    """``n`` points of ``sin(x)`` on [-3, 3] plus noise, as float32 column vectors (x, y)."""
    x = rng.uniform(-3.0, 3.0, size=(n, 1))
    y = np.sin(x) + rng.normal(0.0, noise, size=(n, 1))
    return x.astype("float32"), y.astype("float32")
