"""Early stopping on a setup that overfits, keeping the best epoch's weights."""

import keras

from snippets.common.reproducibility import seed_everything
from snippets.keras.fit_digits import compiled, digits_datasets, progress
from snippets.keras.three_models import sequential_model

MAX_EPOCHS = 100
N_TRAIN = 200  # few training images: the network soon starts to memorise them


def main():
    seed_everything()
    # --8<-- [start:fit]
    train_data, val_data = digits_datasets(n_train=N_TRAIN)
    model = compiled(sequential_model())
    early_stopping = keras.callbacks.EarlyStopping(
        monitor="val_loss",  # watch the loss on the validation images
        patience=10,  # stop after 10 epochs without a new lowest value
        restore_best_weights=True,  # then put back the weights of the best epoch
    )
    history = model.fit(
        train_data,
        validation_data=val_data,
        epochs=MAX_EPOCHS,
        shuffle=False,  # ignored for a Dataset; False spares the warning
        verbose=0,
        callbacks=[early_stopping, progress(MAX_EPOCHS, every=10)],
    )
    val_losses = history.history["val_loss"]
    print(f"stopped after epoch {len(val_losses)} of {MAX_EPOCHS}")
    best_epoch = early_stopping.best_epoch + 1  # Keras counts epochs from 0
    print(f"lowest validation loss {min(val_losses):.4f} at epoch {best_epoch}")
    restored_loss, restored_accuracy = model.evaluate(val_data, verbose=0)
    print(f"the restored model: validation loss {restored_loss:.4f}, accuracy {restored_accuracy:.3f}")
    # --8<-- [end:fit]
    return history.history, best_epoch, (restored_loss, restored_accuracy)


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    history, best, restored = main()
    record("best_epoch", best)
    record("epochs_run", len(history["val_loss"]))
