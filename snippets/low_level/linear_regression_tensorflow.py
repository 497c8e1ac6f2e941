"""Linear regression with TensorFlow's low-level API: two tf.Variables, GradientTape and an optimizer, in our own loop."""

import keras
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.data import line_points
from snippets.common.plotting import new_figure, plot_fitted_line
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

TRUE_SLOPE, TRUE_INTERCEPT = 2.0, -1.0  # the line the data comes from
EPOCHS = 50


def main():
    seed_everything()
    # 100 points near the line y = 2x - 1, with noise of standard deviation 0.5
    x, y = line_points(100, TRUE_SLOPE, TRUE_INTERCEPT, noise=0.5)

    # The model y = w * x + b has two parameters: tf.Variables, values that training may change.
    w = tf.Variable(0.0)
    b = tf.Variable(0.0)
    optimizer = keras.optimizers.SGD(learning_rate=0.1)  # plain gradient descent

    @tf.function  # traced into a TensorFlow graph on the first call; later calls run the graph
    def train_step(x, y):
        with tf.GradientTape() as tape:  # records the operations on w and b
            loss = tf.reduce_mean((w * x + b - y) ** 2)  # mean squared error over all points
        gradients = tape.gradient(loss, [w, b])
        optimizer.apply_gradients(zip(gradients, [w, b]))  # w -= lr * dloss/dw, b -= lr * dloss/db
        return loss

    losses = []
    for epoch in range(1, EPOCHS + 1):
        losses.append(float(train_step(x, y)))
        report_epoch(epoch, EPOCHS, every=10, loss=losses[-1])

    slope, intercept = float(w), float(b)
    print(f"fitted slope {slope:.3f}, intercept {intercept:.3f} (true: {TRUE_SLOPE}, {TRUE_INTERCEPT})")
    true_line_loss = float(tf.reduce_mean((TRUE_SLOPE * x + TRUE_INTERCEPT - y) ** 2))  # the mean square of the noise
    print(f"loss of the true line on these points: {true_line_loss:.4f}")

    fig, ax = new_figure()
    plot_fitted_line(ax, x, y, slope, intercept, TRUE_SLOPE, TRUE_INTERCEPT, title="TensorFlow: linear regression")
    plt.show()
    return {"slope": slope, "intercept": intercept, "losses": losses, "true_line_loss": true_line_loss}


if __name__ == "__main__":
    main()
