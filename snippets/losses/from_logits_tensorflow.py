"""Why TensorFlow's losses take logits: a sigmoid rounded to exactly 1.0 breaks the loss and its gradient."""

import keras
import tensorflow as tf


def loss_and_gradient(loss_of_logit, logit):
    """The loss for this logit and its gradient with respect to the logit."""
    with tf.GradientTape() as tape:
        loss = loss_of_logit(logit)
    return float(loss), float(tape.gradient(loss, logit)[0, 0])


def main():
    # A confident, wrong prediction: logit 20 says "class 1" for an example of class 0.
    logit = tf.Variable([[20.0]])
    label = tf.constant([[0.0]])
    print(f"sigmoid(20) in float32: {float(tf.sigmoid(logit)[0, 0])!r}")  # 1 - 2e-9 is rounded to exactly 1.0

    from_probability = loss_and_gradient(  # log(1 - 1.0) = -inf: Keras clips the probability first
        lambda z: keras.losses.BinaryCrossentropy()(label, tf.sigmoid(z)), logit
    )
    from_logit = loss_and_gradient(  # never forms the probability
        lambda z: keras.losses.BinaryCrossentropy(from_logits=True)(label, z), logit
    )
    # Keras's own sigmoid (the activation of Dense(1, activation="sigmoid")) remembers its logits,
    # and with the TensorFlow backend the loss uses them instead of the probability.
    keras_sigmoid = loss_and_gradient(
        lambda z: keras.losses.BinaryCrossentropy()(label, keras.activations.sigmoid(z)), logit
    )

    # What the losses from logits compute instead: log(1 + e^z) - y*z, written so that no exp() can overflow.
    z, y = tf.convert_to_tensor(logit), label
    stable = float(tf.reduce_mean(tf.maximum(z, 0.0) - y * z + tf.math.log1p(tf.exp(-tf.abs(z)))))

    for name, (loss, gradient) in [
        ("BinaryCrossentropy()(tf.sigmoid(z))", from_probability),
        ("BinaryCrossentropy(from_logits=True)(z)", from_logit),
        ("BinaryCrossentropy()(keras sigmoid(z))", keras_sigmoid),
    ]:
        print(f"{name:40} loss {loss:8.4f}   gradient {gradient:.4f}")
    print(f"{'by hand, stable form':40} loss {stable:8.4f}")
    return {
        "logit": float(z[0, 0]),
        "label": float(y[0, 0]),
        "probability": float(tf.sigmoid(z)[0, 0]),
        "from_probability": from_probability,
        "from_logit": from_logit,
        "keras_sigmoid": keras_sigmoid,
        "stable": stable,
    }


if __name__ == "__main__":
    main()
