"""The 'Outputs and losses' page's claims, checked by running its snippets: every loss against the formula worked
out by hand with NumPy, and the two mistakes doing to the loss what the page says."""

import math

import numpy as np
import pytest

BINARY = ["snippets.losses.binary_pytorch", "snippets.losses.binary_tensorflow"]
FROM_LOGITS = ["snippets.losses.from_logits_pytorch", "snippets.losses.from_logits_tensorflow"]
MULTICLASS = ["snippets.losses.multiclass_pytorch", "snippets.losses.multiclass_tensorflow"]
MULTILABEL = ["snippets.losses.multilabel_pytorch", "snippets.losses.multilabel_tensorflow"]
REGRESSION = ["snippets.losses.regression_pytorch", "snippets.losses.regression_tensorflow"]
MISTAKES = ["snippets.losses.mistakes_pytorch", "snippets.losses.mistakes_tensorflow"]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


def softmax(z):
    e = np.exp(np.asarray(z, dtype=np.float64))
    return e / e.sum(axis=-1, keepdims=True)


def log_loss(p, y):
    """Binary cross-entropy of probabilities ``p`` for labels ``y`` (0 or 1), one value per element."""
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def cross_entropy(logits, labels):
    """Categorical cross-entropy of each row of logits for integer labels: -log softmax(row)[label]."""
    return -np.log(softmax(logits)[np.arange(len(labels)), labels])


