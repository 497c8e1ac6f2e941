"""How long the same training takes on NumPy arrays and on the tf.data pipeline of fit_digits."""

import time

from snippets.common.data import digits_split
from snippets.common.reproducibility import seed_everything
from snippets.common.results import record
from snippets.keras.fit_digits import BATCH_SIZE, EPOCHS, compiled, digits_datasets
from snippets.keras.three_models import sequential_model


# --8<-- [start:timing]
def seconds_to_fit(*data, **fit_options) -> float:
    """Wall-clock seconds of ``fit`` for a new network (the same start each time), EPOCHS epochs."""
    seed_everything()
    model = compiled(sequential_model())
    started = time.perf_counter()
    model.fit(*data, epochs=EPOCHS, verbose=0, **fit_options)
    return time.perf_counter() - started


def main():
    x_train, x_val, y_train, y_val = digits_split()
    train_data, val_data = digits_datasets()
    compiled(sequential_model()).fit(train_data.take(1), shuffle=False, verbose=0)  # start-up, out of both times
    arrays = seconds_to_fit(x_train, y_train, batch_size=BATCH_SIZE, validation_data=(x_val, y_val))
    pipeline = seconds_to_fit(train_data, validation_data=val_data, shuffle=False)  # the Dataset shuffles itself;
    # fit ignores shuffle= for a Dataset, and False spares its warning (the arrays are shuffled by fit)
    print(f"{EPOCHS} epochs on NumPy arrays:         {arrays:.1f} s")
    print(f"{EPOCHS} epochs on the tf.data pipeline: {pipeline:.1f} s ({arrays / pipeline:.1f} times as fast)")
    # --8<-- [end:timing]
    record("arrays_s", arrays)
    record("pipeline_s", pipeline)
    return arrays, pipeline


if __name__ == "__main__":
    main()
