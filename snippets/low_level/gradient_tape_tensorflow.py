"""Inside tf.GradientTape: what a tape records, why it answers once, and persistent tapes that answer again."""

import tensorflow as tf


def main():
    x = tf.Variable(2.0, name="x")
    y = tf.Variable(3.0, name="y")
    with tf.GradientTape() as tape:
        f = x**2 * y + tf.sin(x)
    print("variables the tape recorded:", [v.name for v in tape.watched_variables()])

    # gradient() returns new tensors; nothing is stored in the variables, so nothing adds up.
    (dx,) = tape.gradient(f, [x])
    print(f"df/dx = {dx.numpy():.4f}")
    try:
        tape.gradient(f, [x])  # the tape let go of its record after the first call
    except RuntimeError as error:
        used_error = f"{type(error).__name__}: {error}"
        print("a second gradient() ->", used_error)

    # A tape watches trainable variables only: one made with trainable=False gets no gradient.
    frozen = tf.Variable(5.0, trainable=False, name="frozen")
    with tf.GradientTape() as tape:
        g = x * frozen
    frozen_gradient = tape.gradient(g, frozen)
    print("gradient with respect to a variable made with trainable=False:", frozen_gradient)

    # persistent=True keeps the record for several calls; delete the tape when done to free it.
    with tf.GradientTape(persistent=True) as tape:
        f = x**2 * y + tf.sin(x)
    first, second = tape.gradient(f, x), tape.gradient(f, x)
    del tape
    print(f"persistent tape, two calls: df/dx = {first.numpy():.4f} and {second.numpy():.4f}")
    return {
        "dx": float(dx),
        "first": float(first),
        "second": float(second),
        "used_error": used_error,
        "frozen_gradient": frozen_gradient,
    }


if __name__ == "__main__":
    main()
