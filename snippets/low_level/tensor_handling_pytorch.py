"""Tensors by hand in PyTorch: index and slice, reshape and view, cat and stack, detach, share memory with NumPy."""

import numpy as np
import torch


def main():
    t = torch.arange(12).reshape(3, 4)  # 3 rows, 4 columns: 0 ... 11
    print(f"t =\n{t}")

    # Indexing and slicing: one index per axis; a slice start:stop leaves out stop.
    print("t[1]       =", t[1])  # row 1
    print("t[:, 2]    =", t[:, 2])  # column 2 of every row
    print(f"t[0:2, 1:3] =\n{t[0:2, 1:3]}")  # rows 0-1, columns 1-2
    print("t[t > 6]   =", t[t > 6])  # a mask of True/False picks numbers: the result is flat

    # reshape and view: the same 12 numbers in another shape. A view shares the numbers with t.
    v = t.view(4, 3)
    v[0, 0] = 100
    print("after v[0, 0] = 100, t[0, 0] =", t[0, 0].item())
    transposed = t.T  # the same numbers read column by column: not contiguous in memory
    try:
        transposed.view(12)
    except RuntimeError as error:
        view_error = f"{type(error).__name__}: {error}"
        print("t.T.view(12) ->", view_error)
    flat = transposed.reshape(12)  # reshape copies when it must
    print("t.T.is_contiguous():", transposed.is_contiguous(), "| t.T.reshape(12) =", flat)

    # cat joins along an existing axis; stack adds a new axis.
    a, b = torch.zeros(2, 3), torch.ones(2, 3)
    shapes = {
        "cat dim=0": torch.cat([a, b], dim=0).shape,
        "cat dim=1": torch.cat([a, b], dim=1).shape,
        "stack": torch.stack([a, b]).shape,
    }
    for name, shape in shapes.items():
        print(f"{name:10} {tuple(shape)}")

    # A tensor that autograd records cannot become a NumPy array: detach() it first.
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    doubled = w * 2
    try:
        doubled.numpy()
    except RuntimeError as error:
        numpy_error = f"{type(error).__name__}: {error}"
        print("doubled.numpy() ->", numpy_error)
    print("doubled.detach().numpy() =", doubled.detach().numpy())

    # torch.from_numpy and .numpy() share memory with the NumPy array; torch.tensor copies.
    array = np.zeros(3, dtype=np.float32)
    shared, copied = torch.from_numpy(array), torch.tensor(array)
    array[0] = 5.0
    print("after array[0] = 5: from_numpy ->", shared, "| torch.tensor ->", copied)
    back = shared.numpy()  # no copy either: array, shared and back are the same three numbers
    back[1] = 7.0
    print("after back[1] = 7: array ->", array)
    return {
        "t": t.numpy(),
        "view_error": view_error,
        "flat": flat.numpy(),
        "shapes": {name: tuple(shape) for name, shape in shapes.items()},
        "numpy_error": numpy_error,
        "shared": shared.numpy(),
        "copied": copied.numpy(),
        "array": array,
    }


if __name__ == "__main__":
    main()
