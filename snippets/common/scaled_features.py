"""Data for the page's section on scaling inputs: two features measured on very different scales."""

import numpy as np

# --8<-- [start:data]
WEIGHTS = (2.0, 0.4)  # y = 2·x1 + 0.4·x2: both features matter as much, since x2 spreads 5 times as far
SPREADS = (1.0, 5.0)


def two_scales(n, seed=0, means=(0.0, 0.0), noise=0.0):
    """``n`` examples of two features around ``means`` with spreads 1 and 5, and the target y (plus noise).

    Returns float32 arrays x (n, 2) and y (n,).
    """
    rng = np.random.default_rng(seed)
    x = rng.normal(means, SPREADS, size=(n, 2))
    y = x @ np.array(WEIGHTS) + rng.normal(0.0, noise, size=n)
    return x.astype("float32"), y.astype("float32")


# --8<-- [end:data]


def fastest_rate(steps_by_rate):
    """The learning rate that reached the target loss in the fewest steps."""
    return min((n, rate) for rate, n in steps_by_rate.items() if n)[1]


def least_squares(x, y):
    """The weights of the lowest mean squared error (NumPy arrays)."""
    return np.linalg.lstsq(x, y, rcond=None)[0]


def mse_surface(x, y):
    """The mean squared error as a function of (w1, w2) that works on grids of weights, for the contour lines."""
    a, w_best = x.T @ x / len(y), least_squares(x, y)

    def loss(w1, w2):
        d1, d2 = w1 - w_best[0], w2 - w_best[1]
        return a[0, 0] * d1**2 + 2 * a[0, 1] * d1 * d2 + a[1, 1] * d2**2

    return loss
