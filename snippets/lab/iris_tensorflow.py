"""Lab part 1 in Keras: Iris flowers; a single-layer and a multi-layer network, chosen on the validation set."""

import keras
import tensorflow as tf

from snippets.lab.datasets import iris_data
from snippets.lab.model_selection import choose_then_test, iris_candidates, record_results

EPOCHS = 50
LEARNING_RATE = 0.05
BATCH_SIZE = 64


def single_layer(n_features, n_classes):
    """Softmax regression: a dense layer gives one score per class.

    The layer returns the raw scores (logits): the loss, built with from_logits=True, applies the softmax itself.
    """
    return keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(n_classes),
        ]
    )


def multi_layer(n_features, n_classes, hidden):
    """One hidden layer of ``hidden`` ReLU units between the inputs and the class scores."""
    return keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Dense(hidden, activation="relu"),
            keras.layers.Dense(n_classes),
        ]
    )


def predict(model, x):
    """The class with the highest score (the highest probability after softmax), for each row of ``x``."""
    return model(x, training=False).numpy().argmax(axis=1)


def accuracy(model, x, y):
    """The share of rows of ``x`` whose predicted class is the right one."""
    return (predict(model, x) == y).mean().item()


def train(model, data, epochs, learning_rate=LEARNING_RATE, batch_size=BATCH_SIZE):
    """Mini-batch training with Adam and cross-entropy on the training set; after every epoch, the loss on the
    training set and the loss and accuracy on the validation set (the test set is not touched)."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        # sparse: labels are class numbers, not one-hot vectors; from_logits: the network gives raw scores
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    batches = (
        tf.data.Dataset.from_tensor_slices((data.x_train, data.y_train))
        .shuffle(len(data.x_train), seed=0)  # a new order every epoch: the Dataset shuffles, not fit
        .batch(batch_size)
    )
    validation = tf.data.Dataset.from_tensor_slices((data.x_val, data.y_val)).batch(len(data.x_val))
    # shuffle=False: fit ignores it for a Dataset (which shuffles itself), and False spares the warning saying so.
    history = model.fit(batches, validation_data=validation, epochs=epochs, shuffle=False, verbose=0).history
    return {"train_loss": history["loss"], "val_loss": history["val_loss"], "val_accuracy": history["val_accuracy"]}


def main():
    candidates = iris_candidates(single_layer, multi_layer)
    for name, build in candidates.items():
        print(f"{name}: {build().count_params()} parameters")
    return choose_then_test(candidates, train, accuracy, iris_data(), EPOCHS)


if __name__ == "__main__":
    record_results(main())  # the numbers the lab page quotes
