"""Tensors by hand in TensorFlow: index and slice, reshape, concat and stack, stop_gradient, copies to and from NumPy."""

import numpy as np
import tensorflow as tf


def main():
    t = tf.reshape(tf.range(12), (3, 4))  # 3 rows, 4 columns: 0 ... 11
    print(f"t =\n{t}")

    # Indexing and slicing: one index per axis; a slice start:stop leaves out stop.
    print("t[1]       =", t[1])  # row 1
    print("t[:, 2]    =", t[:, 2])  # column 2 of every row
    print(f"t[0:2, 1:3] =\n{t[0:2, 1:3]}")  # rows 0-1, columns 1-2
    print("t[t > 6]   =", t[t > 6])  # a mask of True/False picks numbers: the result is flat

    # reshape: the same 12 numbers in another shape. TensorFlow has no view: a tensor never changes, so sharing
    # cannot show, and reshape works on a transposed tensor too.
    flat = tf.reshape(tf.transpose(t), [12])
    print("reshape(transpose(t), [12]) =", flat)

    # concat joins along an existing axis; stack adds a new axis.
    a, b = tf.zeros((2, 3)), tf.ones((2, 3))
    shapes = {
        "concat axis=0": tf.concat([a, b], axis=0).shape,
        "concat axis=1": tf.concat([a, b], axis=1).shape,
        "stack": tf.stack([a, b]).shape,
    }
    for name, shape in shapes.items():
        print(f"{name:13} {tuple(shape)}")

    # .numpy() works on any eager tensor, also inside a tape; tf.stop_gradient cuts the chain of gradients.
    w = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        doubled = w * 2
        print("doubled.numpy() inside the tape =", doubled.numpy())
        loss = tf.reduce_sum(doubled * tf.stop_gradient(doubled))  # the second factor counts as a constant
    print("gradient with stop_gradient =", tape.gradient(loss, w).numpy())  # 2 * doubled, not 4 * doubled

    # tf.constant and tf.convert_to_tensor copy a NumPy array, and .numpy() returns a copy.
    array = np.zeros(3, dtype=np.float32)
    constant, converted = tf.constant(array), tf.convert_to_tensor(array)
    array[0] = 5.0
    print("after array[0] = 5: tf.constant ->", constant.numpy(), "| tf.convert_to_tensor ->", converted.numpy())
    back = constant.numpy()
    back[1] = 7.0
    print("after back[1] = 7: constant ->", constant.numpy())
    return {
        "t": t.numpy(),
        "flat": flat.numpy(),
        "shapes": {name: tuple(shape) for name, shape in shapes.items()},
        "constant": constant.numpy(),
        "converted": converted.numpy(),
        "array": array,
    }


if __name__ == "__main__":
    main()
