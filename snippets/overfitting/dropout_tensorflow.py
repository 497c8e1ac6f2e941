"""The large network with dropout: while training, each hidden unit is off with probability 0.5."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import keras
import matplotlib.pyplot as plt

from snippets.common.data import sine_train_val
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_tensorflow import fit_and_validate

EPOCHS = 400


def network_with_dropout(rate):
    return keras.Sequential(
        [
            keras.Input(shape=(1,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(rate),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(rate),
            keras.layers.Dense(1),
        ]
    )


def main():
    seed_everything()
    model = network_with_dropout(0.5)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    # fit switches dropout on for training steps and off for the validation loss.
    history = fit_and_validate(model, sine_train_val(), EPOCHS)

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "TensorFlow/Keras: dropout 0.5", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
