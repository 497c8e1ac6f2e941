"""The Overfitting page's claims, checked by running its snippets."""

import numpy as np
import pytest

from snippets.common.data import sine_train_val
from tests.support.snippet_runner import line_labels


def mean_baseline_val_loss(extra_train=0):
    """The trivial baseline: predict the mean of the training targets everywhere; its validation loss."""
    _, y_train, _, y_val = sine_train_val(extra_train)
    return float(np.mean((y_val - y_train.mean()) ** 2))


def test_five_points_seven_parameters_memorise_the_training_points(run_snippet, capsys):
    run = run_snippet("snippets.overfitting.five_points")
    (line_train, line_val), (poly_train, poly_val) = run.result[2], run.result[7]

    # The page: the line's training and validation errors are about the same size...
    assert 3 < line_train < 9 and 3 < line_val < 9
    assert 0.5 < line_val / line_train < 2
    # ...the 7-parameter polynomial has zero training error and a validation error several times larger.
    assert poly_train < 1e-10
    assert poly_val > 3 * line_val
    assert "7 parameters: training error 0.00" in capsys.readouterr().out

    (figure,) = run.figures
    left, right = figure.axes
    assert "2 parameters" in left.get_title() and "7 parameters" in right.get_title()
    for ax in (left, right):
        assert len(ax.collections) == 2  # training and validation points
        assert line_labels(ax) == ["model"]


def test_bias_variance_decomposition_of_the_five_point_models(run_snippet, capsys):
    import inspect

    from snippets.overfitting import five_points

    run = run_snippet("snippets.overfitting.bias_variance")
    parts, noise_variance = run.result
    out = capsys.readouterr().out

    # The page: sigma² is the five-point example's own noise, standard deviation 2.5.
    assert "noise=2.5" in inspect.getsource(five_points) and noise_variance == 2.5**2
    for n_params, (bias2, variance, measured) in parts.items():
        # bias² + variance + sigma² is the error measured directly on fresh noisy points.
        assert bias2 + variance + noise_variance == pytest.approx(measured, rel=0.03), n_params
        assert f"{n_params} parameters: bias²" in out
    (bias2_line, var_line, _), (bias2_poly, var_poly, _) = parts[2], parts[7]
    # Both are right on average (the true rule is a line); the polynomial's extra error is variance.
    assert bias2_line < 0.05 * var_line and bias2_poly < 0.05 * var_line
    assert var_poly > 3 * var_line

    (figure,) = run.figures
    for ax in figure.axes:
        assert len(ax.get_lines()) == 12  # 10 fits, their average over all training sets, the true line
        assert line_labels(ax)[-2:] == ["average of all fitted models", "true line"]
        assert ax.get_legend() is not None


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.learning_curve_pytorch", "snippets.overfitting.learning_curve_tensorflow"]
)
def test_learning_curve_validation_loss_turns_up(module, run_snippet, capsys):
    run = run_snippet(module)
    train, val = run.result
    epochs = len(train)
    best = min(range(epochs), key=val.__getitem__)

    # "At first both losses fall: the network is learning the shape of the sine": its best validation loss is
    # below half the trivial baseline's (predicting the training mean: about 0.7; the page's lowest is near 0.2),
    # and not below the noise the page says no model can beat.
    assert val[best] < 0.5 * mean_baseline_val_loss()
    assert val[best] > 0.12, "no model gets much below the noise variance 0.16"
    assert train[-1] < 0.1 * train[0], "training loss keeps falling"
    assert 0.05 * epochs < best < 0.6 * epochs, f"lowest validation loss at epoch {best + 1} of {epochs}"
    assert val[-1] > 1.3 * val[best], "validation loss rises after its lowest point"
    assert min(train[best:]) < train[best], "training loss still falls after that point"
    assert f"epoch {epochs}/{epochs}" in capsys.readouterr().out, "progress is shown"

    (figure,) = run.figures
    (ax,) = figure.axes
    assert line_labels(ax)[:2] == ["training loss", "validation loss"]
    assert ax.get_yscale() == "log"


def test_training_moves_the_weights_further_the_longer_it_runs():
    """The page (early stopping is a regulariser): training moves the weights away from their starting values
    the further the longer it runs, so stopping at the best epoch keeps them closer."""
    import torch

    from snippets.common.reproducibility import seed_everything
    from snippets.common.sine_regression_pytorch import large_network, train_and_validate

    seed_everything()
    model = large_network()
    start = torch.nn.utils.parameters_to_vector(model.parameters()).detach().clone()
    distances = []

    def measure(model, val_loss):
        distances.append((torch.nn.utils.parameters_to_vector(model.parameters()) - start).norm().item())
        return False

    _, val = train_and_validate(model, torch.optim.Adam(model.parameters(), lr=0.01), sine_train_val(), 400, measure)
    best = min(range(len(val)), key=val.__getitem__)
    assert distances[best] < 0.8 * distances[-1]
    assert all(a <= b for a, b in zip(distances[best::50], distances[best + 50 :: 50]))
