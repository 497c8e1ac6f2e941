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
def test_folds_give_scores_whose_spread_exceeds_the_difference_between_candidates(module, run_snippet, capsys):
    scores = run_snippet(module).result
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
