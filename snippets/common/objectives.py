"""Functions to minimise in the gradient descent examples."""

# --8<-- [start:bowl]
BOWL_MINIMUM = (1.0, -2.0)


def bowl(x, y):
    """f(x, y) = (x - 1)^2 + 2 (y + 2)^2: a bowl, steeper along y, lowest (0) at x = 1, y = -2.

    Only arithmetic, so it works on NumPy arrays, PyTorch tensors and TensorFlow tensors alike.
    """
    return (x - 1) ** 2 + 2 * (y + 2) ** 2


# --8<-- [end:bowl]
