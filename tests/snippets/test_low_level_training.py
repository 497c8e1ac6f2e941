"""The 'Training models with the low-level API' page's claims, checked by running its snippets."""

import math

import pytest

from tests.support.snippet_runner import line_labels

TRUE_SLOPE, TRUE_INTERCEPT, TOLERANCE = 2.0, -1.0, 0.1  # the page: within 0.1 of the true values
BLOBS_FLOOR = 0.90  # the page: logistic regression classifies at least 90% of the validation points correctly
MLP_FLOOR, SINGLE_LAYER_CEILING, MARGIN = 0.95, 0.90, 0.08  # the page: MLP at least 95%, single layer under 90%
CURVES_FLOOR = 0.93  # the page: the MLP of the training-curves section ends above 93% validation accuracy
COIN_TOSS_LOSS = math.log(2)  # the trivial classifier: probability 0.5 for every point (classes are balanced)
MAJORITY_ACCURACY = 0.5  # the trivial classifier: always the same class, right for half the points
MLP_PARAMETERS = 337  # 2*16 + 16 + 16*16 + 16 + 16*1 + 1

LINEAR_REGRESSION = ["snippets.low_level.linear_regression_pytorch", "snippets.low_level.linear_regression_tensorflow"]


def legend_texts(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


@pytest.mark.parametrize("module", LINEAR_REGRESSION)
def test_linear_regression_finds_the_true_line(module, run_snippet, capsys):
    run = run_snippet(module)
    losses = run.result["losses"]

    assert abs(run.result["slope"] - TRUE_SLOPE) < TOLERANCE
    assert abs(run.result["intercept"] - TRUE_INTERCEPT) < TOLERANCE
    assert losses[-1] < 0.05 * losses[0], "loss falls far below the untrained model's (w = b = 0)"
    # The page: the trained line ends slightly below the true line's loss (the noise's mean square), never above.
    true_line = run.result["true_line_loss"]
    assert 0.15 < true_line < 0.35, "the noise's mean square is about its variance, 0.5 ** 2"
    assert true_line - 0.02 < losses[-1] <= true_line + 1e-6
    out = capsys.readouterr().out
    assert "epoch 50/50" in out and "fitted slope" in out

    (figure,) = run.figures
    (ax,) = figure.axes
    assert "linear regression" in ax.get_title()
    assert line_labels(ax) == ["fitted line", "true line"]
    assert legend_texts(ax) == ["data", "fitted line", "true line"]


def test_both_frameworks_fit_the_same_line(run_snippet):
    pytorch, tensorflow = (run_snippet(module).result for module in LINEAR_REGRESSION)
    assert pytorch["slope"] == pytest.approx(tensorflow["slope"], abs=1e-3)
    assert pytorch["intercept"] == pytest.approx(tensorflow["intercept"], abs=1e-3)


@pytest.mark.parametrize(
    "module", ["snippets.low_level.classification_pytorch", "snippets.low_level.classification_tensorflow"]
)
def test_logistic_regression_separates_the_blobs(module, run_snippet, capsys):
    run = run_snippet(module)
    losses = run.result["losses"]

    result = run.result
    # The page: training lowers the validation loss from the untrained layer's, and the accuracy passes the
    # floor; both far from the trivial classifiers (a coin toss, always one class).
    assert result["val_loss"] < 0.75 * result["untrained_val_loss"], "the validation loss falls with training"
    assert result["val_loss"] < 0.5 * COIN_TOSS_LOSS
    assert result["val_accuracy"] >= BLOBS_FLOOR >= MAJORITY_ACCURACY + 0.3
    assert losses[-1] < losses[0], "training loss falls"
    assert "validation accuracy" in capsys.readouterr().out

    (figure,) = run.figures
    (ax,) = figure.axes
    assert "logistic regression" in ax.get_title()
    assert legend_texts(ax) == ["class 0", "class 1", "decision boundary"]


@pytest.mark.parametrize("module", ["snippets.low_level.mlp_pytorch", "snippets.low_level.mlp_tensorflow"])
def test_the_mlp_succeeds_where_a_single_layer_fails(module, run_snippet, capsys):
    run = run_snippet(module)
    single = run.result["val_accuracy"]["Single layer (logistic regression)"]
    mlp = run.result["val_accuracy"]["MLP (two hidden layers)"]
    single_losses = run.result["losses"]["Single layer (logistic regression)"]
    mlp_losses = run.result["losses"]["MLP (two hidden layers)"]

    assert single < SINGLE_LAYER_CEILING, "a straight line cannot separate the moons"
    two_thirds = single_losses[2 * len(single_losses) // 3 - 1]  # epoch 200 of 300, as the page quotes
    assert single_losses[-1] < two_thirds, "the page: the single layer's loss still falls at the end"
    assert mlp >= MLP_FLOOR >= MAJORITY_ACCURACY + 0.4
    assert mlp - single >= MARGIN
    assert mlp_losses[-1] < 0.2 * mlp_losses[0], "the MLP's training loss falls far below the untrained model's"
    assert capsys.readouterr().out.count("validation accuracy") == 2

    (figure,) = run.figures
    left, right = figure.axes
    assert left.get_title() == "Single layer (logistic regression)"
    assert right.get_title() == "MLP (two hidden layers)"
    for ax in (left, right):
        assert legend_texts(ax) == ["class 0", "class 1", "decision boundary"]


def test_even_the_straight_line_of_lowest_loss_stays_under_the_ceiling_on_the_moons():
    """The page: training the single layer longer would not help: the best straight line does no better."""
    from sklearn.linear_model import LogisticRegression

    from snippets.common.data import two_moons

    (x, y), (x_val, y_val) = two_moons(300, seed=0), two_moons(300, seed=1)
    best_line = LogisticRegression(C=1e6, max_iter=10_000).fit(x, y.ravel())  # (almost) no regularisation
    assert best_line.score(x_val, y_val.ravel()) < SINGLE_LAYER_CEILING


def test_pytorch_sequential_and_subclass_are_the_same_network(run_snippet, capsys):
    import torch

    from snippets.low_level.models_pytorch import MLP, sequential_mlp

    counts = run_snippet("snippets.low_level.models_pytorch").result
    assert list(counts.values()) == [MLP_PARAMETERS, MLP_PARAMETERS]
    assert f"{MLP_PARAMETERS} parameters" in capsys.readouterr().out

    # Given the same weights, the two models compute the same function.
    sequential, subclass = sequential_mlp(), MLP()
    with torch.no_grad():
        for mine, theirs in zip(sequential.parameters(), subclass.parameters(), strict=True):
            mine.copy_(theirs)
        x = torch.randn(20, 2)
        torch.testing.assert_close(sequential(x), subclass(x))


def test_tensorflow_modules_are_the_same_network(run_snippet, capsys):
    import tensorflow as tf

    from snippets.low_level.models_tensorflow import MLP, sequential_mlp

    counts = run_snippet("snippets.low_level.models_tensorflow").result
    assert list(counts.values()) == [MLP_PARAMETERS, MLP_PARAMETERS]
    assert f"{MLP_PARAMETERS} parameters" in capsys.readouterr().out

    sequential, subclass = sequential_mlp(), MLP()
    for mine, theirs in zip(sequential.trainable_variables, subclass.trainable_variables, strict=True):
        mine.assign(theirs)
    x = tf.random.normal((20, 2))
    tf.debugging.assert_near(sequential(x), subclass(x))


@pytest.mark.parametrize("module", ["snippets.low_level.curves_pytorch", "snippets.low_level.curves_tensorflow"])
def test_training_curves_record_every_epoch(module, run_snippet, capsys):
    run = run_snippet(module)
    history = run.result
    epochs = len(history["train_loss"])

    untrained = history.pop("untrained")
    assert all(len(values) == epochs for values in history.values())
    assert history["train_loss"][-1] < 0.3 * history["train_loss"][0], "training loss falls"
    assert history["val_loss"][-1] < 0.5 * history["val_loss"][0], "validation loss falls too"
    # The page: from the untrained model's validation loss and accuracy to the trained model's.
    assert history["val_loss"][-1] < 0.3 * min(untrained["val_loss"], COIN_TOSS_LOSS)
    assert history["val_accuracy"][-1] >= CURVES_FLOOR >= MAJORITY_ACCURACY + 0.4
    assert history["val_accuracy"][-1] >= untrained["val_accuracy"] + 0.1
    assert f"epoch {epochs}/{epochs}" in capsys.readouterr().out

    (figure,) = run.figures
    loss_ax, accuracy_ax = figure.axes
    assert (loss_ax.get_title(), accuracy_ax.get_title()) == ("Loss", "Accuracy")
    for ax, metric in [(loss_ax, "loss"), (accuracy_ax, "accuracy")]:
        assert line_labels(ax) == ["training", "validation"]
        assert list(ax.get_lines()[1].get_ydata()) == history["val_" + metric]


def test_a_keras_dropout_layer_drops_only_when_called_with_training_true():
    """The page: in a custom TensorFlow loop, `training=True` switches dropout on; without it dropout does nothing."""
    import keras
    import numpy as np

    keras.utils.set_random_seed(0)
    dropout = keras.layers.Dropout(0.5)
    x = np.ones((1, 1000), dtype="float32")
    np.testing.assert_array_equal(dropout(x), x)
    dropped = np.asarray(dropout(x, training=True))
    assert 0.3 < (dropped == 0).mean() < 0.7, "about half the values are dropped"
    assert set(np.unique(dropped)) == {0.0, 2.0}, "the others are scaled by 1 / (1 - 0.5)"
