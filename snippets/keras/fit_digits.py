"""The digits network trained with Keras: compile, fit on tf.data pipelines, evaluate, plot."""

# --8<-- [start:data]
import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.data import digits_split
from snippets.common.plotting import plot_loss_and_accuracy
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.keras.three_models import sequential_model

EPOCHS = 20
BATCH_SIZE = 64
LEARNING_RATE = 0.01


def digits_datasets(n_train=None):
    """Training and validation images as tf.data pipelines of (pixels, digit) batches.

    ``n_train`` keeps only the first n training images (all of them by default).
    """
    x_train, x_val, y_train, y_val = digits_split()
    train = (
        tf.data.Dataset.from_tensor_slices((x_train[:n_train], y_train[:n_train]))
        .shuffle(buffer_size=len(x_train), seed=0)  # a new order every epoch: shuffling happens here
        .batch(BATCH_SIZE)
        .prefetch(tf.data.AUTOTUNE)  # prepare the next batches while the model trains on this one
    )
    val = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(len(x_val))
    return train, val


# --8<-- [end:data]


# --8<-- [start:compile]
def compiled(model):
    """Attach what training needs: the optimizer, the loss to minimise, the metrics to report."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
        # labels: digits 0-9 ("sparse": not one-hot); outputs: 10 logits, so from_logits=True
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model


def progress(epochs, every):
    """A callback that prints one line every few epochs."""
    return keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: report_epoch(
            epoch + 1,
            epochs,
            every=every,
            loss=logs["loss"],
            val_loss=logs["val_loss"],
            val_accuracy=logs["val_accuracy"],
        )
    )


# --8<-- [end:compile]


# --8<-- [start:main]
def main():
    seed_everything()
    train_data, val_data = digits_datasets()
    model = compiled(sequential_model())
    _, untrained_accuracy = model.evaluate(val_data, verbose=0)  # the same network before training
    history = model.fit(
        train_data,
        validation_data=val_data,
        epochs=EPOCHS,
        shuffle=False,  # ignored for a Dataset, which shuffles itself; False spares the warning saying so
        verbose=0,
        callbacks=[progress(EPOCHS, every=5)],
    )
    val_loss, val_accuracy = model.evaluate(val_data, verbose=0)
    print(f"validation accuracy: {untrained_accuracy:.3f} before training, {val_accuracy:.3f} after {EPOCHS} epochs")

    # predict gives the model's outputs, here logits: softmax turns them into probabilities.
    logits = model.predict(val_data, verbose=0)
    probabilities = keras.ops.convert_to_numpy(keras.ops.softmax(logits))
    predicted = probabilities.argmax(axis=1)  # the digit with the highest probability
    print("predicted:  ", predicted[:10].tolist())
    print("probability:", " ".join(f"{p:.2f}" for p in probabilities.max(axis=1)[:10]))

    h = history.history  # one list per metric, one value per epoch
    fig = plot_loss_and_accuracy(
        {
            "train_loss": h["loss"],
            "val_loss": h["val_loss"],
            "train_accuracy": h["accuracy"],
            "val_accuracy": h["val_accuracy"],
        },
        title="Keras: digits, 1437 training images",
    )
    fig.axes[0].set_ylabel("cross-entropy")
    plt.show()
    return h, val_accuracy, untrained_accuracy, predicted


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    history, accuracy, untrained_accuracy, predicted = main()
    record("val_accuracy", accuracy)
    record("untrained_val_accuracy", untrained_accuracy)
