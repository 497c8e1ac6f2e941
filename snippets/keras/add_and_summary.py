"""A Sequential model built layer by layer with add(), and the table that summary() prints."""

import keras

from snippets.keras.three_models import HIDDEN, N_CLASSES, N_PIXELS


def main():
    # --8<-- [start:add]
    model = keras.Sequential(name="digits_layer_by_layer")
    model.add(keras.Input(shape=(N_PIXELS,)))  # the shape of one example: Keras can create weights at once
    model.add(keras.layers.Dense(HIDDEN, activation="relu", name="hidden"))
    model.add(keras.layers.Dense(N_CLASSES, name="output"))  # logits: no activation
    model.summary(line_length=70)
    # --8<-- [end:add]
    return model


if __name__ == "__main__":
    main()
