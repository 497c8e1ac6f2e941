"""Gradient descent with TensorFlow's GradientTape: walk downhill on f(x, y) until we reach its lowest point."""

import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.common.objectives import BOWL_MINIMUM, bowl
from snippets.common.plotting import new_figure, plot_descent_path
from snippets.common.progress import report_epoch

STEPS = 40
LEARNING_RATE = 0.1


def main():
    point = tf.Variable([-3.0, 2.0])  # where we start
    path, losses = [point.numpy().tolist()], []
    for step in range(1, STEPS + 1):
        with tf.GradientTape() as tape:
            loss = bowl(point[0], point[1])
        gradient = tape.gradient(loss, point)  # (df/dx, df/dy)
        point.assign_sub(LEARNING_RATE * gradient)  # an in-place update: point stays the same variable
        losses.append(float(loss))
        path.append(point.numpy().tolist())
        report_epoch(step, STEPS, every=10, loss=float(loss), x=path[-1][0], y=path[-1][1])

    fig, ax = new_figure(height=4.5)
    plot_descent_path(ax, bowl, path, BOWL_MINIMUM, title="TensorFlow: gradient descent on f(x, y)")
    plt.show()
    return {"path": np.array(path), "losses": losses}


if __name__ == "__main__":
    main()
