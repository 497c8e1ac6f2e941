"""Multi-label classification in TensorFlow: one logit per label, a sigmoid for each, binary cross-entropy per label."""

import keras
import tensorflow as tf

LABEL_NAMES = ["cat", "dog", "bird"]  # a photo may show any of them, several or none


def main():
    # One output per label, with no activation after it: shape (4, 3), as from Dense(3).
    logits = tf.constant([[3.0, 2.5, -2.0], [-1.0, 0.5, -3.0], [-2.0, -2.5, -1.5], [1.0, -0.5, 2.0]])
    labels = tf.constant([[1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0]])  # 1 = shown

    probabilities = tf.sigmoid(logits)  # each label on its own: the rows need not add up to 1
    predicted = probabilities > 0.5
    for row in predicted.numpy():
        print("predicted labels:", [name for name, shown in zip(LABEL_NAMES, row) if shown])
    print("sum of each row of probabilities:", tf.reduce_sum(probabilities, axis=1).numpy().round(4))

    loss = keras.losses.BinaryCrossentropy(from_logits=True)(labels, logits)  # the mean over all 4 x 3 decisions
    by_hand = -tf.reduce_mean(labels * tf.math.log(probabilities) + (1 - labels) * tf.math.log(1 - probabilities))
    print(f"BinaryCrossentropy(from_logits=True)  {float(loss):.4f}")
    print(f"by hand                               {float(by_hand):.4f}")
    return {
        "logits": logits.numpy(),
        "labels": labels.numpy(),
        "probabilities": probabilities.numpy(),
        "predicted": predicted.numpy(),
        "losses": {"BinaryCrossentropy(from_logits=True)": float(loss), "by hand": float(by_hand)},
    }


if __name__ == "__main__":
    main()
