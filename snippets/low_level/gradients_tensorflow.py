"""TensorFlow GradientTape: the gradient of an expression, checked against the derivative worked out by hand."""

import math

import tensorflow as tf

X0, Y0 = 2.0, 3.0  # the point where we take the gradient


def main():
    # A GradientTape records the operations done inside its block on variables.
    x = tf.Variable(X0)
    y = tf.Variable(Y0)
    with tf.GradientTape() as tape:
        f = x**2 * y + tf.sin(x)

    dx, dy = tape.gradient(f, [x, y])  # plays the recording backwards
    autograd = (float(dx), float(dy))

    # By hand: df/dx = 2xy + cos(x), df/dy = x^2
    by_hand = (2 * X0 * Y0 + math.cos(X0), X0**2)
    print(f"f({X0}, {Y0}) = {float(f):.4f}")
    print(f"GradientTape: df/dx = {autograd[0]:.4f}  df/dy = {autograd[1]:.4f}")
    print(f"by hand:      df/dx = {by_hand[0]:.4f}  df/dy = {by_hand[1]:.4f}")
    return {"autograd": autograd, "by_hand": by_hand}


if __name__ == "__main__":
    main()
