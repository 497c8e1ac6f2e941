"""Calling fit a second time goes on training the same weights: the loss carries on where it stopped."""

from snippets.common.reproducibility import seed_everything
from snippets.common.results import record
from snippets.keras.fit_digits import compiled, digits_datasets
from snippets.keras.three_models import sequential_model


def main():
    seed_everything()
    # --8<-- [start:twice]
    train_data, _ = digits_datasets()
    model = compiled(sequential_model())
    first = model.fit(train_data, epochs=3, shuffle=False, verbose=0).history["loss"]
    second = model.fit(train_data, epochs=3, shuffle=False, verbose=0).history["loss"]  # the same model again
    fresh = compiled(sequential_model()).fit(train_data, epochs=1, shuffle=False, verbose=0).history["loss"]
    print("first fit, epochs 1-3: ", "  ".join(f"{loss:.3f}" for loss in first))
    print("second fit, epochs 1-3:", "  ".join(f"{loss:.3f}" for loss in second))
    print(f"a new model, epoch 1:   {fresh[0]:.3f}")
    # --8<-- [end:twice]
    record("first_fit_last_loss", first[-1])
    record("second_fit_first_loss", second[0])
    record("new_model_first_loss", fresh[0])
    return first, second, fresh


if __name__ == "__main__":
    main()
