"""Tensors in TensorFlow: constants and variables, shape and type, operations, exchange with NumPy."""

import numpy as np
import tensorflow as tf

from snippets.common.reproducibility import seed_everything


def main():
    seed_everything()
    # Creating tensors: from Python lists, filled with one value, counting, or random.
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    ones = tf.ones((2, 2))
    counts = tf.reshape(tf.range(6), (2, 3))
    noise = tf.random.normal((2, 3), seed=0)  # numbers from the standard normal distribution
    print("shapes:", x.shape, counts.shape, noise.shape)
    print("types: ", x.dtype.name, counts.dtype.name, noise.dtype.name)

    # Element-wise operations combine the numbers at matching positions.
    print(f"x + ones =\n{(x + ones).numpy()}")
    print(f"x * x =\n{(x * x).numpy()}")

    # Matrix multiplication: each row of x times each column of w.
    w = tf.constant([[1.0, 0.0, -1.0], [0.5, 1.0, 0.0]])
    product = x @ w  # the same as tf.matmul(x, w)
    print(f"x @ w =\n{product.numpy()}")

    # Two functions that neural networks use on their outputs.
    scores = tf.constant([1.0, 2.0, 3.0])
    squashed = tf.sigmoid(scores)  # each value into (0, 1)
    probabilities = tf.nn.softmax(scores)  # positive values that sum to 1
    print("sigmoid:", squashed.numpy())
    print("softmax:", probabilities.numpy(), "sum:", tf.reduce_sum(probabilities).numpy())

    # To and from NumPy. NumPy's default type is float64; neural networks mostly use float32.
    as_numpy = product.numpy()
    from_numpy = tf.convert_to_tensor(np.linspace(0.0, 1.0, 3))
    print("to NumPy:", type(as_numpy).__name__, as_numpy.dtype)
    print("from NumPy:", from_numpy.dtype.name, "-> after tf.cast:", tf.cast(from_numpy, tf.float32).dtype.name)
    try:
        from_numpy + tf.ones(3)  # float64 + float32: TensorFlow does not promote
    except tf.errors.InvalidArgumentError as error:
        mixed_error = type(error).__name__
        print("float64 + float32 ->", mixed_error)

    # A constant never changes. A variable holds a value that can be updated in place: model weights.
    weight = tf.Variable([1.0, 2.0])
    weight.assign_sub([0.5, 0.5])  # weight -= 0.5, without creating a new variable
    print("variable after assign_sub:", weight.numpy())
    print("a constant has no assign method:", not hasattr(x, "assign"))
    return {
        "x": x.numpy(),
        "w": w.numpy(),
        "product": as_numpy,
        "scores": scores.numpy(),
        "sigmoid": squashed.numpy(),
        "softmax": probabilities.numpy(),
        "from_numpy_dtype": from_numpy.dtype.name,
        "mixed_error": mixed_error,
        "variable": weight.numpy(),
        "constant_can_change": hasattr(x, "assign"),
    }


if __name__ == "__main__":
    main()
