"""The large network with weight decay: every step also shrinks each weight a little towards zero."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import keras
import matplotlib.pyplot as plt

from snippets.common.data import sine_train_val
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_tensorflow import fit_and_validate, large_network

EPOCHS = 400


def main():
    seed_everything()
    model = large_network()
    # AdamW: each step first multiplies every weight by 1 - learning_rate * weight_decay = 0.97, then the Adam step.
    optimizer = keras.optimizers.AdamW(learning_rate=0.01, weight_decay=3.0)
    model.compile(optimizer=optimizer, loss="mse")
    history = fit_and_validate(model, sine_train_val(), EPOCHS)

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "TensorFlow/Keras: weight decay", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
