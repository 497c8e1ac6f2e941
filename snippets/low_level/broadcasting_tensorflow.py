"""Broadcasting in TensorFlow: how tensors of different shapes combine, and the error when they cannot."""

import tensorflow as tf


def main():
    # Four samples (rows) of three features (columns), on very different scales.
    data = tf.constant([[1.0, 10.0, 100.0], [2.0, 30.0, 400.0], [3.0, 20.0, 700.0], [6.0, 60.0, 300.0]])

    # Shapes are compared from the right: (4, 3) and (3,) match in the last axis, and the missing
    # first axis is filled in by repeating the row for each of the 4 rows.
    first_row = data[0]
    print("shapes:", tuple(data.shape), "and", tuple(first_row.shape))
    print(f"data - first_row =\n{(data - first_row).numpy()}")

    # Centring a data set: subtract each column's mean from every row.
    column_means = tf.reduce_mean(data, axis=0)  # shape (3,): one mean per column
    centred = data - column_means
    print("column means:", column_means.numpy())
    print("column means after centring:", tf.reduce_mean(centred, axis=0).numpy())

    # Centring each row instead: the row means have shape (4,), and (4, 3) with (4,) compares 3 with 4.
    row_means = tf.reduce_mean(data, axis=1)
    try:
        data - row_means
    except tf.errors.InvalidArgumentError as error:
        mismatch = f"{type(error).__name__}: {error.message}"
        print(f"data {tuple(data.shape)} - row_means {tuple(row_means.shape)} -> {mismatch}")

    # keepdims=True keeps the averaged axis with size 1: (4, 1) stretches along the 3 columns.
    row_means = tf.reduce_mean(data, axis=1, keepdims=True)
    rows_centred = data - row_means
    print("with keepdims=True the row means have shape", tuple(row_means.shape))
    print("row means after centring:", tf.reduce_mean(rows_centred, axis=1).numpy())
    # No error is no proof: (4, 1) and (4,) broadcast to (4, 4), a table nobody asked for.
    silent = row_means - data[:, 0]
    print("row_means", tuple(row_means.shape), "- first column", tuple(data[:, 0].shape), "->", tuple(silent.shape))
    return {
        "data": data.numpy(),
        "minus_first_row": (data - first_row).numpy(),
        "centred": centred.numpy(),
        "rows_centred": rows_centred.numpy(),
        "mismatch": mismatch,
        "silent_shape": tuple(silent.shape),
    }


if __name__ == "__main__":
    main()
