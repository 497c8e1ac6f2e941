"""The Overfitting page's remedies, each checked against the baseline: the learning-curve run of the same framework."""

import pytest

from snippets.common.data import sine_train_val
from tests.snippets.test_overfitting import mean_baseline_val_loss
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


def assert_learned_the_sine(train, val):
    """What every training run on the page achieved, whatever else it shows: its lowest validation loss is below
    half the trivial baseline's (predicting the training mean: about 0.7; the page's runs reach 0.18-0.27), and its
    training loss fell well below the untrained network's."""
    assert min(val) < 0.5 * mean_baseline_val_loss(), "the network did not learn the sine"
    assert min(train) < 0.5 * train[0], "the training loss hardly fell from the untrained network's"


def check_figure(run, title_start, epochs=EPOCHS):
    """One plot of both curves, on the page's common scale: epochs 0 to the run's length, loss 0.003-2 on a log axis."""
    (figure,) = run.figures
    (ax,) = figure.axes
    assert ax.get_title().startswith(title_start)
    assert line_labels(ax) == ["training loss", "validation loss", "lowest validation loss"]
    assert ax.get_yscale() == "log"
    assert ax.get_xlim() == (0, epochs) and ax.get_ylim() == pytest.approx((0.003, 2.0))


@pytest.mark.parametrize("framework", ["pytorch", "tensorflow"])
def test_baseline_overfits_as_the_remedies_section_says(framework, run_snippet, capsys):
    train, val = baseline_losses(framework, run_snippet, capsys)
    assert val[-1] > 1.5 * min(val), "without a remedy, the final validation loss is over 1.5 times its lowest"
    assert min(val) < 0.5 * mean_baseline_val_loss(), "it learned the sine before it overfitted"


REMEDIES_OF_400_EPOCHS = [
    "snippets.overfitting.more_data_pytorch",
    "snippets.overfitting.more_data_tensorflow",
    "snippets.overfitting.dropout_pytorch",
    "snippets.overfitting.dropout_tensorflow",
    "snippets.overfitting.weight_decay_pytorch",
    "snippets.overfitting.weight_decay_tensorflow",
]
SMALLER_MODEL = ["snippets.overfitting.smaller_model_pytorch", "snippets.overfitting.smaller_model_tensorflow"]


@pytest.mark.parametrize("module", REMEDIES_OF_400_EPOCHS + SMALLER_MODEL)
def test_remedy_ends_clearly_better_and_keeps_validation_loss_from_rising(module, run_snippet, capsys):
    framework = framework_of(module)
    base_train, base_val = baseline_losses(framework, run_snippet, capsys)
    run, out = run_once(module, run_snippet, capsys)
    train, val = run.result[:2]
    epochs = 2000 if module in SMALLER_MODEL else EPOCHS

    assert len(train) == len(val) == epochs
    # The table: at the end of the run, every remedy does clearly better than the network without one...
    assert val[-1] < 0.8 * base_val[-1], "the remedy ends with a clearly lower validation loss than the baseline"
    # ...because it keeps the validation loss from rising after its lowest point (the baseline's rises by half).
    assert val[-1] < 1.2 * min(val), "the final validation loss stays close to its lowest"
    assert final_gap(train, val) < 0.5 * final_gap(base_train, base_val), "the gap is less than half the baseline's"
    assert_learned_the_sine(train, val)
    assert f"epoch {epochs}/{epochs}" in out, "progress is shown"
    check_figure(run, "PyTorch" if framework == "pytorch" else "TensorFlow/Keras", epochs)


@pytest.mark.parametrize("module", REMEDIES_OF_400_EPOCHS + SMALLER_MODEL)
def test_only_more_data_clearly_lowers_the_best_validation_loss(module, run_snippet, capsys):
    _, base_val = baseline_losses(framework_of(module), run_snippet, capsys)
    run, _ = run_once(module, run_snippet, capsys)
    assert_learned_the_sine(*run.result[:2])
    best = min(run.result[1])
    if "more_data" in module:
        assert best < 0.95 * min(base_val), "more data does clearly better at its best epoch"
    elif module in SMALLER_MODEL:
        assert best > min(base_val), "the smaller model's lowest value is higher than the large network's (bias)"
    else:
        assert best > 0.9 * min(base_val), "the other remedies hardly lower the best value"


