"""Gradient descent with PyTorch autograd: walk downhill on f(x, y) until we reach its lowest point."""

import matplotlib.pyplot as plt
import numpy as np
import torch

from snippets.common.objectives import BOWL_MINIMUM, bowl
from snippets.common.plotting import new_figure, plot_descent_path
from snippets.common.progress import report_epoch

STEPS = 40
LEARNING_RATE = 0.1


def main():
    point = torch.tensor([-3.0, 2.0], requires_grad=True)  # where we start
    path, losses = [point.tolist()], []
    for step in range(1, STEPS + 1):
        loss = bowl(point[0], point[1])
        loss.backward()  # fills point.grad with (df/dx, df/dy)
        with torch.no_grad():  # the update itself must not be recorded
            point -= LEARNING_RATE * point.grad
        point.grad.zero_()  # backward() adds to .grad, so empty it for the next step
        losses.append(loss.item())
        path.append(point.tolist())
        report_epoch(step, STEPS, every=10, loss=loss.item(), x=path[-1][0], y=path[-1][1])

    fig, ax = new_figure(height=4.5)
    plot_descent_path(ax, bowl, path, BOWL_MINIMUM, title="PyTorch: gradient descent on f(x, y)")
    plt.show()
    return {"path": np.array(path), "losses": losses}


if __name__ == "__main__":
    main()
