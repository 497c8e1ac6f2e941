"""Regression in TensorFlow: a linear output (no activation) and the mean squared error."""

import keras
import tensorflow as tf


def main():
    # One output per number to predict, with no activation: any value is possible. Shape (4, 1), as from Dense(1).
    predictions = tf.constant([[2.5], [0.0], [-1.2], [7.9]])
    targets = tf.constant([[3.0], [-0.5], [-1.0], [8.0]])  # the true values

    loss = keras.losses.MeanSquaredError()(targets, predictions)  # Keras losses take (true, predicted)
    by_hand = tf.reduce_mean((predictions - targets) ** 2)
    print(f"MeanSquaredError  {float(loss):.4f}")
    print(f"by hand           {float(by_hand):.4f}")
    return {
        "predictions": predictions.numpy(),
        "targets": targets.numpy(),
        "losses": {"MeanSquaredError": float(loss), "by hand": float(by_hand)},
    }


if __name__ == "__main__":
    main()
