"""The Overfitting page's remedies, each checked against the baseline: the learning-curve run of the same framework."""

import pytest

from tests.support.snippet_runner import line_labels

EPOCHS = 400
BASELINES = {
    "pytorch": "snippets.overfitting.learning_curve_pytorch",
    "tensorflow": "snippets.overfitting.learning_curve_tensorflow",
}
_runs = {}  # each snippet runs once for the whole module: (SnippetRun, what it printed)


def run_once(module, run_snippet, capsys):
    if module not in _runs:
        capsys.readouterr()
        run = run_snippet(module)
        _runs[module] = run, capsys.readouterr().out
    return _runs[module]


def baseline_losses(framework, run_snippet, capsys):
    run, _ = run_once(BASELINES[framework], run_snippet, capsys)
    return run.result


def framework_of(module):
    return module.rsplit("_", 1)[1]


def final_gap(train, val):
    return val[-1] - train[-1]


def check_figure(run, title_start):
    """One plot of both curves, on the page's common scale: epochs 0-400, loss 0.003-2 on a log axis."""
    (figure,) = run.figures
    (ax,) = figure.axes
    assert ax.get_title().startswith(title_start)
    assert line_labels(ax) == ["training loss", "validation loss", "lowest validation loss"]
    assert ax.get_yscale() == "log"
    assert ax.get_xlim() == (0, EPOCHS) and ax.get_ylim() == pytest.approx((0.003, 2.0))


@pytest.mark.parametrize("framework", ["pytorch", "tensorflow"])
def test_baseline_overfits_as_the_remedies_section_says(framework, run_snippet, capsys):
    train, val = baseline_losses(framework, run_snippet, capsys)
    assert val[-1] > 1.5 * min(val), "without a remedy, the final validation loss is over 1.5 times its lowest"


@pytest.mark.parametrize(
    "module",
    [
        "snippets.overfitting.more_data_pytorch",
        "snippets.overfitting.more_data_tensorflow",
        "snippets.overfitting.smaller_model_pytorch",
        "snippets.overfitting.smaller_model_tensorflow",
        "snippets.overfitting.dropout_pytorch",
        "snippets.overfitting.dropout_tensorflow",
        "snippets.overfitting.weight_decay_pytorch",
        "snippets.overfitting.weight_decay_tensorflow",
    ],
)
def test_remedy_keeps_validation_loss_from_rising(module, run_snippet, capsys):
    framework = framework_of(module)
    base_train, base_val = baseline_losses(framework, run_snippet, capsys)
    run, out = run_once(module, run_snippet, capsys)
    train, val = run.result[:2]

    assert len(train) == len(val) == EPOCHS
    assert val[-1] < 1.2 * min(val), "the page: the final validation loss stays within 20 % of its lowest"
    assert final_gap(train, val) < 0.5 * final_gap(base_train, base_val), "the gap is less than half the baseline's"
    assert val[-1] < 0.8 * base_val[-1], "the remedy ends with a clearly lower validation loss than the baseline"
    assert min(val) < 0.3, "the model still learns the sine (validation loss near the noise level 0.16)"
    assert f"epoch {EPOCHS}/{EPOCHS}" in out, "progress is shown"
    check_figure(run, "PyTorch" if framework == "pytorch" else "TensorFlow/Keras")


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.smaller_model_pytorch", "snippets.overfitting.smaller_model_tensorflow"]
)
def test_smaller_model_has_49_parameters(module, run_snippet, capsys):
    run, out = run_once(module, run_snippet, capsys)
    assert run.result[2] == 49
    assert "49 parameters" in out


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.more_data_pytorch", "snippets.overfitting.more_data_tensorflow"]
)
def test_more_data_cannot_be_memorised(module, run_snippet, capsys):
    run, _ = run_once(module, run_snippet, capsys)
    train, _ = run.result
    assert min(train) > 0.05, "the page: with 120 points, the training loss stays well above zero"


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.early_stopping_pytorch", "snippets.overfitting.early_stopping_tensorflow"]
)
def test_early_stopping_stops_and_keeps_the_best_epoch(module, run_snippet, capsys):
    framework = framework_of(module)
    _, base_val = baseline_losses(framework, run_snippet, capsys)
    run, out = run_once(module, run_snippet, capsys)
    train, val, best_epoch, kept_val_loss = run.result

    assert len(val) < 0.5 * EPOCHS, "training stops long before epoch 400"
    assert best_epoch == 1 + min(range(len(val)), key=val.__getitem__), "the kept epoch is the one with lowest loss"
    assert len(val) == best_epoch + 20, "it stops after 20 epochs without a new low (the patience)"
    assert kept_val_loss == pytest.approx(min(val), rel=1e-4), "the weights of the best epoch were put back"
    assert kept_val_loss < 0.8 * base_val[-1], "the kept model beats the baseline's final model"
    assert f"stopped after epoch {len(val)}, kept the weights of epoch {best_epoch}" in out
    check_figure(run, "PyTorch" if framework == "pytorch" else "TensorFlow/Keras")


def adam_first_step(gradient, lr, eps=1e-7):
    """Adam's first update, from zero moments: lr · g / (|g| + eps) (the bias corrections cancel)."""
    return lr * gradient / (abs(gradient) + eps)


W, G, LR, WD = 2.0, 0.5, 0.1, 3.0  # weight, its gradient, learning rate, weight decay
DECAY_FIRST = W * (1 - LR * WD) - adam_first_step(G, LR)  # what the page says: shrink, then the Adam step
DECAY_AFTER = (W - adam_first_step(G, LR)) * (1 - LR * WD)  # the other order, which the page used to say


def test_pytorch_adamw_shrinks_the_weight_before_the_adam_step():
    import torch

    weight = torch.nn.Parameter(torch.tensor([W]))
    optimizer = torch.optim.AdamW([weight], lr=LR, weight_decay=WD, eps=1e-7)
    weight.grad = torch.tensor([G])
    optimizer.step()
    assert weight.item() == pytest.approx(DECAY_FIRST, rel=1e-6)
    assert weight.item() != pytest.approx(DECAY_AFTER, rel=1e-3)


def test_keras_adamw_shrinks_the_weight_before_the_adam_step():
    import keras

    weight = keras.Variable([W])
    optimizer = keras.optimizers.AdamW(learning_rate=LR, weight_decay=WD, epsilon=1e-7)
    optimizer.apply_gradients([(keras.ops.convert_to_tensor([G]), weight)])
    assert float(weight.numpy()[0]) == pytest.approx(DECAY_FIRST, rel=1e-5)
    assert float(weight.numpy()[0]) != pytest.approx(DECAY_AFTER, rel=1e-3)
