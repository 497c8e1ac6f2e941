"""The Keras page's claims, checked by running its snippets."""

import pytest

from tests.support.snippet_runner import assert_stopped_early_with_best_weights, line_labels

ACCURACY_FLOOR = 0.93  # stated on the page (and on the Lightning page, which solves the same task)
PARAMETERS = (64 * 32 + 32) + (32 * 10 + 10)  # two Dense layers: weights plus biases


def test_sequential_functional_and_subclassed_models_are_the_same_network(run_snippet, capsys):
    counts = run_snippet("snippets.keras.three_models").result

    assert sorted(counts) == ["functional_digits", "sequential_digits", "subclassed_digits"]
    assert set(counts.values()) == {PARAMETERS}
    assert capsys.readouterr().out.count(f"{PARAMETERS} parameters") == 3


def test_fit_learns_the_digits_and_plots_its_history(run_snippet, capsys):
    run = run_snippet("snippets.keras.fit_digits")
    history, val_accuracy = run.result

    assert len(history["loss"]) == 20, "fit ran every epoch"
    assert history["loss"][-1] < 0.1 * history["loss"][0], "training loss falls"
    assert val_accuracy >= ACCURACY_FLOOR
    assert val_accuracy == pytest.approx(history["val_accuracy"][-1]), "evaluate agrees with the last epoch"
    out = capsys.readouterr().out
    assert "epoch 20/20" in out and "validation accuracy after 20 epochs" in out
    assert len(out.splitlines()) <= 8, "progress is short"

    (figure,) = run.figures
    loss_ax, accuracy_ax = figure.axes
    assert "Keras" in figure.get_suptitle()
    assert (loss_ax.get_title(), accuracy_ax.get_title()) == ("Loss", "Accuracy")
    for ax, metric in [(loss_ax, "loss"), (accuracy_ax, "accuracy")]:
        assert line_labels(ax) == ["training", "validation"]
        train_line, val_line = ax.get_lines()
        assert list(train_line.get_ydata()) == pytest.approx(history[metric])
        assert list(val_line.get_ydata()) == pytest.approx(history["val_" + metric])


def test_early_stopping_stops_before_the_last_epoch_and_restores_the_best_weights(run_snippet, capsys):
    run = run_snippet("snippets.keras.early_stopping")
    assert_stopped_early_with_best_weights(run.result, "loss", capsys.readouterr().out)


def test_add_builds_the_same_network_layer_by_layer_and_summary_lists_it(run_snippet, capsys):
    model = run_snippet("snippets.keras.add_and_summary").result
    assert [layer.name for layer in model.layers] == ["hidden", "output"]
    assert model.count_params() == PARAMETERS
    out = capsys.readouterr().out
    assert "digits_layer_by_layer" in out
    assert "hidden (Dense)" in out and "output (Dense)" in out
    assert f"Total params: {PARAMETERS:,}" in out and "Non-trainable params: 0" in out


def test_a_second_fit_continues_from_the_trained_weights(run_snippet, capsys):
    first, second, fresh = run_snippet("snippets.keras.continue_fit").result
    assert len(first) == len(second) == 3
    assert second[0] < first[-1], "the second call starts where the first stopped"
    assert second[0] < 0.5 * fresh[0], "not from scratch, like a new model"
    out = capsys.readouterr().out
    assert out.count("fit, epochs 1-3:") == 2 and "a new model, epoch 1:" in out


def test_the_pipeline_timing_trains_the_same_network_both_ways_and_says_both_times(run_snippet, capsys):
    arrays, pipeline = run_snippet("snippets.keras.pipeline_speed").result
    assert arrays > 0 and pipeline > 0  # which is faster is measured, not asserted: a timing is not a test
    out = capsys.readouterr().out
    assert f"epochs on NumPy arrays:         {arrays:.1f} s" in out
    assert f"epochs on the tf.data pipeline: {pipeline:.1f} s ({arrays / pipeline:.1f} times as fast)" in out
