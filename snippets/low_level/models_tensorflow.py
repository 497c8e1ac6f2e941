"""One multi-layer perceptron (2 inputs, two hidden layers of 16 units, 1 output) written two ways with tf.Module."""

# --8<-- [start:sequential]
import tensorflow as tf

from snippets.low_level.classification_tensorflow import Dense

HIDDEN = 16  # units in each hidden layer


class Sequential(tf.Module):
    """Calls its layers one after the other, as nn.Sequential does in PyTorch."""

    def __init__(self, layers):
        super().__init__()
        self.layers = layers  # tf.Module finds the variables of modules kept in lists too

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def sequential_mlp():
    return Sequential(
        [
            Dense(2, HIDDEN),
            tf.nn.relu,
            Dense(HIDDEN, HIDDEN),
            tf.nn.relu,
            Dense(HIDDEN, 1),  # one logit: the score for class 1
        ]
    )


# --8<-- [end:sequential]


# --8<-- [start:class]
class MLP(tf.Module):
    """A subclass of tf.Module: layers created in __init__, the computation written in __call__()."""

    def __init__(self):
        super().__init__()
        self.hidden1 = Dense(2, HIDDEN)
        self.hidden2 = Dense(HIDDEN, HIDDEN)
        self.output = Dense(HIDDEN, 1)

    def __call__(self, x):
        x = tf.nn.relu(self.hidden1(x))
        x = tf.nn.relu(self.hidden2(x))
        return self.output(x)


# --8<-- [end:class]


# --8<-- [start:compare]
def count_parameters(model):
    """The number of trainable numbers in the model: every weight and bias."""
    return sum(int(tf.size(v)) for v in model.trainable_variables)


def main():
    counts = {}
    for name, model in [("Sequential(tf.Module)", sequential_mlp()), ("tf.Module subclass", MLP())]:
        counts[name] = count_parameters(model)
        print(f"{name:21} {counts[name]} parameters, output shape {tuple(model(tf.zeros((5, 2))).shape)}")
    return counts


# --8<-- [end:compare]


if __name__ == "__main__":
    main()
