"""Tensors in PyTorch: create them, read their shape and type, compute with them, exchange them with NumPy."""

import numpy as np
import torch

from snippets.common.reproducibility import seed_everything


def main():
    seed_everything()
    # Creating tensors: from Python lists, filled with one value, counting, or random.
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    ones = torch.ones(2, 2)
    counts = torch.arange(6).reshape(2, 3)
    noise = torch.randn(2, 3)  # numbers from the standard normal distribution
    print("shapes:", x.shape, counts.shape, noise.shape)
    print("types: ", x.dtype, counts.dtype, noise.dtype)

    # Element-wise operations combine the numbers at matching positions.
    print(f"x + ones =\n{x + ones}")
    print(f"x * x =\n{x * x}")

    # Matrix multiplication: each row of x times each column of w.
    w = torch.tensor([[1.0, 0.0, -1.0], [0.5, 1.0, 0.0]])
    product = x @ w  # the same as torch.matmul(x, w)
    print(f"x @ w =\n{product}")

    # Two functions that neural networks use on their outputs.
    scores = torch.tensor([1.0, 2.0, 3.0])
    squashed = torch.sigmoid(scores)  # each value into (0, 1)
    probabilities = torch.softmax(scores, dim=0)  # positive values that sum to 1
    print("sigmoid:", squashed)
    print("softmax:", probabilities, "sum:", probabilities.sum().item())

    # To and from NumPy. NumPy's default type is float64; neural networks mostly use float32.
    as_numpy = product.numpy()
    array = np.linspace(0.0, 1.0, 3)
    from_numpy = torch.from_numpy(array)  # shares memory with the array: no copy
    array[0] = 5.0
    print("to NumPy:", type(as_numpy).__name__, as_numpy.dtype)
    print("from NumPy:", from_numpy, "<- array[0] = 5.0 changed the tensor too")

    # Mixing float64 and float32: element-wise operations promote to float64, a matrix product refuses.
    weights = torch.ones(3, 2)  # float32, like a model's weights
    print("float64 + float32 ->", (from_numpy + weights[:, 0]).dtype)
    try:
        from_numpy @ weights
    except RuntimeError as error:
        mixed_error = f"{type(error).__name__}: {error}"
        print("float64 @ float32 ->", mixed_error)
    print("after .float():", (from_numpy.float() @ weights).dtype)
    return {
        "x": x.numpy(),
        "w": w.numpy(),
        "product": as_numpy,
        "scores": scores.numpy(),
        "sigmoid": squashed.numpy(),
        "softmax": probabilities.numpy(),
        "from_numpy_dtype": str(from_numpy.dtype),
        "from_numpy": from_numpy.numpy().copy(),
        "mixed_error": mixed_error,
    }


if __name__ == "__main__":
    main()
