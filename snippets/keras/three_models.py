"""One network for the 8x8 digits, written three ways: Sequential, functional and subclassed."""

# --8<-- [start:sequential]
import keras

N_PIXELS, HIDDEN, N_CLASSES = 64, 32, 10


def sequential_model():
    """A stack of layers, each feeding the next."""
    return keras.Sequential(
        [
            keras.Input(shape=(N_PIXELS,)),
            keras.layers.Dense(HIDDEN, activation="relu"),
            keras.layers.Dense(N_CLASSES),  # no activation: 10 raw scores (logits)
        ],
        name="sequential_digits",
    )


# --8<-- [end:sequential]


# --8<-- [start:functional]
def functional_model():
    """Layers called on tensors: the graph from inputs to outputs defines the model."""
    inputs = keras.Input(shape=(N_PIXELS,))
    hidden = keras.layers.Dense(HIDDEN, activation="relu")(inputs)
    outputs = keras.layers.Dense(N_CLASSES)(hidden)  # logits
    return keras.Model(inputs=inputs, outputs=outputs, name="functional_digits")


# --8<-- [end:functional]


# --8<-- [start:subclassed]
class SubclassedDigits(keras.Model):
    """Layers created in __init__, the forward pass written in call()."""

    def __init__(self):
        super().__init__(name="subclassed_digits")
        self.hidden = keras.layers.Dense(HIDDEN, activation="relu")
        self.classify = keras.layers.Dense(N_CLASSES)  # logits

    def call(self, inputs):
        return self.classify(self.hidden(inputs))


# --8<-- [end:subclassed]


def main():
    # --8<-- [start:compare]
    subclassed = SubclassedDigits()
    subclassed(keras.ops.zeros((1, N_PIXELS)))  # its weights are created when it first sees data
    models = [sequential_model(), functional_model(), subclassed]
    for model in models:
        print(f"{model.name:18} {model.count_params()} parameters")
    # --8<-- [end:compare]
    return {model.name: model.count_params() for model in models}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    record("parameters", main()["sequential_digits"])
