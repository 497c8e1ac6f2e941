"""Standardise with the training set's mean and spread (keras.layers.Normalization), and what other statistics do."""

import keras
import numpy as np

from snippets.common.reproducibility import seed_everything
from snippets.common.scaled_features import two_scales

MEANS = (5.0, 50.0)


def main():
    seed_everything()
    # --8<-- [start:statistics]
    x_train, y_train = two_scales(200, seed=0, means=MEANS, noise=0.5)
    x_val, y_val = two_scales(50, seed=1, means=MEANS, noise=0.5)
    normalization = keras.layers.Normalization()
    normalization.adapt(x_train)  # the training set's mean and variance, stored in the layer
    print("training mean:", normalization.mean.numpy(), "variance:", normalization.variance.numpy())

    model = keras.Sequential([keras.Input(shape=(2,)), normalization, keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mean_squared_error")
    model.fit(x_train, y_train, batch_size=len(x_train), epochs=50, verbose=0)

    dense = model.layers[-1]  # the same trained layer, to feed it inputs standardised in other ways
    own = (x_val - x_val.mean(axis=0)) / x_val.std(axis=0)  # wrong: the validation set's own statistics
    val_losses = {
        "training statistics": model.evaluate(x_val, y_val, verbose=0),
        "its own statistics": float(keras.losses.MeanSquaredError()(y_val, dense(own))),
        "not standardised": float(keras.losses.MeanSquaredError()(y_val, dense(x_val))),
    }
    one = x_val[:1]  # a single new example, as at prediction time
    with np.errstate(invalid="ignore"):  # NumPy would warn about 0 / 0
        one_own = (one - one.mean(axis=0)) / one.std(axis=0)
    one_example = {
        "training statistics": float(model.predict(one, verbose=0)[0, 0]),
        "its own statistics": float(dense(one_own)[0, 0]),
    }
    for name, value in val_losses.items():
        print(f"validation loss, {name:20} {value:10.3f}")
    print(f"one example (target {y_val[0]:.2f}):", {name: round(p, 2) for name, p in one_example.items()})
    # --8<-- [end:statistics]
    return {
        "mean": normalization.mean.numpy().ravel(),
        "variance": normalization.variance.numpy().ravel(),
        "val_losses": val_losses,
        "one_example": one_example,
    }


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    for name, key in [("training statistics", "train_statistics"), ("its own statistics", "own_statistics")]:
        record(key, result["val_losses"][name])
