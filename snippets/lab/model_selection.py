"""The lab's rule, the same in both frameworks: choose on the validation set, then use the test set once."""

import re

import matplotlib.pyplot as plt

from snippets.common.plotting import plot_learning_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.results import record


# --8<-- [start:choose]
def iris_candidates(single_layer, multi_layer):
    """Part 1's candidates, each as a function that builds a fresh network."""
    return {
        "single-layer": lambda: single_layer(n_features=4, n_classes=3),
        "16 hidden units": lambda: multi_layer(n_features=4, n_classes=3, hidden=16),
    }


def lowest_epoch(history):
    """The epoch (counted from 1) with the lowest validation loss."""
    return 1 + min(range(len(history["val_loss"])), key=history["val_loss"].__getitem__)


def best_setting(histories):
    """The candidate network and number of epochs with the lowest validation loss.

    ``histories`` maps each candidate's name to its metrics per epoch ("val_loss", "val_accuracy", ...).
    """
    name = min(histories, key=lambda candidate: min(histories[candidate]["val_loss"]))
    return name, lowest_epoch(histories[name])


def choose_then_test(candidates, train, accuracy, data, epochs):
    """Train every candidate, choose one on the validation set, and only then measure it on the test set.

    ``candidates`` maps a name to a function that builds a fresh network; ``train(model, data, epochs)``
    returns the metrics per epoch; ``accuracy(model, x, y)`` is the share of correct predictions.
    """
    histories = {}
    for name, build in candidates.items():
        seed_everything()  # the same start for every candidate: training the chosen one again repeats its run
        histories[name] = history = train(build(), data, epochs)
        best = lowest_epoch(history)
        print(
            f"{name}: lowest validation loss {history['val_loss'][best - 1]:.3f} at epoch {best} "
            f"(validation accuracy {history['val_accuracy'][best - 1]:.3f}), "
            f"{history['val_loss'][-1]:.3f} at epoch {epochs}"
        )

    name, best_epochs = best_setting(histories)
    print(f"chosen on the validation set: {name}, {best_epochs} epochs")
    seed_everything()
    final = candidates[name]()
    final_history = train(final, data, best_epochs)  # the chosen network, trained for the chosen number of epochs
    test_accuracy = accuracy(final, data.x_test, data.y_test)  # the test set's first and only use
    print(f"test accuracy of the chosen network: {test_accuracy:.3f}")
    return {
        "histories": histories,
        "chosen": name,
        "epochs": best_epochs,
        "model": final,
        "test_accuracy": test_accuracy,
        "final_val_loss": final_history["val_loss"][-1],  # the chosen run repeated: the same value on a CPU
    }


# --8<-- [end:choose]


# --8<-- [start:candidates]
def digit_candidates(single_layer, multi_layer, n_pixels, hidden_sizes=(16, 64, 256)):
    """The single-layer network and one multi-layer network per hidden size, each as a function that builds it."""
    candidates = {"single-layer": lambda: single_layer(n_features=n_pixels, n_classes=10)}
    for hidden in hidden_sizes:
        candidates[f"{hidden} hidden units"] = lambda hidden=hidden: multi_layer(n_pixels, 10, hidden)
    return candidates


def plot_candidate_curves(histories, title):
    """Training and validation loss of every candidate: where does the validation loss turn upwards?"""
    fig, axes = plt.subplots(2, 2, figsize=(10, 7), sharex=True, sharey=True, layout="constrained")
    for ax, (name, history) in zip(axes.flat, histories.items()):
        plot_learning_curves(ax, history["train_loss"], history["val_loss"], title=name)
        ax.set_ylabel("cross-entropy")
        ax.grid(True, alpha=0.3)
    fig.suptitle(title)
    return fig


# --8<-- [end:candidates]


def record_results(results):
    """Keep the numbers the lab page quotes (snippets.common.results)."""
    chosen = results["histories"][results["chosen"]]
    record("chosen_epochs", results["epochs"])
    record("chosen_val_accuracy", chosen["val_accuracy"][results["epochs"] - 1])
    record("test_accuracy", results["test_accuracy"])
    for name, history in results["histories"].items():
        key = re.sub(r"\W+", "_", name).strip("_")  # "256 hidden units" -> "256_hidden_units"
        best = lowest_epoch(history)
        record(f"{key}_best_epoch", best)
        record(f"{key}_lowest_val_loss", history["val_loss"][best - 1])
        record(f"{key}_last_val_loss", history["val_loss"][-1])
