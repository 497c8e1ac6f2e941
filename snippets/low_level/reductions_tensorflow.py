"""Reductions in TensorFlow: sum, mean and max along an axis, and one call compared with a Python loop."""

import timeit

import numpy as np
import tensorflow as tf

ROWS, COLUMNS = 1000, 50
CALLS = 3  # each timing is the average of this many calls


def column_sums_with_a_loop(data):
    """Add the rows one by one in Python: a few small TensorFlow operations per row."""
    totals = tf.zeros(data.shape[1])
    for row in data:
        totals = totals + row
    return totals


def main():
    data = tf.reshape(tf.linspace(0.0, 1.0, ROWS * COLUMNS), (ROWS, COLUMNS))  # a table of 50,000 numbers

    # A reduction combines the numbers along one axis; that axis disappears from the shape.
    print("data:", tuple(data.shape))
    print("sum over the rows, axis=0:", tuple(tf.reduce_sum(data, axis=0).shape))
    print("mean of each row, axis=1:", tuple(tf.reduce_mean(data, axis=1).shape))
    print("largest of each row, keepdims=True:", tuple(tf.reduce_max(data, axis=1, keepdims=True).shape))

    by_loop = column_sums_with_a_loop(data).numpy()
    by_reduction = tf.reduce_sum(data, axis=0).numpy()
    same = bool(np.allclose(by_loop, by_reduction, rtol=1e-5))
    loop_seconds = timeit.timeit(lambda: column_sums_with_a_loop(data), number=CALLS) / CALLS
    reduction_seconds = timeit.timeit(lambda: tf.reduce_sum(data, axis=0), number=CALLS) / CALLS
    print("same result:", same, f"(largest difference {np.abs(by_loop - by_reduction).max():.1e})")
    print(f"Python loop over {ROWS} rows:   {loop_seconds * 1000:8.3f} ms")
    print(f"tf.reduce_sum(data, axis=0): {reduction_seconds * 1000:8.3f} ms")
    print(f"the loop is {loop_seconds / reduction_seconds:.0f} times slower")
    return {
        "by_loop": by_loop,
        "by_reduction": by_reduction,
        "same": same,
        "loop_seconds": loop_seconds,
        "reduction_seconds": reduction_seconds,
    }


if __name__ == "__main__":
    main()
