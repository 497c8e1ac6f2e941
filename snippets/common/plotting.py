"""One look for every plot of the lesson."""

import matplotlib.pyplot as plt

COLORS = {"train": "#1f77b4", "validation": "#d62728", "model": "#2ca02c", "other": "#9467bd"}


def new_figure(ncols: int = 1, width_per_plot: float = 5.0, height: float = 3.6):
    """A figure with ``ncols`` side-by-side axes (a single Axes when ncols is 1)."""
    fig, axes = plt.subplots(1, ncols, figsize=(width_per_plot * ncols, height), layout="constrained")
    for ax in fig.axes:
        ax.grid(True, alpha=0.3)
    return fig, axes


def plot_learning_curves(ax, train_losses, val_losses, title: str) -> int:
    """Draw train and validation loss per epoch, mark the best validation epoch, return that epoch (1-based)."""
    epochs = range(1, len(train_losses) + 1)
    best_epoch = min(epochs, key=lambda e: val_losses[e - 1])
    ax.plot(epochs, train_losses, color=COLORS["train"], label="training loss")
    ax.plot(epochs, val_losses, color=COLORS["validation"], label="validation loss")
    ax.axvline(best_epoch, color="gray", linestyle="--", label="lowest validation loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean squared error")
    ax.set_yscale("log")
    ax.set_title(title)
    ax.legend()
    return best_epoch


def plot_fitted_line(ax, x, y, slope: float, intercept: float, true_slope: float, true_intercept: float, title: str):
    """Draw the data points, the line a model fitted to them and the true line the data came from."""
    import numpy as np

    ends = np.array([x.min(), x.max()])
    ax.scatter(x, y, s=12, color=COLORS["train"], alpha=0.6, label="data")
    ax.plot(ends, slope * ends + intercept, color=COLORS["model"], linewidth=2.5, label="fitted line")
    ax.plot(ends, true_slope * ends + true_intercept, color="black", linestyle="--", label="true line")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title)
    ax.legend()


def plot_decision_boundary(ax, probability, x, y, title: str) -> None:
    """Shade the plane by a classifier's probability of class 1, draw where it is 0.5 and the points of both classes.

    ``probability`` maps a float32 array of points (m, 2) to P(class 1) for each point (any shape holding m values);
    ``x`` (n, 2) and ``y`` (n values, 0 or 1) are the points to show.
    """
    import numpy as np

    x0, x1 = np.meshgrid(
        np.linspace(x[:, 0].min() - 0.5, x[:, 0].max() + 0.5, 200),
        np.linspace(x[:, 1].min() - 0.5, x[:, 1].max() + 0.5, 200),
    )
    grid = np.column_stack([x0.ravel(), x1.ravel()]).astype("float32")
    p = np.asarray(probability(grid)).reshape(x0.shape)
    ax.contourf(x0, x1, p, levels=np.linspace(0.0, 1.0, 11), cmap="RdBu_r", alpha=0.35)
    ax.contour(x0, x1, p, levels=[0.5], colors="black", linewidths=2)
    labels = np.asarray(y).ravel()
    ax.scatter(x[labels == 0, 0], x[labels == 0, 1], s=12, color=COLORS["train"], label="class 0")
    ax.scatter(x[labels == 1, 0], x[labels == 1, 1], s=12, color=COLORS["validation"], label="class 1")
    ax.plot([], [], color="black", linewidth=2, label="decision boundary")  # the contour's entry in the legend
    ax.set_xlabel("feature 1")
    ax.set_ylabel("feature 2")
    ax.set_title(title)
    ax.legend(loc="lower right")


def plot_loss_and_accuracy(history: dict, title: str):
    """Two panels, loss and accuracy per epoch, each for training and validation data; returns the figure.

    ``history`` maps "train_loss", "val_loss", "train_accuracy" and "val_accuracy" to one value per epoch.
    """
    fig, (loss_ax, accuracy_ax) = new_figure(ncols=2)
    epochs = range(1, len(history["train_loss"]) + 1)
    for ax, metric in [(loss_ax, "loss"), (accuracy_ax, "accuracy")]:
        ax.plot(epochs, history["train_" + metric], color=COLORS["train"], label="training")
        ax.plot(epochs, history["val_" + metric], color=COLORS["validation"], label="validation")
        ax.set_xlabel("epoch")
        ax.legend()
    loss_ax.set_ylabel("binary cross-entropy")
    loss_ax.set_title("Loss")
    accuracy_ax.set_ylabel("fraction classified correctly")
    accuracy_ax.set_title("Accuracy")
    fig.suptitle(title)
    return fig


# --8<-- [start:confusion_matrix]
def plot_confusion_matrix(ax, true_labels, predicted_labels, title: str, n_classes: int):
    """Heat map: how many examples of each true class (rows) got each predicted class (columns).

    The diagonal holds the correct predictions; every other non-zero cell is a kind of mistake.
    Returns the counts.
    """
    import numpy as np

    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (true_labels, predicted_labels), 1)
    image = ax.imshow(counts, cmap="Blues")
    for (row, column), count in np.ndenumerate(counts):
        if count:
            ax.text(
                column,
                row,
                count,
                ha="center",
                va="center",
                fontsize=10,  # readable on a phone: at least 9 CSS px on a 390 px screen
                color="white" if count > counts.max() / 2 else "black",
            )
    ticks = range(n_classes)
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.grid(False)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, label="number of test examples")
    return counts


# --8<-- [end:confusion_matrix]


def plot_descent_path(ax, f, path, minimum, title: str) -> None:
    """Contour lines of ``f(x, y)``, the points gradient descent visited (``path``, shape (n, 2)) and the minimum."""
    import numpy as np

    path = np.asarray(path)
    low = np.minimum(path.min(axis=0), minimum) - 1.0
    high = np.maximum(path.max(axis=0), minimum) + 1.0
    xs, ys = np.meshgrid(np.linspace(low[0], high[0], 200), np.linspace(low[1], high[1], 200))
    ax.contour(xs, ys, f(xs, ys), levels=12, cmap="viridis", linewidths=0.8)
    ax.plot(path[:, 0], path[:, 1], "o-", markersize=3, color=COLORS["validation"], label="gradient descent steps")
    ax.plot(*minimum, marker="*", markersize=14, linestyle="none", color="black", label="minimum")
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title)
    ax.legend(loc="upper right")


def plot_device_timings(ax, seconds_by_device: dict, title: str) -> None:
    """One bar per device: how many seconds the same work took there."""
    names = ["CPU" if name == "cpu" else "GPU" for name in seconds_by_device]
    bars = ax.bar(
        names, list(seconds_by_device.values()), width=0.5, color=[COLORS["train"], COLORS["model"]][: len(names)]
    )
    ax.bar_label(bars, fmt="%.3f")
    ax.set_xlim(-0.75, 1.75)  # room for a CPU and a GPU bar, even when only one was measured
    ax.margins(y=0.15)
    ax.set_axisbelow(True)
    ax.set_xlabel("device")
    ax.set_ylabel("seconds")
    ax.set_title(title)


def plot_remedy_curves(ax, train_losses, val_losses, title: str, epochs: int) -> int:
    """``plot_learning_curves`` on fixed axes (``epochs`` wide, loss 0.003 to 2), so runs of different lengths
    and different remedies against overfitting can be compared at a glance. Returns the best validation epoch."""
    best_epoch = plot_learning_curves(ax, train_losses, val_losses, title)
    ax.set_xlim(0, epochs)
    ax.set_ylim(0.003, 2.0)
    return best_epoch
