"""Binary classification in TensorFlow: one output (a logit), the sigmoid, and binary cross-entropy (log loss)."""

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.loss_plots import plot_log_loss
from snippets.common.plotting import new_figure


def main():
    # One output per example, with no activation after it: the logit. Shape (4, 1), as from Dense(1).
    logits = tf.constant([[2.0], [-1.0], [0.5], [-3.0]])
    labels = tf.constant([[1.0], [0.0], [0.0], [1.0]])  # the true class of each example, as a float

    probabilities = tf.sigmoid(logits)  # P(class 1) for each example
    from_logits = keras.losses.BinaryCrossentropy(from_logits=True)(labels, logits)  # applies the sigmoid itself
    from_probabilities = keras.losses.BinaryCrossentropy()(labels, probabilities)
    with_logits = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits))
    by_hand = -tf.reduce_mean(labels * tf.math.log(probabilities) + (1 - labels) * tf.math.log(1 - probabilities))

    print("P(class 1):", tf.reshape(probabilities, [-1]).numpy().round(4))
    print(f"BinaryCrossentropy(from_logits=True)  {float(from_logits):.4f}")
    print(f"BinaryCrossentropy()                  {float(from_probabilities):.4f}")
    print(f"sigmoid_cross_entropy_with_logits     {float(with_logits):.4f}")
    print(f"by hand                               {float(by_hand):.4f}")

    # The loss of a single example, for every probability a model could predict.
    p = tf.reshape(tf.linspace(0.001, 0.999, 500), (-1, 1))
    bce = keras.losses.binary_crossentropy  # the function: one loss per example instead of their mean
    loss_if_1, loss_if_0 = bce(tf.ones_like(p), p), bce(tf.zeros_like(p), p)
    examples = bce(labels, probabilities)

    fig, ax = new_figure()
    plot_log_loss(
        ax,
        p[:, 0],
        loss_if_1,
        loss_if_0,
        (probabilities[:, 0], examples),
        title="TensorFlow: binary cross-entropy (log loss)",
    )
    plt.show()
    return {
        "logits": logits.numpy(),
        "labels": labels.numpy(),
        "probabilities": probabilities.numpy(),
        "losses": {
            "BinaryCrossentropy(from_logits=True)": float(from_logits),
            "BinaryCrossentropy()": float(from_probabilities),
            "sigmoid_cross_entropy_with_logits": float(with_logits),
            "by hand": float(by_hand),
        },
        "curve": (p[:, 0].numpy(), loss_if_1.numpy(), loss_if_0.numpy()),
    }


if __name__ == "__main__":
    main()
