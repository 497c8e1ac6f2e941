"""Changing numbers in TensorFlow: a tensor never changes, a variable changes in place with its assign methods."""

import tensorflow as tf


def main():
    # A tensor cannot be changed: operations make new tensors.
    x = tf.constant([1.0, 2.0, 3.0])
    try:
        x[0] = 5.0
    except TypeError as error:
        constant_error = f"{type(error).__name__}: {error}"
        print("x[0] = 5.0 ->", constant_error)
    replaced = tf.tensor_scatter_nd_update(x, indices=[[0]], updates=[5.0])  # a new tensor
    print("a new tensor with x[0] replaced:", replaced.numpy(), "| x is unchanged:", x.numpy())

    # A weight is a tf.Variable. The update step changes it in place, outside the tape.
    w = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(w**2)
    w.assign_sub(0.1 * tape.gradient(loss, w))  # w -= 0.1 * d(loss)/dw, as an optimizer does
    print("w after assign_sub:", w.numpy(), "| still a variable:", isinstance(w, tf.Variable))
    shifted = w - 0.1  # arithmetic on a variable gives a plain tensor
    print("w - 0.1 is a new tensor:", shifted.numpy(), "| a variable:", isinstance(shifted, tf.Variable))

    # The tape does not differentiate through assign: a value copied into a variable loses its history.
    copy = tf.Variable(0.0)
    with tf.GradientTape() as tape:
        copy.assign(2 * w[0])
        loss = 3 * copy
    through_assign = tape.gradient(loss, w)
    print("gradient of loss with respect to w through assign:", through_assign)
    return {
        "constant_error": constant_error,
        "replaced": replaced.numpy(),
        "w": w.numpy(),
        "through_assign": through_assign,
    }


if __name__ == "__main__":
    main()
