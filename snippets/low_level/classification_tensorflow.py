"""Logistic regression in TensorFlow: a single dense layer, built from tf.Variables, separates two clouds of points."""

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.data import two_blobs
from snippets.common.plotting import new_figure, plot_decision_boundary
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 100


class Dense(tf.Module):
    """A fully connected layer, x @ w + b (PyTorch calls it Linear). tf.Module collects its tf.Variables."""

    def __init__(self, n_inputs, n_outputs):
        super().__init__()
        limit = n_inputs**-0.5  # random starting values in the same range as PyTorch's nn.Linear
        self.w = tf.Variable(tf.random.uniform((n_inputs, n_outputs), -limit, limit), name="w")
        self.b = tf.Variable(tf.random.uniform((n_outputs,), -limit, limit), name="b")

    def __call__(self, x):
        return x @ self.w + self.b


def binary_cross_entropy(y, logits):
    """The mean loss of a model that outputs one logit per point (sigmoid and cross-entropy in one safe step)."""
    return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))


def train(model, x, y, epochs, learning_rate):
    """Train a model that outputs one logit per point on all points at once; return the loss of each epoch."""
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = binary_cross_entropy(y, model(x))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    losses = []
    for epoch in range(1, epochs + 1):
        losses.append(float(train_step(x, y)))
        report_epoch(epoch, epochs, every=epochs // 4, loss=losses[-1])
    return losses


def mean_loss(model, x, y):
    """The mean binary cross-entropy of the model's logits on these points."""
    return float(binary_cross_entropy(y, model(x)))


def predict_probability(model, x):
    """The model's probability of class 1 for each point."""
    return tf.sigmoid(model(x))


def accuracy(model, x, y):
    """The fraction of points whose class is predicted correctly (class 1 when the probability is over 0.5)."""
    predicted = tf.cast(predict_probability(model, x) > 0.5, tf.float32)
    return float(tf.reduce_mean(tf.cast(predicted == y, tf.float32)))


def main():
    seed_everything()
    x_train, y_train = two_blobs(200, seed=0)
    x_val, y_val = two_blobs(200, seed=1)  # new points, kept aside

    model = Dense(2, 1)  # logit = w1 * x1 + w2 * x2 + b; probability = sigmoid(logit)
    untrained_loss = mean_loss(model, x_val, y_val)
    losses = train(model, x_train, y_train, EPOCHS, learning_rate=0.05)
    val_loss, val_accuracy = mean_loss(model, x_val, y_val), accuracy(model, x_val, y_val)
    print(f"validation loss: {untrained_loss:.3f} untrained, {val_loss:.3f} trained")
    print(f"validation accuracy: {val_accuracy:.1%}")

    fig, ax = new_figure()
    plot_decision_boundary(
        ax, lambda points: predict_probability(model, points), x_val, y_val, title="TensorFlow: logistic regression"
    )
    plt.show()
    return {"losses": losses, "untrained_val_loss": untrained_loss, "val_loss": val_loss, "val_accuracy": val_accuracy}


if __name__ == "__main__":
    main()
