"""k-fold cross-validation of the lab's Iris candidates: every flower outside the test set validates once."""

# --8<-- [start:folds]
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from snippets.common.plotting import new_figure
from snippets.common.reproducibility import seed_everything
from snippets.lab.datasets import SPLIT_SEED, Splits, split

FOLDS = 5


def iris_pool():
    """The 120 flowers outside the test set (the training and validation flowers), not yet standardised."""
    features, species = load_iris(return_X_y=True)
    parts = split(features.astype("float32"), species.astype("int64"))
    return np.concatenate([parts.x_train, parts.x_val]), np.concatenate([parts.y_train, parts.y_val])


def cross_validate(candidates, train, accuracy, x, y, epochs, folds=FOLDS):
    """Validation accuracy of every candidate on each of ``folds`` folds, each fold validating once.

    ``candidates``, ``train`` and ``accuracy`` are those of the lab's Part 1 (snippets/lab/model_selection.py).
    """
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SPLIT_SEED)  # same mix of species per fold
    scores = {name: [] for name in candidates}
    for train_rows, val_rows in splitter.split(x, y):
        scaler = StandardScaler().fit(x[train_rows])  # mean and spread of this fold's training flowers only
        x_train, x_val = (scaler.transform(x[rows]).astype("float32") for rows in (train_rows, val_rows))
        empty = np.empty((0, x.shape[1]), dtype="float32")
        data = Splits(x_train, y[train_rows], x_val, y[val_rows], empty, y[:0])  # the test set is not used
        for name, build in candidates.items():
            seed_everything()
            model = build()
            train(model, data, epochs)
            scores[name].append(accuracy(model, data.x_val, data.y_val))
    for name, values in scores.items():
        per_fold = " ".join(f"{value:.3f}" for value in values)
        print(f"{name:16} folds: {per_fold}   mean {np.mean(values):.3f} ± {np.std(values):.3f}")
    return scores


# --8<-- [end:folds]


def plot_fold_scores(scores, title):
    """Each candidate's accuracy on every fold (dots) and its mean over the folds (dashed line)."""
    fig, ax = new_figure(height=3.4)
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (name, values) in enumerate(scores.items()):
        folds = np.arange(1, len(values) + 1) + (i - 0.5) * 0.12  # side by side, not on top of each other
        ax.plot(folds, values, "o", color=colors[i], label=name)
        ax.axhline(np.mean(values), color=colors[i], linestyle="--")
    ax.set_xticks(range(1, len(values) + 1))
    ax.set_xlabel("fold")
    ax.set_ylabel("validation accuracy")
    ax.set_title(title)
    ax.legend(loc="lower left")
    return fig


def record_scores(scores):
    """Keep the numbers the lab page quotes (snippets.common.results)."""
    from snippets.common.results import record

    pool, _ = iris_pool()
    record("pool", len(pool))
    record("fold_size", len(pool) // FOLDS)
    for name, values in scores.items():
        key = name.replace(" ", "_").replace("-", "_")  # "16 hidden units" -> "16_hidden_units"
        record(f"{key}_mean", float(np.mean(values)))
        record(f"{key}_std", float(np.std(values)))
        record(f"{key}_min", float(np.min(values)))
        record(f"{key}_max", float(np.max(values)))
