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
