"""Multiclass classification in TensorFlow: one logit per class, softmax, and cross-entropy with integer or one-hot
labels (the sparse and the categorical loss)."""

import keras
import numpy as np
import tensorflow as tf

N_CLASSES = 3


def main():
    labels = np.array([0, 2, 1, 2])  # one integer per example: the index of its class
    one_hot = keras.utils.to_categorical(labels, num_classes=N_CLASSES)  # one row per example, with a single 1
    print("integer labels:", labels)
    print(f"one-hot labels:\n{one_hot}")

    # One output per class, with no activation after it: shape (4, 3), as from Dense(3).
    logits = tf.constant([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0], [1.5, 1.0, 0.0], [0.0, 2.0, 1.0]])
    probabilities = tf.nn.softmax(logits)  # each row: positive numbers that add up to 1
    print(f"probabilities:\n{probabilities.numpy().round(4)}")
    print("predicted classes:", tf.argmax(probabilities, axis=1).numpy())  # the same as tf.argmax(logits, axis=1)

    sparse = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(labels, logits)  # integer labels
    categorical = keras.losses.CategoricalCrossentropy(from_logits=True)(one_hot, logits)  # one-hot labels
    terms = -tf.math.log(tf.gather(probabilities, labels, batch_dims=1))  # -log P(true class), one per example
    by_hand = tf.reduce_mean(terms)
    print("-log P(true class) of each example:", terms.numpy().round(4))
    print(f"SparseCategoricalCrossentropy, integer labels  {float(sparse):.4f}")
    print(f"CategoricalCrossentropy, one-hot labels        {float(categorical):.4f}")
    print(f"by hand                                        {float(by_hand):.4f}")
    return {
        "labels": labels,
        "one_hot": one_hot,
        "logits": logits.numpy(),
        "probabilities": probabilities.numpy(),
        "predicted": tf.argmax(probabilities, axis=1).numpy(),
        "terms": terms.numpy(),
        "losses": {"integer labels": float(sparse), "one-hot labels": float(categorical), "by hand": float(by_hand)},
    }


if __name__ == "__main__":
    main()
