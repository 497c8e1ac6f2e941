"""The lab's cross-validation: folds, the spread of the scores, and what the page concludes from it."""

import numpy as np
import pytest

from snippets.lab.cross_validation import FOLDS, iris_pool
from snippets.lab.datasets import iris_data

CROSS_VALIDATION = ["snippets.lab.cross_validation_pytorch", "snippets.lab.cross_validation_tensorflow"]


def test_the_pool_is_every_flower_but_the_test_set():
    x, y = iris_pool()
    assert len(x) == 120 and np.bincount(y).tolist() == [40, 40, 40]
    test = iris_data()  # standardised: compare sizes and labels, not values
    assert len(x) + len(test.x_test) == 150


@pytest.mark.parametrize("module", CROSS_VALIDATION)
def test_folds_give_scores_whose_spread_exceeds_the_difference_between_candidates_and_are_plotted(
    module, run_snippet, capsys
):
    run = run_snippet(module)
    scores = run.result
    assert list(scores) == ["single-layer", "16 hidden units"]
    for values in scores.values():
        assert len(values) == FOLDS
        assert all(round(v * 24) == pytest.approx(v * 24) for v in values), "24 validation flowers per fold"
        assert np.mean(values) >= 0.9, "both candidates classify most flowers of every fold"
        assert np.max(values) - np.min(values) >= 2 / 24, "the folds disagree by two flowers or more"
    means = [np.mean(values) for values in scores.values()]
    spreads = [np.std(values) for values in scores.values()]
    assert abs(means[0] - means[1]) < min(spreads), "the difference is smaller than the spread over folds"
    out = capsys.readouterr().out
    assert "120 flowers, 24 validation flowers per fold" in out and " ± " in out

    # The figure: every fold's score as a dot, each candidate's mean as a dashed line.
    (figure,) = run.figures
    (ax,) = figure.axes
    assert ax.get_title().endswith(": accuracy on each fold")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("fold", "validation accuracy")
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    mean_lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert [line.get_label() for line in dots] == list(scores)
    for dot, mean_line, values in zip(dots, mean_lines, scores.values()):
        assert list(dot.get_ydata()) == pytest.approx(values)
        assert mean_line.get_ydata()[0] == pytest.approx(np.mean(values))
