"""Bias and variance of the five-point models: both refitted on many training sets that differ only in their noise."""

import matplotlib.pyplot as plt

from snippets.common.plotting import COLORS, new_figure
from snippets.common.results import record

# isort: split
# --8<-- [start:resample]
import numpy as np

from snippets.common.data import noisy_line
from snippets.overfitting.five_points import polynomial_features, x_train

NOISE = 2.5  # standard deviation of the noise, as in the five-point example
N_SETS = 1000  # training sets: the same five x, new noise each time
rng = np.random.default_rng(0)
grid = np.linspace(0, 4, 81)  # where the fitted models are compared with the true line
true_y = 1.5 * grid + 1.0

training_sets = [noisy_line(x_train, slope=1.5, intercept=1.0, noise=NOISE, rng=rng) for _ in range(N_SETS)]
fits = {}  # n_params -> one row per training set: the fitted model's values on the grid
for n_params in (2, 7):
    design = polynomial_features(x_train, n_params)
    rows = [polynomial_features(grid, n_params) @ np.linalg.lstsq(design, y, rcond=None)[0] for y in training_sets]
    fits[n_params] = np.array(rows)
# --8<-- [end:resample]


def main():
    # --8<-- [start:decompose]
    noise_variance = NOISE**2
    parts = {}
    for n_params, rows in fits.items():
        average_model = rows.mean(axis=0)
        bias2 = np.mean((average_model - true_y) ** 2)  # how far the average model is from the truth
        variance = np.mean(rows.var(axis=0))  # how much the models differ from their average
        # The check: the error on fresh noisy points, measured directly, is bias² + variance + σ².
        fresh_y = true_y + rng.normal(0.0, NOISE, size=rows.shape)
        measured = np.mean((rows - fresh_y) ** 2)
        parts[n_params] = bias2, variance, measured
        print(
            f"{n_params} parameters: bias² {bias2:.2f} + variance {variance:.2f} + σ² {noise_variance:.2f} "
            f"= {bias2 + variance + noise_variance:.2f}; measured on fresh points {measured:.2f}"
        )
    # --8<-- [end:decompose]
    record("noise_variance", noise_variance)
    record("n_sets", N_SETS)
    for n_params, (bias2, variance, measured) in parts.items():
        record(f"bias2_{n_params}", bias2)
        record(f"variance_{n_params}", variance)
        record(f"expected_error_{n_params}", bias2 + variance + noise_variance)
        record(f"measured_error_{n_params}", measured)

    fig, axes = new_figure(ncols=2)
    titles = ("2 parameters: a straight line", "7 parameters: a polynomial")
    for ax, rows, title in zip(axes, fits.values(), titles):
        for i, row in enumerate(rows[:10]):
            ax.plot(
                grid,
                row,
                color=COLORS["model"],
                alpha=0.3,
                linewidth=1,
                label="models fitted to 10 training sets" if i == 0 else None,
            )
        ax.plot(grid, rows.mean(axis=0), color=COLORS["other"], linewidth=2.5, label="average of all fitted models")
        ax.plot(grid, true_y, color="black", linestyle="--", label="true line")
        ax.set_ylim(-8, 16)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.set_title(title)
        ax.legend(loc="upper left")
    plt.show()
    return parts, noise_variance


if __name__ == "__main__":
    main()