def legend_texts(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def assert_every_loss_is(losses: dict, expected: float, out: str) -> None:
    for name, value in losses.items():
        assert value == pytest.approx(expected, rel=1e-5), name
    assert out.count(f"{expected:.4f}") == len(losses), "each loss is printed, rounded to 4 decimals"


@pytest.mark.parametrize("module", BINARY)
def test_binary_cross_entropy_is_the_log_loss_worked_out_by_hand(module, run_snippet, capsys):
    run = run_snippet(module)
    result = run.result
    p = sigmoid(result["logits"])
    np.testing.assert_allclose(result["probabilities"], p, rtol=1e-6)
    assert_every_loss_is(result["losses"], log_loss(p, result["labels"]).mean(), capsys.readouterr().out)

    (figure,) = run.figures
    (ax,) = figure.axes
    assert ax.get_title().endswith("binary cross-entropy (log loss)")
    assert legend_texts(ax) == ["true label 1: -log(p)", "true label 0: -log(1 - p)", "the four examples"]
    probabilities, loss_if_1, loss_if_0 = result["curve"]
    np.testing.assert_allclose(loss_if_1, -np.log(probabilities), rtol=1e-4)
    np.testing.assert_allclose(loss_if_0, -np.log(1 - probabilities), rtol=1e-4)
    assert np.all(np.diff(loss_if_1) < 0) and np.all(np.diff(loss_if_0) > 0), "confidently wrong costs most"


def test_both_frameworks_compute_the_same_binary_loss(run_snippet):
    pytorch, tensorflow = (run_snippet(module).result["losses"] for module in BINARY)
    assert pytorch["BCEWithLogitsLoss"] == pytest.approx(tensorflow["BinaryCrossentropy(from_logits=True)"], rel=1e-6)


@pytest.mark.parametrize("module", FROM_LOGITS)
def test_a_sigmoid_rounded_to_one_breaks_the_loss_from_probabilities_but_not_from_logits(module, run_snippet, capsys):
    result = run_snippet(module).result
    z, y = result["logit"], result["label"]
    true_loss = np.logaddexp(0.0, z) - y * z  # log(1 + e^z) - y z, in float64
    assert (z, y) == (20.0, 0.0)
    assert result["probability"] == 1.0, "sigmoid(20) is exactly 1.0 in float32"

    loss, gradient = result["from_logit"]
    assert loss == pytest.approx(true_loss, rel=1e-6)
    assert gradient == pytest.approx(sigmoid(z) - y, rel=1e-6), "the gradient of the log loss: p - y"
    assert result["stable"] == pytest.approx(true_loss, rel=1e-6)

    loss, gradient = result["from_probability"]
    if module.endswith("pytorch"):
        assert loss == 100.0, "BCELoss clamps log(0) at -100"
    else:
        assert loss == pytest.approx(-np.log(1 - np.float32(1 - 1e-7)), rel=1e-5), "Keras clips p to 1 - 1e-7"
        assert result["keras_sigmoid"] == pytest.approx(result["from_logit"], rel=1e-6), "Keras uses the logits"
    assert abs(loss - true_loss) > 4, "the loss from the rounded probability is wrong"
    assert gradient == 0.0, "and it has no gradient: the model cannot learn from this mistake"
    assert "sigmoid(20) in float32: 1.0" in capsys.readouterr().out


@pytest.mark.parametrize("module", MULTICLASS)
def test_cross_entropy_is_the_same_with_integer_and_one_hot_labels(module, run_snippet, capsys):
    result = run_snippet(module).result
    labels, logits = result["labels"], result["logits"]
    np.testing.assert_array_equal(result["one_hot"], np.eye(3)[labels])
    np.testing.assert_allclose(result["probabilities"], softmax(logits), rtol=1e-5)
    np.testing.assert_allclose(result["probabilities"].sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_array_equal(result["predicted"], logits.argmax(axis=1))
    assert_every_loss_is(result["losses"], cross_entropy(logits, labels).mean(), capsys.readouterr().out)


@pytest.mark.parametrize("module", MULTILABEL)
def test_multi_label_loss_is_binary_cross_entropy_per_label(module, run_snippet, capsys):
    result = run_snippet(module).result
    p = sigmoid(result["logits"])
    np.testing.assert_array_equal(result["predicted"], p > 0.5)
    assert np.abs(p.sum(axis=1) - 1).max() > 0.5, "the probabilities of one example need not add up to 1"
    out = capsys.readouterr().out
    assert_every_loss_is(result["losses"], log_loss(p, result["labels"]).mean(), out)
    assert "predicted labels: ['cat', 'dog']" in out and "predicted labels: []" in out


@pytest.mark.parametrize("module", REGRESSION)
def test_regression_loss_is_the_mean_squared_error(module, run_snippet, capsys):
    result = run_snippet(module).result
    errors = result["predictions"].astype(np.float64) - result["targets"]
    assert_every_loss_is(result["losses"], (errors**2).mean(), capsys.readouterr().out)


SOFTMAX_FIRST_FLOOR = math.log(1 + 2 / math.e)  # -log softmax([1, 0, 0])[0]
SIGMOID_FIRST_FLOOR = math.log(1 + math.exp(-1))  # the log loss of label 1 for the "logit" 1


@pytest.mark.parametrize("module", MISTAKES)
def test_the_two_mistakes_keep_the_loss_of_right_predictions_high(module, run_snippet):
    run = run_snippet(module)
    result = run.result

    right, mistaken = result["softmax_first"]
    assert right == pytest.approx(cross_entropy([[10.0, 0.0, 0.0]], [0])[0], rel=1e-3)
    assert mistaken == pytest.approx(cross_entropy(softmax([[10.0, 0.0, 0.0]]), [0])[0], rel=1e-5)
    assert mistaken > 1000 * right, "a confident, right prediction still costs a lot"

    right, mistaken = map(np.array, result["sigmoid_first"])
    labels = np.array([1.0, 0.0])
    np.testing.assert_allclose(right, log_loss(sigmoid([10.0, -10.0]), labels), atol=1e-6)
    np.testing.assert_allclose(mistaken, log_loss(sigmoid(sigmoid([10.0, -10.0])), labels), rtol=1e-5)
    assert mistaken[1] >= math.log(2) - 1e-6, "for label 0 the mistake is never better than a coin toss"

    for name, floor in [("softmax first", SOFTMAX_FIRST_FLOOR), ("sigmoid first", SIGMOID_FIRST_FLOOR)]:
        _, right_curve, mistaken_curve = result["curves"][name]
        assert right_curve.min() < 0.01, "the right loss falls to about 0 for confident, right predictions"
        assert mistaken_curve.min() >= floor - 1e-6, "the mistaken loss never goes under the floor"
        assert mistaken_curve.min() == pytest.approx(floor, abs=1e-3)
        assert mistaken_curve.max() < 1.5 < right_curve.max(), "and it barely rises for wrong predictions"

    (figure,) = run.figures
    for ax, floor in zip(figure.axes, [SOFTMAX_FIRST_FLOOR, SIGMOID_FIRST_FLOOR]):
        assert legend_texts(ax) == [
            "right: the loss gets the logits",
            "mistake: probabilities passed in",
            "lowest loss the mistake allows",
        ]
        assert ax.get_lines()[2].get_ydata()[0] == pytest.approx(floor), "the floor line is drawn where it belongs"
    assert [ax.get_title().split(": ")[1].split(" before")[0] for ax in figure.axes] == ["softmax", "sigmoid"]


def test_keras_finds_the_logits_behind_its_own_softmax_and_warns(run_snippet):
    result = run_snippet("snippets.losses.mistakes_tensorflow").result
    assert result["keras_softmax"] == pytest.approx(result["softmax_first"][0], rel=1e-5)
    assert "from_logits=True" in result["warning"] and "Softmax" in result["warning"]
