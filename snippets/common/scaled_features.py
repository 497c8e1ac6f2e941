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
