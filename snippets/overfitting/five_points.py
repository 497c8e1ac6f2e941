"""Five noisy points fitted by a straight line (2 parameters) and by a 7-parameter polynomial."""

# --8<-- [start:data]
import matplotlib.pyplot as plt
import numpy as np

from snippets.common.data import noisy_line
from snippets.common.plotting import COLORS, new_figure

rng = np.random.default_rng(18)
x_train = np.linspace(0, 4, 5)  # five training points
x_val = np.linspace(0.5, 3.5, 4)  # four validation points between them
y_train = noisy_line(x_train, slope=1.5, intercept=1.0, noise=2.5, rng=rng)
y_val = noisy_line(x_val, slope=1.5, intercept=1.0, noise=2.5, rng=rng)
# --8<-- [end:data]


# --8<-- [start:fit]
def polynomial_features(x, n_params):
    """Columns 1, x, x**2, ... : a polynomial with n_params coefficients."""
    return np.vander(x, n_params, increasing=True)


def fit(n_params):
    """Least-squares coefficients; with more parameters than points, the smallest such solution."""
    coefficients, *_ = np.linalg.lstsq(polynomial_features(x_train, n_params), y_train, rcond=None)
    return coefficients


def mean_squared_error(coefficients, x, y):
    prediction = polynomial_features(x, len(coefficients)) @ coefficients
    return float(np.mean((prediction - y) ** 2))


# --8<-- [end:fit]


def main():
    # --8<-- [start:compare]
    errors = {}
    for n_params in (2, 7):
        coefficients = fit(n_params)
        errors[n_params] = (
            mean_squared_error(coefficients, x_train, y_train),
            mean_squared_error(coefficients, x_val, y_val),
        )
        print(
            f"{n_params} parameters: training error {errors[n_params][0]:.2f}, "
            f"validation error {errors[n_params][1]:.2f}"
        )
    # --8<-- [end:compare]

    fig, axes = new_figure(ncols=2)
    grid = np.linspace(-0.2, 4.2, 200)
    for ax, n_params, title in zip(axes, (2, 7), ("2 parameters: a straight line", "7 parameters: a polynomial")):
        ax.scatter(x_train, y_train, color=COLORS["train"], label="training points", zorder=3)
        ax.scatter(x_val, y_val, color=COLORS["validation"], marker="s", label="validation points", zorder=3)
        ax.plot(grid, polynomial_features(grid, n_params) @ fit(n_params), color=COLORS["model"], label="model")
        ax.set_ylim(-8, 16)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.set_title(title)
        ax.legend(loc="upper left")
    plt.show()
    return errors


if __name__ == "__main__":
    main()
