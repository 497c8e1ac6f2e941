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


def majority_share():
    """Validation accuracy of always answering the digit most common among the training images."""
    import numpy as np

    from snippets.common.data import digits_split

    _, _, y_train, y_val = digits_split()
    return float(np.mean(y_val == np.bincount(y_train).argmax()))


def untrained_val_loss(n_train=None):
    """Validation loss of the page's network before any training (same seed as the snippets)."""
    import torch
    import torch.nn.functional as F

    from snippets.common.reproducibility import seed_everything
    from snippets.lightning.fit_digits import DigitsClassifier, digits_loaders

    seed_everything()
    model = DigitsClassifier()
    _, val_loader = digits_loaders(n_train)
    ((x, y),) = list(val_loader)
    with torch.no_grad():
        return F.cross_entropy(model(x), y).item()


def test_trainer_learns_the_digits_and_the_recorded_metrics_are_plotted(run_snippet, capsys):
    run = run_snippet("snippets.lightning.fit_digits")
    history, val_accuracy, untrained_accuracy = run.result

    assert sorted(history) == ["train_accuracy", "train_loss", "val_accuracy", "val_loss"]
    assert all(len(values) == 20 for values in history.values()), "one value per epoch"
    assert history["train_loss"][-1] < 0.1 * history["train_loss"][0], "training loss falls"
    assert val_accuracy >= ACCURACY_FLOOR
    # What training achieved, against the same network untrained (the page quotes both) and the commonest digit.
    assert untrained_accuracy < 0.2, "untrained, the network guesses: about one digit in ten"
    assert val_accuracy - untrained_accuracy >= 0.7
    assert val_accuracy >= majority_share() + 0.7
    assert min(history["val_loss"]) < 0.1 * untrained_val_loss(), "the validation loss fell to a tenth or less"
    assert val_accuracy == pytest.approx(history["val_accuracy"][-1]), "validate() agrees with the last epoch"
    out = capsys.readouterr().out
    assert "epoch 20/20" in out and "validation accuracy:" in out and "after 20 epochs" in out
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
    history, best_epoch, (restored_loss, restored_accuracy) = run.result
    # The best weights are far better than the untrained network's, even with 200 training images.
    assert restored_loss < 0.25 * untrained_val_loss(n_train=200)
    assert restored_accuracy >= majority_share() + 0.7


def test_the_trainer_gets_accelerator_auto_unless_lesson_device_forces_one(monkeypatch):
    """The page: accelerator="auto" lets Lightning pick the device, an Apple GPU (MPS) included; LESSON_DEVICE=cpu
    forces the CPU."""
    from lightning_fabric.accelerators.cuda import CUDAAccelerator
    from lightning_fabric.accelerators.mps import MPSAccelerator
    from lightning_fabric.accelerators.xla import XLAAccelerator
    from lightning_fabric.utilities.device_parser import _select_auto_accelerator

    from snippets.common.device import lightning_accelerator

    monkeypatch.delenv("LESSON_DEVICE", raising=False)
    assert lightning_accelerator() == "auto"
    monkeypatch.setenv("LESSON_DEVICE", "cpu")
    assert lightning_accelerator() == "cpu"
    # What "auto" picks: a TPU, else an Apple GPU, else a CUDA GPU, else the CPU.
    monkeypatch.setattr(XLAAccelerator, "is_available", staticmethod(lambda: False))
    monkeypatch.setattr(CUDAAccelerator, "is_available", staticmethod(lambda: True))
    monkeypatch.setattr(MPSAccelerator, "is_available", staticmethod(lambda: True))
    assert _select_auto_accelerator() == "mps"
    monkeypatch.setattr(MPSAccelerator, "is_available", staticmethod(lambda: False))
    assert _select_auto_accelerator() == "cuda"
    monkeypatch.setattr(CUDAAccelerator, "is_available", staticmethod(lambda: False))
    assert _select_auto_accelerator() == "cpu"


def test_the_network_gives_logits_and_the_accuracy_is_the_share_of_right_answers():
    import torch
    from torch import nn

    from snippets.lightning.fit_digits import DigitsClassifier

    model = DigitsClassifier()
    assert isinstance(model.net[-1], nn.Linear), "no softmax after the last layer: logits"
    x, y = torch.rand(50, 64), torch.randint(0, 10, (50,))
    _, accuracy = model.loss_and_accuracy((x, y))
    assert accuracy.item() == pytest.approx((model(x).argmax(dim=1) == y).float().mean().item())


def test_hand_written_layer_stores_the_weight_transposed_and_starts_differently_from_nn_linear():
    """The page: same parameter count as nn.Linear, weight stored (inputs, outputs), the transpose of nn.Linear's
    (outputs, inputs); normal weights of spread 1/sqrt(inputs) and zero biases, where nn.Linear draws both
    uniformly from +-1/sqrt(inputs)."""
    import torch
    from torch import nn

    from snippets.lightning.test_and_predict import Dense

    torch.manual_seed(0)
    ours, linear = Dense(64, 32), nn.Linear(64, 32)
    assert ours.weight.shape == (64, 32) and linear.weight.shape == (32, 64) == ours.weight.T.shape
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in linear.parameters())
    x = torch.rand(5, 64)
    with torch.no_grad():
        linear.weight.copy_(ours.weight.T)
        linear.bias.copy_(ours.bias)
        torch.testing.assert_close(ours(x), linear(x))  # x @ W + b, W transposed: nn.Linear's x @ W.T + b
    bound = 1 / 64**0.5
    fresh = nn.Linear(64, 32)
    assert fresh.weight.abs().max() <= bound and fresh.bias.abs().max() <= bound and fresh.bias.abs().sum() > 0
    assert torch.all(ours.bias == 0), "our biases start at zero"
    assert ours.weight.std().item() == pytest.approx(bound, rel=0.1), "normal, spread 1/sqrt(inputs)"
    assert ours.weight.abs().max() > bound, "a normal distribution, not nn.Linear's uniform one"


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
    assert scores["test_accuracy"] >= majority_share() + 0.7, "far above always answering the commonest digit"
    assert predicted.shape == (10,) and (predicted == true).float().mean() >= 0.8
    out = capsys.readouterr().out
    assert "net.0.weight   (64, 32)" in out and "net.2.bias     (10,)" in out
    assert "test accuracy" in out and "predicted:" in out
