"""Gradient descent on raw and on standardised features: how many steps each needs to reach a small loss."""

# --8<-- [start:descent]
import matplotlib.pyplot as plt
import torch

from snippets.common.plotting import new_figure, plot_descent_path
from snippets.common.scaled_features import fastest_rate, least_squares, mse_surface, two_scales

LEARNING_RATES = [0.3, 0.1, 0.03, 0.01]
TARGET_LOSS, MAX_STEPS = 0.01, 300


def descend(x, y, learning_rate):
    """Gradient descent on the mean squared error of y ≈ x @ w, from w = (0, 0). Returns the path of w and the
    step at which the loss fell below TARGET_LOSS (None: not within MAX_STEPS, or the loss grew without end)."""
    w = torch.zeros(2, requires_grad=True)
    path = [w.tolist()]
    for step in range(1, MAX_STEPS + 1):
        loss = ((x @ w - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= learning_rate * w.grad
        w.grad.zero_()
        path.append(w.tolist())
        if not loss.item() < 1e6:  # diverged
            return path, None
        if ((x @ w - y) ** 2).mean().item() < TARGET_LOSS:
            return path, step
    return path, None


def main():
    x, y = map(torch.from_numpy, two_scales(200))
    x, y = x - x.mean(dim=0), y - y.mean()  # centred, so the model needs no bias
    mean, std = x.mean(dim=0), x.std(dim=0)
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
            title=f"PyTorch: {name} features",
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
