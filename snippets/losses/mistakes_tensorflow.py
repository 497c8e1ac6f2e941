"""Two common mistakes in TensorFlow, run: softmax before a loss that expects logits, and probabilities passed as
logits; and how Keras's own activations guard against the first."""

import warnings

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.loss_plots import plot_two_mistakes


def main():
    # Mistake 1: a softmax before a loss that applies its own softmax (from_logits=True): two softmaxes.
    cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    logits = tf.constant([[10.0, 0.0, 0.0]])  # a confident and right prediction of class 0
    label = tf.constant([0])
    softmax_first = (cross_entropy(label, logits), cross_entropy(label, tf.nn.softmax(logits)))
    print(f"cross_entropy(logits)                 {float(softmax_first[0]):.4f}")
    print(f"cross_entropy(tf.nn.softmax(logits))  {float(softmax_first[1]):.4f}")

    # Keras's own softmax (the activation of Dense(3, activation="softmax")) remembers its logits. With the
    # TensorFlow backend the loss finds them, uses them instead, and warns.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        guarded = cross_entropy(label, keras.activations.softmax(logits))
    print(f"cross_entropy(keras.activations.softmax(logits))  {float(guarded):.4f}")
    print("warning:", caught[0].message)

    # Mistake 2: probabilities passed to a loss that applies its own sigmoid (from_logits=True).
    bce_with_logits = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)  # one loss per example
    logits = tf.constant([[10.0], [-10.0]])  # confident and right: class 1, then class 0
    labels = tf.constant([[1.0], [0.0]])
    sigmoid_first = (bce_with_logits(labels, logits), bce_with_logits(labels, tf.sigmoid(logits)))
    for name, losses in zip(["logits", "tf.sigmoid(logits)"], sigmoid_first):
        print(f"{'bce_with_logits(' + name + ')':36} label 1: {float(losses[0]):.4f}  label 0: {float(losses[1]):.4f}")

    # The same losses for every logit of the true class.
    z = tf.linspace(-6.0, 10.0, 200)
    three_logits = tf.stack([z, tf.zeros_like(z), tf.zeros_like(z)], axis=1)  # the true class is 0
    class_0, label_1 = tf.zeros(len(z), dtype=tf.int32), tf.ones((len(z), 1))
    ce = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=None)
    curves = {
        "softmax first": (ce(class_0, three_logits), ce(class_0, tf.nn.softmax(three_logits))),
        "sigmoid first": (bce_with_logits(label_1, z[:, None]), bce_with_logits(label_1, tf.sigmoid(z)[:, None])),
    }
    plot_two_mistakes(
        z,
        curves["softmax first"],
        curves["sigmoid first"],
        titles=["TensorFlow: softmax before a loss from logits", "TensorFlow: sigmoid before a loss from logits"],
    )
    plt.show()
    return {
        "softmax_first": tuple(float(loss) for loss in softmax_first),
        "keras_softmax": float(guarded),
        "warning": str(caught[0].message),
        "sigmoid_first": tuple(losses.numpy().flatten().tolist() for losses in sigmoid_first),
        "curves": {name: (z.numpy(), right.numpy(), mistaken.numpy()) for name, (right, mistaken) in curves.items()},
    }


if __name__ == "__main__":
    main()
