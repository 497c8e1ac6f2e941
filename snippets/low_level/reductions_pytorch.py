"""Reductions in PyTorch: sum, mean and max along an axis, and one call compared with a Python loop."""

import timeit

import torch

ROWS, COLUMNS = 1000, 50
CALLS = 3  # each timing is the average of this many calls


def column_sums_with_a_loop(data):
    """Add the rows one by one in Python: a few small PyTorch operations per row."""
    totals = torch.zeros(data.shape[1])
    for row in data:
        totals = totals + row
    return totals


def main():
    data = torch.linspace(0.0, 1.0, ROWS * COLUMNS).reshape(ROWS, COLUMNS)  # a table of 50,000 numbers

    # A reduction combines the numbers along one axis; that axis disappears from the shape.
    print("data:", tuple(data.shape))
    print("sum over the rows, dim=0:", tuple(data.sum(dim=0).shape))
    print("mean of each row, dim=1:", tuple(data.mean(dim=1).shape))
    print("largest of each row, keepdim=True:", tuple(data.amax(dim=1, keepdim=True).shape))

    by_loop = column_sums_with_a_loop(data)
    by_reduction = data.sum(dim=0)
    same = torch.allclose(by_loop, by_reduction, rtol=1e-5)
    loop_seconds = timeit.timeit(lambda: column_sums_with_a_loop(data), number=CALLS) / CALLS
    reduction_seconds = timeit.timeit(lambda: data.sum(dim=0), number=CALLS) / CALLS
    print("same result:", same, f"(largest difference {(by_loop - by_reduction).abs().max().item():.1e})")
    print(f"Python loop over {ROWS} rows: {loop_seconds * 1000:8.3f} ms")
    print(f"data.sum(dim=0):          {reduction_seconds * 1000:8.3f} ms")
    print(f"the loop is {loop_seconds / reduction_seconds:.0f} times slower")
    return {
        "by_loop": by_loop.numpy(),
        "by_reduction": by_reduction.numpy(),
        "same": same,
        "loop_seconds": loop_seconds,
        "reduction_seconds": reduction_seconds,
    }


if __name__ == "__main__":
    main()
