"""A large network trained too long on 12 points: training loss keeps falling, validation loss turns up."""
import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.common.data import noisy_sine
from snippets.common.plotting import new_figure, plot_learning_curves
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 400


def main():
    # --8<-- [start:train]
    seed_everything()
    rng = np.random.default_rng(0)
    # Each data set is a single batch: the whole training set is one step per epoch.
    train_data = tf.data.Dataset.from_tensors(noisy_sine(12, noise=0.4, rng=rng)).cache()
    val_data = tf.data.Dataset.from_tensors(noisy_sine(200, noise=0.4, rng=rng)).cache()

    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    show_progress = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: report_epoch(
            epoch + 1, EPOCHS, every=50, train_loss=logs["loss"], val_loss=logs["val_loss"]
        )
    )
    history = model.fit(
        train_data, validation_data=val_data, epochs=EPOCHS,
        shuffle=False, verbose=0, callbacks=[show_progress],
    )
    # --8<-- [end:train]

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    fig, ax = new_figure()
    plot_learning_curves(ax, train_losses, val_losses, title="TensorFlow/Keras: 12 training points")
    plt.show()
    return train_losses, val_losses


if __name__ == "__main__":
    main()
