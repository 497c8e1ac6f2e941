"""The Overfitting page's claims, checked by running its snippets."""

import pytest

from tests.support.snippet_runner import line_labels


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


@pytest.mark.parametrize(
    "module", ["snippets.overfitting.learning_curve_pytorch", "snippets.overfitting.learning_curve_tensorflow"]
)
def test_learning_curve_validation_loss_turns_up(module, run_snippet, capsys):
    run = run_snippet(module)
    train, val = run.result
    epochs = len(train)
    best = min(range(epochs), key=val.__getitem__)

    assert train[-1] < 0.1 * train[0], "training loss keeps falling"
    assert 0.05 * epochs < best < 0.6 * epochs, f"lowest validation loss at epoch {best + 1} of {epochs}"
    assert val[-1] > 1.3 * val[best], "validation loss rises after its lowest point"
    assert min(train[best:]) < train[best], "training loss still falls after that point"
    assert f"epoch {epochs}/{epochs}" in capsys.readouterr().out, "progress is shown"

    (figure,) = run.figures
    (ax,) = figure.axes
    assert line_labels(ax)[:2] == ["training loss", "validation loss"]
    assert ax.get_yscale() == "log"
