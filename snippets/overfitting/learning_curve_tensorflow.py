"""A large network trained too long on 12 points: training loss falls, validation loss turns up."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import keras
import matplotlib.pyplot as plt

from snippets.common.data import sine_train_val
from snippets.common.plotting import new_figure, plot_learning_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_tensorflow import fit_and_validate, large_network

EPOCHS = 400


def main():
    seed_everything()
    data = sine_train_val()  # 12 training points, 200 validation points
    model = large_network()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    history = fit_and_validate(model, data, EPOCHS)

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    fig, ax = new_figure()
    plot_learning_curves(ax, train_losses, val_losses, title="TensorFlow/Keras: 12 training points")
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
