"""The "Why inputs are scaled" section's claims (tensors page), checked by running its snippets."""

import numpy as np
import pytest

from snippets.common.scaled_features import SPREADS, two_scales
from tests.support.snippet_runner import line_labels

DESCENT = ["snippets.low_level.scaling_descent_pytorch", "snippets.low_level.scaling_descent_tensorflow"]
STATISTICS = ["snippets.low_level.scaling_statistics_pytorch", "snippets.low_level.scaling_statistics_tensorflow"]


def test_the_two_features_spread_1_and_5():
    x, _ = two_scales(200)
    np.testing.assert_allclose(x.std(axis=0), SPREADS, rtol=0.1)


@pytest.mark.parametrize("module", DESCENT)
def test_standardised_features_reach_the_loss_in_far_fewer_steps(module, run_snippet):
    run = run_snippet(module)
    raw, standardised = run.result["steps"]["raw"], run.result["steps"]["standardised"]
    assert raw[0.3] is None and raw[0.1] is None, "the page: on raw features these learning rates diverge"
    assert all(standardised.values()), "on standardised features every learning rate tried gets there"
    fastest_raw, fastest_standardised = min(n for n in raw.values() if n), min(standardised.values())
    assert fastest_standardised * 5 <= fastest_raw, "the page: several times fewer steps"
    assert standardised[0.3] == fastest_standardised, "the largest rate is the fastest once the bowl is round"
    for rate in (0.03, 0.01):  # the page: at the same small rate both need about as many steps
        assert standardised[rate] == pytest.approx(raw[rate], rel=0.1), f"learning rate {rate}"
    np.testing.assert_allclose(run.result["std"], SPREADS, rtol=0.1)

    (figure,) = run.figures
    assert len(figure.axes) == 2
    for ax, name in zip(figure.axes, ["raw", "standardised"]):
        assert ax.get_title().endswith(f": {name} features")
        assert line_labels(ax)[:2] == ["gradient descent steps", "minimum"]
        assert ax.collections, "contour lines of the loss are drawn"
    raw_path = figure.axes[0].get_lines()[0].get_xydata()
    assert len(raw_path) == fastest_raw + 1, "the figure shows the fastest raw run"


@pytest.mark.parametrize("module", STATISTICS)
def test_only_the_training_statistics_standardise_new_data_right(module, run_snippet):
    result = run_snippet(module).result
    np.testing.assert_allclose(np.ravel(result["mean"]), (5.0, 50.0), rtol=0.05)
    losses = result["val_losses"]
    assert losses["training statistics"] < 0.3, "near the noise level, 0.5² = 0.25"
    assert losses["its own statistics"] > 1.5 * losses["training statistics"], "the page: the own statistics hurt"
    assert losses["not standardised"] > 1000 * losses["training statistics"]
    x_val, y_val = two_scales(50, seed=1, means=(5.0, 50.0), noise=0.5)
    assert result["one_example"] == pytest.approx(float(y_val[0]), abs=1.5)
    assert result["one_example_own_is_nan"] is True, "one example's own spread is 0: 0 / 0"


def test_keras_normalization_adapt_stores_the_training_mean_and_variance(run_snippet):
    result = run_snippet("snippets.low_level.scaling_statistics_tensorflow").result
    x_train, _ = two_scales(200, seed=0, means=(5.0, 50.0), noise=0.5)
    np.testing.assert_allclose(result["mean"], x_train.mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(result["variance"], x_train.var(axis=0), rtol=1e-4)
