"""Mixing the levels in Keras: a Layer subclass inside a Sequential model, trained by a GradientTape loop."""

# --8<-- [start:layer]
import keras
import tensorflow as tf

from snippets.common.data import digits_split
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 10


class Dense(keras.layers.Layer):
    """A fully connected layer written by hand: outputs = inputs @ w + b."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):  # called once, when the layer first sees its input's shape
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        return inputs @ self.w + self.b


def digits_network():
    """64 pixels -> 32 ReLU units -> dropout -> 10 scores (logits), one per digit."""
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            Dense(32),
            keras.layers.ReLU(),
            keras.layers.Dropout(0.5),  # during training, sets each hidden unit to 0 with probability 0.5
            Dense(10),
        ]
    )


# --8<-- [end:layer]


# --8<-- [start:train]
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)  # the model gives logits


def train(model, train_data, x_val, y_val, epochs=EPOCHS):
    """Our own training loop: gradients from a GradientTape, the update from the optimizer, metric objects."""
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    train_loss = keras.metrics.Mean()  # running averages over one epoch
    train_accuracy = keras.metrics.SparseCategoricalAccuracy()
    val_accuracy = keras.metrics.SparseCategoricalAccuracy()

    @tf.function  # runs as a TensorFlow graph after the first call
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)  # dropout on
            loss = loss_fn(y, logits)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply(gradients, model.trainable_variables)
        train_loss.update_state(loss)
        train_accuracy.update_state(y, logits)

    for epoch in range(1, epochs + 1):
        for metric in (train_loss, train_accuracy, val_accuracy):
            metric.reset_state()  # each epoch averages its own batches only
        for x, y in train_data:
            train_step(x, y)
        val_accuracy.update_state(y_val, model(x_val, training=False))  # dropout off: the whole network answers
        report_epoch(
            epoch,
            epochs,
            every=5,
            loss=train_loss.result(),
            accuracy=train_accuracy.result(),
            val_accuracy=val_accuracy.result(),
        )
    return float(train_accuracy.result()), float(val_accuracy.result())


# --8<-- [end:train]


# --8<-- [start:main]
def main():
    seed_everything()
    x_train, x_val, y_train, y_val = digits_split()
    train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(len(x_train), seed=0).batch(64)
    model = digits_network()
    train_accuracy, val_accuracy = train(model, train_data, x_val, y_val)

    # The same weights and the same training images, in both modes:
    losses = {mode: float(loss_fn(y_train, model(x_train, training=mode))) for mode in (True, False)}
    print(
        f"loss on the training images with training=True: {losses[True]:.3f}, with training=False: {losses[False]:.3f}"
    )
    first, second = (model(x_train[:1], training=True) for _ in range(2))
    print("two calls with training=True give the same scores:", bool(tf.reduce_all(first == second)))
    return model, losses, train_accuracy, val_accuracy


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    model, losses, train_accuracy, val_accuracy = main()
    record("loss_training_true", losses[True])
    record("loss_training_false", losses[False])
    record("train_accuracy", train_accuracy)
    record("val_accuracy", val_accuracy)