@pytest.mark.parametrize("module", SMALLER_MODEL)
def test_smaller_model_cannot_memorise_and_stays_flat_when_trained_five_times_longer(module, run_snippet, capsys):
    run, out = run_once(module, run_snippet, capsys)
    train, val, n_params = run.result
    assert_learned_the_sine(train, val)
    assert n_params == 13 and "13 parameters" in out
    assert val[-1] <= 1.05 * val[EPOCHS - 1], "no rise from epoch 400 to epoch 2000"
    assert min(train) > 0.1, "the training loss stays far from zero: 4 bends cannot pass through 12 points"


def test_four_relu_units_make_at_most_four_bends():
    """The page: a network of ReLU units draws a broken line with a bend where a unit switches on."""
    import torch

    from snippets.overfitting.smaller_model_pytorch import small_network

    for seed in range(5):
        torch.manual_seed(seed)
        x = torch.linspace(-3, 3, 6001, dtype=torch.float64).reshape(-1, 1)
        with torch.no_grad():
            y = small_network().double()(x).squeeze()
        slopes = torch.diff(y) / torch.diff(x.squeeze())
        changes = torch.diff(slopes).abs() > 1e-6
        # A bend between two grid points changes the slope twice in a row: count runs of changes.
        bends = (changes[1:] & ~changes[:-1]).sum().item() + int(changes[0])
        assert bends <= 4


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.more_data_pytorch", "snippets.overfitting.more_data_tensorflow"]
)
def test_more_data_slows_memorising(module, run_snippet, capsys):
    run, _ = run_once(module, run_snippet, capsys)
    train, val = run.result
    assert_learned_the_sine(train, val)
    base_train, _ = baseline_losses(framework_of(module), run_snippet, capsys)
    assert len(sine_train_val(extra_train=108)[0]) == 120
    assert 128 >= 120 - 2, "one layer of 128 ReLU units has bends enough to pass through 120 points"
    assert train[-1] > 0.05 and train[-1] > 3 * base_train[-1], "after 400 epochs the training loss is far from zero"


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.early_stopping_pytorch", "snippets.overfitting.early_stopping_tensorflow"]
)
def test_early_stopping_stops_and_keeps_the_best_epoch(module, run_snippet, capsys):
    framework = framework_of(module)
    _, base_val = baseline_losses(framework, run_snippet, capsys)
    run, out = run_once(module, run_snippet, capsys)
    train, val, best_epoch, kept_val_loss = run.result
    assert_learned_the_sine(train, val)

    assert len(val) < 0.5 * EPOCHS, "training stops long before epoch 400"
    assert best_epoch == 1 + min(range(len(val)), key=val.__getitem__), "the kept epoch is the one with lowest loss"
    assert len(val) == best_epoch + 20, "it stops after 20 epochs without a new low (the patience)"
    assert kept_val_loss == pytest.approx(min(val), rel=1e-4), "the weights of the best epoch were put back"
    assert kept_val_loss < 0.8 * base_val[-1], "the kept model beats the baseline's final model"
    assert kept_val_loss < 0.5 * mean_baseline_val_loss(), "and it learned the sine (trivial baseline: the mean)"
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


def test_a_few_more_units_memorise_again_given_enough_epochs():
    """The page: with a few more units than the smaller model's 4, the network could memorise again. 16 units,
    1000 epochs: the training loss falls far below the 4-unit network's, and the validation loss turns up."""
    import torch
    from torch import nn

    from snippets.common.reproducibility import seed_everything
    from snippets.common.sine_regression_pytorch import train_and_validate

    seed_everything()
    model = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train, val = train_and_validate(model, optimizer, sine_train_val(), 1000)
    assert train[-1] < 0.1, "below the 4-unit network's floor (about 0.17)"
    assert val[-1] > 1.3 * min(val), "the validation loss rises again"
