"""A shape mistake that raises no error: predictions of shape (N, 1) against targets of shape (N,) in a loss."""

import keras
import tensorflow as tf


def main():
    predictions = tf.constant([[1.0], [2.0], [3.0], [4.0]])  # a model's output: one column, shape (4, 1)
    targets = tf.constant([1.5, 2.0, 2.5, 4.0])  # the labels: shape (4,)

    # Written by hand, the loss broadcasts (4, 1) - (4,) to (4, 4): every prediction against every target.
    wrong = tf.reduce_mean(tf.square(targets - predictions))
    print("shape of targets - predictions:", tuple((targets - predictions).shape))
    print(f"reduce_mean(square(targets - predictions))            = {float(wrong):.4f}  (the mean of 16 differences)")

    right = tf.reduce_mean(tf.square(targets - tf.squeeze(predictions, axis=1)))
    print(f"reduce_mean(square(targets - squeeze(predictions)))   = {float(right):.4f}")

    keras_loss = keras.losses.MeanSquaredError()(targets, predictions)  # Keras brings both to the same shape first
    print(f"keras.losses.MeanSquaredError()(targets, predictions) = {float(keras_loss):.4f}")
    return {"wrong": float(wrong), "right": float(right), "keras": float(keras_loss)}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    record("broadcast_loss", result["wrong"])
    record("same_shape_loss", result["right"])
