"""The "Batch size and learning rate" section's claims (training page), checked by running its snippets."""

import numpy as np
import pytest

from tests.support.snippet_runner import line_labels

GRID = ["snippets.low_level.batch_lr_grid_pytorch", "snippets.low_level.batch_lr_grid_tensorflow"]
RATES = [0.01, 0.03, 0.1, 0.3, 1.0]


@pytest.mark.parametrize("module", GRID)
def test_a_larger_batch_needs_a_larger_learning_rate(module, run_snippet):
    run = run_snippet(module)
    grid = {batch_size: np.array(losses) for batch_size, losses in run.result.items()}
    assert sorted(grid) == [8, 32, 128] and all(len(losses) == len(RATES) for losses in grid.values())
    assert all(np.isfinite(losses).all() for losses in grid.values()), "no run diverged"
    best_rate = {batch_size: RATES[int(np.argmin(losses))] for batch_size, losses in grid.items()}
    # The page: the smallest rate leaves every batch size far from its best after 20 epochs ...
    for losses in grid.values():
        assert losses[0] > losses.min() + 0.1
    # ... at the same small rate, smaller batches (more steps per epoch) end lower ...
    for i, rate in enumerate(RATES[:3]):
        assert grid[8][i] < grid[32][i] < grid[128][i], f"learning rate {rate}"
    # ... and the best rate grows with the batch size; batch size 128 is best at the largest rate tried.
    assert best_rate[8] < best_rate[32] <= best_rate[128] == RATES[-1]
    # The losses of batch sizes 32 and 128 still fall at the largest rate tried.
    for batch_size in (32, 128):
        assert grid[batch_size][-1] < grid[batch_size][-2], f"batch size {batch_size}"
    # The best losses of batch sizes 8 and 32 are close; 128 has not caught up within 20 epochs.
    assert abs(grid[8].min() - grid[32].min()) < 0.06
    assert grid[128].min() > max(grid[8].min(), grid[32].min()) + 0.05

    (figure,) = run.figures
    (ax,) = figure.axes
    assert line_labels(ax) == ["batch size 8", "batch size 32", "batch size 128"]
    for line, losses in zip(ax.get_lines(), grid.values()):
        np.testing.assert_allclose(line.get_xydata(), np.column_stack([RATES, losses]))
    assert ax.get_xscale() == "log"
