"""Why TensorFlow's losses take logits: a sigmoid rounded to exactly 1.0 breaks the loss and its gradient, and when
Keras rescues a loss given probabilities (inside a graph) and when it does not (eagerly)."""

import keras
import tensorflow as tf


def loss_and_gradient(loss_of_logit, logit):
    """The loss for this logit and its gradient with respect to the logit."""
    with tf.GradientTape() as tape:
        tape.watch(logit)
        loss = loss_of_logit(logit)
    return loss, tape.gradient(loss, logit)


def main():
    # A confident, wrong prediction: logit 20 says "class 1" for an example of class 0.
    logit = tf.constant([[20.0]])
    label = tf.constant([[0.0]])
    print(f"sigmoid(20) in float32: {float(tf.sigmoid(logit)[0, 0])!r}")  # 1 - 2e-9 is rounded to exactly 1.0

    def from_probability(z):  # log(1 - 1.0) = -inf: Keras clips the probability first
        return keras.losses.BinaryCrossentropy()(label, tf.sigmoid(z))

    def from_logit(z):  # never forms the probability
        return keras.losses.BinaryCrossentropy(from_logits=True)(label, z)

    def keras_sigmoid(z):  # Keras's own sigmoid (as in Dense(1, activation="sigmoid")) keeps its logits
        return keras.losses.BinaryCrossentropy()(label, keras.activations.sigmoid(z))

    runs = {
        "BinaryCrossentropy()(tf.sigmoid(z)), eager": loss_and_gradient(from_probability, logit),
        "the same inside tf.function": tf.function(loss_and_gradient)(from_probability, logit),
        "BinaryCrossentropy(from_logits=True)(z)": loss_and_gradient(from_logit, logit),
        "BinaryCrossentropy()(keras sigmoid(z))": loss_and_gradient(keras_sigmoid, logit),
    }
    results = {name: (float(loss), float(gradient[0, 0])) for name, (loss, gradient) in runs.items()}

    # What the losses from logits compute instead: log(1 + e^z) - y*z, written so that no exp() can overflow.
    z, y = logit, label
    stable = float(tf.reduce_mean(tf.maximum(z, 0.0) - y * z + tf.math.log1p(tf.exp(-tf.abs(z)))))

    for name, (loss, gradient) in results.items():
        print(f"{name:44} loss {loss:8.4f}   gradient {gradient:.4f}")
    print(f"{'by hand, stable form':44} loss {stable:8.4f}")
    eager, graph, logits, keras_own = results.values()
    return {
        "logit": float(z[0, 0]),
        "label": float(y[0, 0]),
        "probability": float(tf.sigmoid(z)[0, 0]),
        "from_probability": eager,
        "from_probability_in_graph": graph,
        "from_logit": logits,
        "keras_sigmoid": keras_own,
        "stable": stable,
    }


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    for key in ["from_probability", "from_probability_in_graph", "from_logit"]:
        record(f"{key}_loss", result[key][0])
        record(f"{key}_gradient", result[key][1])
