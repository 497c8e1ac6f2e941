"""The saving-and-loading page's claims, checked by running its snippets."""

import tempfile

import numpy as np
import pytest

ACCURACY_FLOOR = 0.9  # stated on the page: the loaded models still classify the validation digits


@pytest.fixture
def temporary_folders(tmp_path, monkeypatch):
    """tempfile's folders go into tmp/ and the current folder is work/: after a run both must be empty."""
    (tmp_path / "tmp").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path


@pytest.fixture(autouse=True)
def many_cpus(monkeypatch):
    """As in test_snippets_lightning.py: Lightning's DataLoader-workers warning does not depend on the machine."""
    from pytorch_lightning.trainer.connectors import data_connector

    monkeypatch.setattr(data_connector, "suggested_max_num_workers", lambda local_world_size: 15)


def assert_nothing_left(folders):
    left = [path.relative_to(folders).as_posix() for path in folders.rglob("*")]
    assert sorted(left) == ["tmp", "work"], f"the snippet left files behind: {left}"


def test_state_dict_loaded_into_a_new_model_gives_identical_outputs(run_snippet, capsys, temporary_folders):
    import torch

    model, restored, before, after, accuracy, refused = run_snippet("snippets.saving.state_dict_pytorch").result
    assert restored is not model
    assert torch.equal(before, after), "the loaded model's probabilities are bit for bit the trained model's"
    assert list(restored.state_dict()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert accuracy >= ACCURACY_FLOOR
    assert torch.allclose(after.sum(dim=1), torch.ones(len(after))), "softmax gives probabilities"
    assert refused == "Unsupported global: GLOBAL torch.nn.modules.container.Sequential"
    assert not restored.training, "predict_probabilities puts the model in evaluation mode"
    out = capsys.readouterr().out
    assert "identical probabilities: True" in out and "0.weight  (32, 64)" in out
    assert_nothing_left(temporary_folders)


def test_an_untrained_network_is_far_below_the_floor():
    import torch

    from snippets.common.data import digits_split
    from snippets.saving.state_dict_pytorch import digits_network, predict_probabilities

    torch.manual_seed(0)
    _, x_val, _, y_val = (torch.from_numpy(a) for a in digits_split())
    untrained = (predict_probabilities(digits_network(), x_val).argmax(dim=1) == y_val).float().mean()
    assert untrained < 0.5 < ACCURACY_FLOOR


def test_keras_file_holds_weights_compile_settings_and_optimizer_state(run_snippet, capsys, temporary_folders):
    model, restored, before, after, accuracy = run_snippet("snippets.saving.keras_file_tensorflow").result
    assert restored is not model
    assert np.array_equal(before, after), "model.predict gives the same probabilities after loading"
    assert restored.loss.from_logits, "the compile() settings come back with the model"
    assert int(restored.optimizer.iterations) == int(model.optimizer.iterations) > 0
    assert accuracy >= ACCURACY_FLOOR
    assert np.allclose(after.sum(axis=1), 1.0, atol=1e-5)
    assert "identical probabilities: True" in capsys.readouterr().out
    assert_nothing_left(temporary_folders)


def test_lightning_checkpoint_rebuilds_the_model_from_its_hyperparameters(run_snippet, capsys, temporary_folders):
    model, restored, best, same, best_name, best_loss, best_score = run_snippet(
        "snippets.saving.checkpoints_lightning"
    ).result
    assert same, "the model loaded from last.ckpt gives identical scores"
    assert restored.hparams["hidden"] == 16 and restored.net[0].out_features == 16, "hidden=16 from the checkpoint"
    assert not restored.training and not best.training, "eval() was called after loading"
    assert best_loss == pytest.approx(best_score, rel=1e-5), "the best checkpoint holds the best epoch's weights"
    out = capsys.readouterr().out
    assert "in training mode: True" in out, "load_from_checkpoint returns the model in training mode"
    assert "'last.ckpt'" in out and best_name.startswith("epoch=")
    assert_nothing_left(temporary_folders)
