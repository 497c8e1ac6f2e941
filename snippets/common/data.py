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


def digits_split(validation_fraction: float = 0.2, seed: int = 0):
    """scikit-learn's bundled 8x8 handwritten digits (1797 images, 10 classes), split for training and validation.

    Returns ``x_train, x_val, y_train, y_val``: 64 pixel values per image scaled to [0, 1] (float32) and the digit
    0-9 (int64). Both parts have the same mix of digits.
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = (digits.data / 16.0).astype("float32")
    y = digits.target.astype("int64")
    return train_test_split(x, y, test_size=validation_fraction, stratify=y, random_state=seed)


def line_points(n: int, slope: float, intercept: float, noise: float, seed: int = 0):
    """``n`` points with x uniform on [-3, 3] and y on the line ``slope * x + intercept`` plus noise.

    Returns float32 column vectors ``x`` and ``y`` of shape (n, 1).
    """
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 3.0, size=(n, 1))
    return x.astype("float32"), noisy_line(x, slope, intercept, noise, rng).astype("float32")


def two_blobs(n: int, seed: int = 0):
    """Two overlapping round clouds of 2-D points, centred on (-1, -1) (class 0) and (1, 1) (class 1).

    Returns ``x`` (n, 2) and the class ``y`` as 0.0 or 1.0 (n, 1), both float32.
    """
    from sklearn.datasets import make_blobs

    x, y = make_blobs(n_samples=n, centers=[[-1.0, -1.0], [1.0, 1.0]], cluster_std=1.0, random_state=seed)
    return x.astype("float32"), y.reshape(-1, 1).astype("float32")


def two_moons(n: int, noise: float = 0.2, seed: int = 0):
    """Two interleaved half circles of 2-D points (scikit-learn's ``make_moons``): no straight line separates them.

    Returns ``x`` (n, 2) and the class ``y`` as 0.0 or 1.0 (n, 1), both float32.
    """
    from sklearn.datasets import make_moons

    x, y = make_moons(n_samples=n, noise=noise, random_state=seed)
    return x.astype("float32"), y.reshape(-1, 1).astype("float32")


def sine_train_val(extra_train: int = 0):
    """The overfitting page's data: 12 noisy sine points to train on, 200 to validate on (noise 0.4).

    ``extra_train`` more training points from the same curve are added after the 12; the 12 points and the
    validation points stay the same whatever ``extra_train`` is. Returns ``x_train, y_train, x_val, y_val``.
    """
    rng = np.random.default_rng(0)
    x_train, y_train = noisy_sine(12, noise=0.4, rng=rng)
    x_val, y_val = noisy_sine(200, noise=0.4, rng=rng)
    if extra_train:
        x_more, y_more = noisy_sine(extra_train, noise=0.4, rng=rng)
        x_train, y_train = np.concatenate([x_train, x_more]), np.concatenate([y_train, y_more])
    return x_train, y_train, x_val, y_val
