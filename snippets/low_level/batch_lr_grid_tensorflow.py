"""Batch size and learning rate: the same MLP trained on the two moons for each pair, final validation loss."""

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.data import two_moons
from snippets.common.plotting import new_figure
from snippets.common.reproducibility import seed_everything
from snippets.low_level.classification_tensorflow import binary_cross_entropy
from snippets.low_level.models_tensorflow import MLP

# --8<-- [start:grid]
BATCH_SIZES = [8, 32, 128]
LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1.0]
EPOCHS = 20


def main():
    seed_everything()
    x_train, y_train = two_moons(300, seed=0)
    x_val, y_val = two_moons(300, seed=1)
    model = MLP()
    start = [v.numpy() for v in model.trainable_variables]  # every pair starts from these weights
    optimizer = keras.optimizers.SGD()

    @tf.function(input_signature=[tf.TensorSpec([None, 2]), tf.TensorSpec([None, 1])])  # any batch size
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = binary_cross_entropy(y, model(x))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    grid = {}
    for batch_size in BATCH_SIZES:
        grid[batch_size] = []
        for rate in LEARNING_RATES:
            for variable, value in zip(model.trainable_variables, start):
                variable.assign(value)
            optimizer.learning_rate.assign(rate)
            batches = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(300, seed=0).batch(batch_size)
            for _ in range(EPOCHS):
                for x_batch, y_batch in batches:  # one step per batch: 300 / batch_size steps per epoch
                    train_step(x_batch, y_batch)
            grid[batch_size].append(float(binary_cross_entropy(y_val, model(x_val))))
        print(f"batch size {batch_size:3}:", "  ".join(f"{loss:.3f}" for loss in grid[batch_size]))
    # --8<-- [end:grid]

    fig, ax = new_figure(height=3.4)
    for batch_size, losses in grid.items():
        ax.plot(LEARNING_RATES, losses, "o-", label=f"batch size {batch_size}")
    ax.set_xscale("log")
    ax.set_xticks(LEARNING_RATES, [str(rate) for rate in LEARNING_RATES])
    ax.set_xlabel("learning rate")
    ax.set_ylabel("validation loss after 20 epochs")
    ax.set_title("TensorFlow: MLP on the two moons, plain SGD")
    ax.legend()
    plt.show()
    return grid


if __name__ == "__main__":
    main()
