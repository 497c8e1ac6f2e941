"""Run a snippet's ``main()`` inside the test process, collecting the figures it shows, within the time limit."""

import importlib
from dataclasses import dataclass, field

import matplotlib

from lessonkit.testing.snippet_alarm import SnippetTimedOut, snippet_alarm  # noqa: F401 (SnippetTimedOut: for the tests)

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


@dataclass
class SnippetRun:
    result: object
    figures: list = field(default_factory=list)


def run_main(module_name: str, monkeypatch) -> SnippetRun:
    """Import ``module_name`` and call its ``main()``; ``plt.show()`` hands figures to the test instead."""
    figures = []

    def show(*args, **kwargs):
        figures.extend(plt.figure(n) for n in plt.get_fignums())
        plt.close("all")

    monkeypatch.setattr(plt, "show", show)
    with snippet_alarm(module_name):
        module = importlib.import_module(module_name)
        return SnippetRun(result=module.main(), figures=figures)


def line_labels(ax) -> list[str]:
    return [line.get_label() for line in ax.get_lines()]


def assert_stopped_early_with_best_weights(result, train_loss_key: str, output: str) -> None:
    """Early stopping (patience 10, at most 100 epochs) stopped early and the weights in hand are the best epoch's."""
    import pytest

    history, best_epoch, (restored_loss, restored_accuracy) = result
    val_losses, train_losses = history["val_loss"], history[train_loss_key]
    epochs_run = len(val_losses)

    assert epochs_run < 100, "training stopped before the maximum number of epochs"
    assert best_epoch == 1 + min(range(epochs_run), key=val_losses.__getitem__)
    assert epochs_run == best_epoch + 10, "it waited `patience` epochs after the best one"
    assert min(train_losses[best_epoch:]) < train_losses[best_epoch - 1], "training loss still fell: overfitting"
    # The weights measured at the end are the best epoch's, not the last epoch's.
    assert restored_loss == pytest.approx(val_losses[best_epoch - 1], rel=1e-4)
    assert restored_loss < val_losses[-1]
    assert restored_accuracy == pytest.approx(history["val_accuracy"][best_epoch - 1])
    assert f"stopped after epoch {epochs_run} of 100" in output
