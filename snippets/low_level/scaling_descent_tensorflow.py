"""Gradient descent on raw and on standardised features: how many steps each needs to reach a small loss."""

# --8<-- [start:descent]
import matplotlib.pyplot as plt
import tensorflow as tf

from snippets.common.plotting import new_figure, plot_descent_path
from snippets.common.scaled_features import fastest_rate, least_squares, mse_surface, two_scales

LEARNING_RATES = [0.3, 0.1, 0.03, 0.01]
TARGET_LOSS, MAX_STEPS = 0.01, 300


def mse(x, y, w):
    return tf.reduce_mean((tf.linalg.matvec(x, w) - y) ** 2)


def descend(x, y, learning_rate):
    """Gradient descent on the mean squared error of y ≈ x @ w, from w = (0, 0). Returns the path of w and the
    step at which the loss fell below TARGET_LOSS (None: not within MAX_STEPS, or the loss grew without end)."""
    w = tf.Variable([0.0, 0.0])
    path = [w.numpy().tolist()]
    for step in range(1, MAX_STEPS + 1):
        with tf.GradientTape() as tape:
            loss = mse(x, y, w)
        w.assign_sub(learning_rate * tape.gradient(loss, w))
        path.append(w.numpy().tolist())
        if not float(loss) < 1e6:  # diverged
            return path, None
        if float(mse(x, y, w)) < TARGET_LOSS:
            return path, step
    return path, None


def main():
    x, y = map(tf.constant, two_scales(200))
    x, y = x - tf.reduce_mean(x, axis=0), y - tf.reduce_mean(y)  # centred, so the model needs no bias
    mean, std = tf.reduce_mean(x, axis=0), tf.math.reduce_std(x, axis=0)
    versions = {"raw": x, "standardised": (x - mean) / std}
    steps = {}
    for name, features in versions.items():
        steps[name] = {rate: descend(features, y, rate)[1] for rate in LEARNING_RATES}
        print(f"{name:12}  steps to a loss below {TARGET_LOSS}:", {rate: n or "-" for rate, n in steps[name].items()})
    # --8<-- [end:descent]

    fig, axes = new_figure(ncols=2, height=3.6)
    for ax, (name, features) in zip(axes, versions.items()):
        path, _ = descend(features, y, fastest_rate(steps[name]))
        plot_descent_path(
            ax,
            mse_surface(features.numpy(), y.numpy()),
            path,
            least_squares(features.numpy(), y.numpy()),
            title=f"TensorFlow: {name} features",
        )
        ax.set_xlabel("w1")
        ax.set_ylabel("w2")
        ax.legend(loc="lower right")
    plt.show()
    return {"steps": steps, "std": std.numpy()}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    for name, by_rate in main()["steps"].items():
        record(f"{name}_rate", fastest_rate(by_rate))
        record(f"{name}_steps", by_rate[fastest_rate(by_rate)])
