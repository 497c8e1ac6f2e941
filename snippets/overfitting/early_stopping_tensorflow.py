"""The large network, stopped once validation loss has not improved for 20 epochs."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import keras
import matplotlib.pyplot as plt
import numpy as np

from snippets.common.data import sine_train_val
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_tensorflow import fit_and_validate, large_network

EPOCHS = 400


def main():
    seed_everything()
    data = sine_train_val()
    model = large_network()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=20, restore_best_weights=True)
    history = fit_and_validate(model, data, EPOCHS, callbacks=[early_stopping])

    train_losses, val_losses = history.history["loss"], history.history["val_loss"]
    best_epoch = int(np.argmin(val_losses)) + 1
    kept_val_loss = model.evaluate(data[2], data[3], verbose=0)  # with the best epoch's weights
    print(
        f"stopped after epoch {len(val_losses)}, kept the weights of epoch {best_epoch}: "
        f"validation loss {kept_val_loss:.4f}"
    )

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "TensorFlow/Keras: early stopping", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses, best_epoch, kept_val_loss


if __name__ == "__main__":
    main()
