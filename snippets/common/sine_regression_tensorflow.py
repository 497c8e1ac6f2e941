"""The overfitting page's Keras experiment: a large network, and a `fit` that records both losses."""

import keras
import tensorflow as tf

from snippets.common.progress import report_epoch


def large_network():
    """Two hidden layers of 128 units: over 16 000 parameters for 12 training points."""
    return keras.Sequential(
        [
            keras.Input(shape=(1,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(1),
        ]
    )


def fit_and_validate(model, data, epochs, callbacks=()):
    """Train a compiled ``model`` on all training points at once, up to ``epochs`` times; return History.

    ``data`` is ``x_train, y_train, x_val, y_val`` as NumPy arrays; ``callbacks`` go on to ``fit``.
    """
    x_train, y_train, x_val, y_val = data
    # Each data set is a single batch: the whole training set is one step per epoch.
    train_data = tf.data.Dataset.from_tensors((x_train, y_train)).cache()
    val_data = tf.data.Dataset.from_tensors((x_val, y_val)).cache()
    show_progress = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: report_epoch(
            epoch + 1, epochs, every=50, train_loss=logs["loss"], val_loss=logs["val_loss"]
        )
    )
    return model.fit(
        train_data,
        validation_data=val_data,
        epochs=epochs,
        shuffle=False,  # fit ignores shuffle= for a Dataset (one batch here anyway); False spares its warning
        verbose=0,
        callbacks=[show_progress, *callbacks],
    )
