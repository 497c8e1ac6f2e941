"""The PyTorch Lightning page's claims, checked by running its snippets."""

import pytest

from tests.support.snippet_runner import assert_stopped_early_with_best_weights, line_labels

ACCURACY_FLOOR = 0.93  # stated on the page (and on the Keras page, which solves the same task)


@pytest.fixture(autouse=True)
def many_cpus(monkeypatch):
    """Lightning warns about DataLoader workers only where there are more than 2 CPUs: pretend there are 16,
    so that "no warnings" (pyproject turns them into errors) means the same on every machine."""
    from pytorch_lightning.trainer.connectors import data_connector

    monkeypatch.setattr(data_connector, "suggested_max_num_workers", lambda local_world_size: 15)


def test_the_lightning_module_is_the_same_network_as_on_the_keras_page():
    from snippets.lightning.fit_digits import DigitsClassifier

    assert sum(p.numel() for p in DigitsClassifier().parameters()) == (64 * 32 + 32) + (32 * 10 + 10)


def test_trainer_learns_the_digits_and_the_recorded_metrics_are_plotted(run_snippet, capsys):
    run = run_snippet("snippets.lightning.fit_digits")
    history, val_accuracy = run.result

    assert sorted(history) == ["train_accuracy", "train_loss", "val_accuracy", "val_loss"]
    assert all(len(values) == 20 for values in history.values()), "one value per epoch"
    assert history["train_loss"][-1] < 0.1 * history["train_loss"][0], "training loss falls"
    assert val_accuracy >= ACCURACY_FLOOR
    assert val_accuracy == pytest.approx(history["val_accuracy"][-1]), "validate() agrees with the last epoch"
    out = capsys.readouterr().out
    assert "epoch 20/20" in out and "validation accuracy after 20 epochs" in out
    assert len(out.splitlines()) <= 8, "Lightning's own notes are kept out of the output"

    (figure,) = run.figures
    loss_ax, accuracy_ax = figure.axes
    assert "Lightning" in figure.get_suptitle()
    assert (loss_ax.get_title(), accuracy_ax.get_title()) == ("Loss", "Accuracy")
    for ax, metric in [(loss_ax, "loss"), (accuracy_ax, "accuracy")]:
        assert line_labels(ax) == ["training", "validation"]
        train_line, val_line = ax.get_lines()
        assert list(train_line.get_ydata()) == pytest.approx(history["train_" + metric])
        assert list(val_line.get_ydata()) == pytest.approx(history["val_" + metric])


def test_early_stopping_stops_before_the_last_epoch_and_the_checkpoint_holds_the_best_weights(run_snippet, capsys):
    run = run_snippet("snippets.lightning.early_stopping")
    assert_stopped_early_with_best_weights(run.result, "train_loss", capsys.readouterr().out)


def test_hand_written_layer_registers_its_parameters_and_trains():
    import torch

    from snippets.lightning.test_and_predict import Dense

    layer = Dense(3, 2)
    assert [name for name, _ in layer.named_parameters()] == ["weight", "bias"]
    x = torch.ones(4, 3)
    torch.testing.assert_close(layer(x), x @ layer.weight + layer.bias)
    layer(x).sum().backward()
    assert layer.weight.grad is not None and layer.bias.grad is not None, "the optimizer gets gradients"


def test_test_step_and_predict_step_measure_the_test_set_once(run_snippet, capsys):
    model, scores, predicted, true = run_snippet("snippets.lightning.test_and_predict").result
    assert sum(p.numel() for p in model.parameters()) == (64 * 32 + 32) + (32 * 10 + 10)
    assert {"test_loss", "test_accuracy"} <= set(scores)
    assert scores["test_accuracy"] >= ACCURACY_FLOOR
    assert predicted.shape == (10,) and (predicted == true).float().mean() >= 0.8
    out = capsys.readouterr().out
    assert "net.0.weight   (64, 32)" in out and "net.2.bias     (10,)" in out
    assert "test accuracy" in out and "predicted:" in out
