"""One hidden layer of 4 units (13 parameters) instead of two of 128, on the same 12 points, trained 5 times longer."""

from snippets.common.results import record, record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import keras
import matplotlib.pyplot as plt

from snippets.common.data import sine_train_val
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_tensorflow import fit_and_validate

EPOCHS = 2000  # five times as long as the other runs on this page


def small_network():
    # 4 ReLU units: a broken line with at most 4 bends, which cannot pass through 12 scattered points.
    return keras.Sequential(
        [
            keras.Input(shape=(1,)),
            keras.layers.Dense(4, activation="relu"),
            keras.layers.Dense(1),
        ]
    )


def main():
    seed_everything()
    model = small_network()
    print(f"{model.count_params()} parameters")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    history = fit_and_validate(model, sine_train_val(), EPOCHS)

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    fig, ax = new_figure()
    title = "TensorFlow/Keras: one hidden layer of 4 units"
    plot_remedy_curves(ax, train_losses, val_losses, title, EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    record("val_loss_at_400", val_losses[399])
    record("parameters", model.count_params())
    return train_losses, val_losses, model.count_params()


if __name__ == "__main__":
    main()
