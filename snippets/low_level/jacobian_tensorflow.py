"""Gradients of a non-scalar output in TensorFlow: output_gradients, and the whole Jacobian with tape.jacobian."""

import tensorflow as tf


def f(x):
    """Three inputs, two outputs: f(x) = (x0 * x1, x1 + x2**2)."""
    return tf.stack([x[0] * x[1], x[1] + x[2] ** 2])


def jacobian_by_hand(x):
    """Row i holds the derivatives of output i with respect to x0, x1 and x2."""
    x0, x1, x2 = x.numpy().tolist()
    return tf.constant([[x1, x0, 0.0], [0.0, 1.0, 2 * x2]])


def main():
    x = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape(persistent=True) as tape:  # three questions to one record
        y = f(x)

    # With two outputs, gradient() differentiates their sum: J^T (1, 1).
    summed = tape.gradient(y, x)
    # output_gradients=v gives J^T v: the gradient of the weighted sum v[0] * y[0] + v[1] * y[1].
    v = tf.constant([1.0, 10.0])
    weighted = tape.gradient(y, x, output_gradients=v)
    jacobian = tape.jacobian(y, x)  # the whole matrix: one row per output
    del tape

    by_hand = jacobian_by_hand(x)
    print("tape.gradient(y, x):                     ", summed.numpy())
    print("tape.gradient(y, x, output_gradients=v): ", weighted.numpy())
    print("J^T v worked out by hand:                ", tf.linalg.matvec(by_hand, v, transpose_a=True).numpy())
    print(f"tape.jacobian(y, x) =\n{jacobian.numpy()}")
    print(f"by hand =\n{by_hand.numpy()}")
    return {
        "summed": summed.numpy(),
        "vjp": weighted.numpy(),
        "v": v.numpy(),
        "jacobian": jacobian.numpy(),
        "by_hand": by_hand.numpy(),
    }


if __name__ == "__main__":
    main()
