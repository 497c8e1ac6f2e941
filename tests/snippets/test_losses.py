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
        # The page: inside tf.function the same tf.sigmoid loss is rescued (the true loss, gradient 1.0).
        in_graph_loss, in_graph_gradient = result["from_probability_in_graph"]
        assert in_graph_loss == pytest.approx(true_loss, rel=1e-6)
        assert in_graph_gradient == pytest.approx(1.0, rel=1e-6)
    assert abs(loss - true_loss) > 4, "the loss from the rounded probability is wrong"
    assert gradient == 0.0, "and it has no gradient: the model cannot learn from this mistake"
    assert "sigmoid(20) in float32: 1.0" in capsys.readouterr().out


KERAS_ON_THE_TORCH_BACKEND = """
import keras, torch
z = torch.tensor([[20.0]], requires_grad=True)
loss = keras.losses.BinaryCrossentropy()(torch.tensor([[0.0]]), keras.activations.sigmoid(z))
loss.backward()
print(keras.backend.backend(), float(loss), float(z.grad[0, 0]))
"""


def test_keras_on_the_torch_backend_only_clips_even_its_own_sigmoid():
    """The page: with the JAX or PyTorch backend Keras does not look for the logits; it only clips."""
    import os
    import subprocess
    import sys

    environment = {**os.environ, "KERAS_BACKEND": "torch"}
    done = subprocess.run(
        [sys.executable, "-c", KERAS_ON_THE_TORCH_BACKEND], env=environment, capture_output=True, text=True, timeout=240
    )
    backend, loss, gradient = done.stdout.split()
    assert backend == "torch"
    assert float(loss) == pytest.approx(-np.log(1 - np.float32(1 - 1e-7)), rel=1e-5), "clipped, not the true 20"
    assert float(gradient) == 0.0


def test_a_tf_softmax_is_rescued_inside_tf_function_but_not_eagerly():
    """The page: a softmax from tf.nn.softmax before a loss from logits gets Keras's help only in a graph."""
    import keras
    import tensorflow as tf

    cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    logits, label = tf.constant([[10.0, 0.0, 0.0]]), tf.constant([0])

    def softmax_first(z):
        return cross_entropy(label, tf.nn.softmax(z))

    right = float(cross_entropy(label, logits))
    assert float(softmax_first(logits)) > 1000 * right, "eagerly: two softmaxes"
    with pytest.warns(UserWarning, match="from_logits=True"):  # Keras says it found a Softmax, not logits
        in_graph = float(tf.function(softmax_first)(logits))
    assert in_graph == pytest.approx(right, rel=1e-4), "in a graph: the loss uses the logits behind the softmax"


def test_log_softmax_then_nll_is_cross_entropy_and_log_of_softmax_is_not_safe():
    """The page: nn.LogSoftmax + nn.NLLLoss compute what nn.CrossEntropyLoss does; log(softmax) can reach -inf."""
    import torch
    from torch import nn

    logits, labels = torch.tensor([[0.0, 200.0], [2.0, 1.0]]), torch.tensor([0, 1])
    expected = nn.CrossEntropyLoss()(logits, labels)
    assert nn.NLLLoss()(nn.LogSoftmax(dim=1)(logits), labels) == pytest.approx(expected.item(), rel=1e-6)
    assert expected.item() == pytest.approx((200 + np.log1p(np.exp(1.0))) / 2, rel=1e-5)
    assert torch.isinf(nn.NLLLoss()(torch.log(torch.softmax(logits, dim=1)), labels)), "softmax rounds to 0"


@pytest.mark.parametrize("module", MULTICLASS)
def test_cross_entropy_is_the_same_with_integer_and_one_hot_labels(module, run_snippet, capsys):
    result = run_snippet(module).result
    labels, logits = result["labels"], result["logits"]
    terms = cross_entropy(logits, labels)
    np.testing.assert_allclose(result["terms"], terms, rtol=1e-5)
    largest = terms.argmax()
    assert result["predicted"][largest] != labels[largest], "the page: the largest term is a wrong prediction"
    assert (result["predicted"] != labels).sum() >= 1
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
