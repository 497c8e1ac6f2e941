"""Saving a whole Keras model in a .keras file, loading it back, and predicting with model.predict."""

# --8<-- [start:train]
import tempfile
from pathlib import Path

import keras
import numpy as np

from snippets.common.data import digits_split
from snippets.common.reproducibility import seed_everything

EPOCHS = 10


def digits_network():
    """64 pixels -> 32 ReLU units -> 10 scores (logits), one per digit."""
    model = keras.Sequential(
        [keras.Input(shape=(64,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # the last layer gives logits
        metrics=["accuracy"],
    )
    return model


# --8<-- [end:train]


# --8<-- [start:save]
def save_and_load(model, folder):
    path = Path(folder) / "digits.keras"
    model.save(path)  # one zip file: the layers, their weights, the compile() settings, the optimizer's state
    return keras.saving.load_model(path), path


# --8<-- [end:save]


# --8<-- [start:predict]
def predict_probabilities(model, x):
    """Probabilities of the 10 digits for each image of ``x``."""
    logits = model.predict(x, verbose=0)  # in batches, in inference mode, as a NumPy array
    return keras.ops.convert_to_numpy(keras.ops.softmax(logits, axis=1))


# --8<-- [end:predict]


# --8<-- [start:main]
def main():
    seed_everything()
    x_train, x_val, y_train, y_val = digits_split()
    model = digits_network()
    model.fit(x_train, y_train, batch_size=64, epochs=EPOCHS, verbose=0)  # NumPy arrays: fit shuffles them

    with tempfile.TemporaryDirectory() as folder:  # the file disappears at the end of the block
        restored, path = save_and_load(model, folder)
        print(f"{path.name}: {path.stat().st_size} bytes")
    print("layers of the loaded model:", [layer.name for layer in restored.layers])
    print("loss it was compiled with:", type(restored.loss).__name__, "from_logits =", restored.loss.from_logits)
    print("optimizer steps taken:", int(model.optimizer.iterations), "and", int(restored.optimizer.iterations))

    before, after = predict_probabilities(model, x_val), predict_probabilities(restored, x_val)
    print("the loaded model gives identical probabilities:", np.array_equal(before, after))
    accuracy = float((after.argmax(axis=1) == y_val).mean())
    print(f"validation accuracy of the loaded model: {accuracy:.3f}")
    print("first image, probability of each digit:", [round(float(p), 3) for p in after[0]])
    print(f"predicted digit {after[0].argmax()}, true digit {y_val[0]}")
    return model, restored, before, after, accuracy


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    *_, accuracy = main()
    record("val_accuracy", accuracy)
