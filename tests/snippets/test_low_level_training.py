"""The 'Training models with the low-level API' page's claims, checked by running its snippets."""

import pytest

from tests.support.snippet_runner import line_labels

TRUE_SLOPE, TRUE_INTERCEPT, TOLERANCE = 2.0, -1.0, 0.1  # the page: within 0.1 of the true values
BLOBS_FLOOR = 0.90  # the page: logistic regression classifies at least 90% of the validation points correctly
MLP_FLOOR, SINGLE_LAYER_CEILING, MARGIN = 0.95, 0.90, 0.08  # the page: MLP at least 95%, single layer under 90%
CURVES_FLOOR = 0.93  # the page: the MLP of the training-curves section ends above 93% validation accuracy
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
    assert losses[-1] < 0.05 * losses[0], "loss falls"
    assert 0.15 < losses[-1] < 0.35, "the final loss is about the noise variance, 0.5 ** 2"
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

    assert run.result["val_accuracy"] >= BLOBS_FLOOR
    assert losses[-1] < losses[0], "loss falls"
    assert "validation accuracy" in capsys.readouterr().out

    (figure,) = run.figures
    (ax,) = figure.axes
    assert "logistic regression" in ax.get_title()
    assert legend_texts(ax) == ["class 0", "class 1", "decision boundary"]


@pytest.mark.parametrize("module", ["snippets.low_level.mlp_pytorch", "snippets.low_level.mlp_tensorflow"])
def test_the_mlp_succeeds_where_a_single_layer_fails(module, run_snippet, capsys):
    run = run_snippet(module)
    single = run.result["Single layer (logistic regression)"]
    mlp = run.result["MLP (two hidden layers)"]

    assert single < SINGLE_LAYER_CEILING, "a straight line cannot separate the moons"
    assert mlp >= MLP_FLOOR
    assert mlp - single >= MARGIN
    assert capsys.readouterr().out.count("validation accuracy") == 2

    (figure,) = run.figures
    left, right = figure.axes
    assert left.get_title() == "Single layer (logistic regression)"
    assert right.get_title() == "MLP (two hidden layers)"
    for ax in (left, right):
        assert legend_texts(ax) == ["class 0", "class 1", "decision boundary"]


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

    assert all(len(values) == epochs for values in history.values())
    assert history["train_loss"][-1] < 0.3 * history["train_loss"][0], "training loss falls"
    assert history["val_loss"][-1] < 0.5 * history["val_loss"][0], "validation loss falls too"
    assert history["val_accuracy"][-1] >= CURVES_FLOOR
    assert f"epoch {epochs}/{epochs}" in capsys.readouterr().out

    (figure,) = run.figures
    loss_ax, accuracy_ax = figure.axes
    assert (loss_ax.get_title(), accuracy_ax.get_title()) == ("Loss", "Accuracy")
    for ax, metric in [(loss_ax, "loss"), (accuracy_ax, "accuracy")]:
        assert line_labels(ax) == ["training", "validation"]
        assert list(ax.get_lines()[1].get_ydata()) == history["val_" + metric]
