"""Training curves: loss and accuracy of the MLP on training and validation data after every epoch."""

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.data import two_moons
from snippets.common.plotting import plot_loss_and_accuracy
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.low_level.classification_tensorflow import accuracy, binary_cross_entropy, mean_loss
from snippets.low_level.models_tensorflow import MLP

EPOCHS, BATCH_SIZE = 40, 32


def main():
    seed_everything()
    x_train, y_train = two_moons(300, seed=0)
    x_val, y_val = two_moons(300, seed=1)
    batches = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(len(x_train)).batch(BATCH_SIZE)

    model = MLP()
    optimizer = keras.optimizers.Adam(learning_rate=0.01)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = binary_cross_entropy(y, model(x))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    untrained = {"val_loss": mean_loss(model, x_val, y_val), "val_accuracy": accuracy(model, x_val, y_val)}
    print("untrained:", "  ".join(f"{name} {value:.4f}" for name, value in untrained.items()))
    history = {"train_loss": [], "val_loss": [], "train_accuracy": [], "val_accuracy": []}
    for epoch in range(1, EPOCHS + 1):
        for x_batch, y_batch in batches:  # one epoch: every training point once, in shuffled batches of 32
            train_step(x_batch, y_batch)

        for part, x, y in [("train", x_train, y_train), ("val", x_val, y_val)]:
            history[part + "_loss"].append(mean_loss(model, x, y))
            history[part + "_accuracy"].append(accuracy(model, x, y))
        report_epoch(epoch, EPOCHS, every=10, **{name: values[-1] for name, values in history.items()})

    plot_loss_and_accuracy(history, title="TensorFlow: MLP on the two moons")
    plt.show()
    return {**history, "untrained": untrained}


if __name__ == "__main__":
    main()
