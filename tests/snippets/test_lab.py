"""The lab page's claims, checked by running its data helpers and reference solutions."""

import io
import json
import os
import urllib.error
import urllib.request

import numpy as np
import pytest

from snippets.lab import datasets
from snippets.lab.model_selection import lowest_epoch, record_results
from tests.support.snippet_runner import line_labels

IRIS = ["snippets.lab.iris_pytorch", "snippets.lab.iris_tensorflow"]
DIGITS = ["snippets.lab.digits_pytorch", "snippets.lab.digits_tensorflow"]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing in these tests may download: any attempt to open a URL fails as it does offline."""

    def offline(*args, **kwargs):
        raise urllib.error.URLError("network is unreachable (simulated by the test)")

    monkeypatch.setattr(urllib.request, "urlopen", offline)


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "CACHE_DIR", tmp_path)
    return tmp_path


def test_data_sets_have_the_sizes_the_page_states(run_snippet, capsys):
    run = run_snippet("snippets.lab.datasets")
    out = capsys.readouterr().out
    assert "Iris: 90 training, 30 validation and 30 test examples, 4 features, 3 classes" in out
    assert "Digits: 1077 training, 360 validation and 360 test examples, 64 features, 10 classes" in out

    images, labels = run.result
    (figure,) = run.figures
    image_axes = [ax for ax in figure.axes if ax.images]
    assert len(image_axes) == 16
    assert [ax.get_title() for ax in image_axes] == [str(label) for label in labels]
    assert figure.get_suptitle() == "The first 16 handwritten digits and their labels"


@pytest.mark.parametrize("load", [datasets.iris_data, datasets.digits_data])
def test_three_sets_are_disjoint_fixed_and_stratified(load):
    data = load()
    labels = np.concatenate([data.y_train, data.y_val, data.y_test])
    parts = datasets.split(np.arange(len(labels)), np.sort(labels))  # the same split, of example numbers
    numbers = [set(parts.x_train), set(parts.x_val), set(parts.x_test)]
    assert set.union(*numbers) == set(range(len(labels))) and sum(map(len, numbers)) == len(labels), "disjoint"
    assert np.array_equal(data.x_test, load().x_test), "every run tests on the same examples"
    shares = [np.bincount(y) / len(y) for y in (data.y_train, data.y_val, data.y_test)]
    for share in shares[1:]:
        np.testing.assert_allclose(share, shares[0], atol=0.02)


def test_iris_features_are_standardised_with_training_statistics_only():
    data = datasets.iris_data()
    np.testing.assert_allclose(data.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(data.x_train.std(axis=0), 1, atol=1e-5)
    assert np.abs(data.x_test.mean(axis=0)).max() > 1e-3, "the test set was not used to fit the scaler"
    assert np.abs(data.x_val.mean(axis=0)).max() > 1e-3, "nor was the validation set"


def test_pair_plot_shows_every_pair_of_iris_measurements_of_the_training_flowers(run_snippet):
    run = run_snippet("snippets.lab.iris_features")
    x, y, figure = run.result
    assert x.shape == (90, 4), "training flowers only"
    grid = [ax for ax in figure.axes]
    assert len(grid) == 16
    names = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
    assert [ax.get_xlabel() for ax in grid[12:]] == names and [grid[i].get_ylabel() for i in (0, 4, 8, 12)] == names
    for i, ax in enumerate(grid):
        if i % 5 == 0:  # the diagonal: histograms of one measurement
            assert ax.patches and not ax.collections
        else:  # a scatter of every training flower, one colour per species
            assert sum(len(c.get_offsets()) for c in ax.collections) == 90
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["setosa", "versicolor", "virginica"]


def test_full_mnist_is_not_downloaded_by_default(empty_cache, capsys):
    images, labels = datasets.load_mnist_or_digits()
    assert images.shape == (1797, 8, 8) and labels.shape == (1797,)
    assert 0 <= images.min() and images.max() == 1
    assert capsys.readouterr().out == ""
    assert not any(empty_cache.iterdir()), "nothing was written to the download cache"


def test_offline_request_for_mnist_falls_back_to_digits(empty_cache, capsys):
    images, labels = datasets.load_mnist_or_digits(prefer_full=True)
    out = capsys.readouterr().out
    assert "Could not load the full MNIST set (URLError: <urlopen error network is unreachable" in out
    assert "Fell back to scikit-learn's 8x8 digits." in out
    assert images.shape == (1797, 8, 8) and labels.shape == (1797,)
    assert not (empty_cache / "mnist.npz").exists()


def test_any_download_error_falls_back_to_digits(monkeypatch, capsys):
    def refused():
        raise OSError("connection refused")

    monkeypatch.setattr(datasets, "download_mnist", refused)
    data = datasets.digits_data(prefer_full=True)
    assert "(OSError: connection refused)" in capsys.readouterr().out
    assert data.x_train.shape == (1077, 64) and data.x_test.shape == (360, 64)


def test_damaged_mnist_file_is_deleted_and_digits_are_used(empty_cache, capsys):
    (empty_cache / "mnist.npz").write_bytes(b"half a download")
    images, _ = datasets.load_mnist_or_digits(prefer_full=True)
    assert "ValueError" in capsys.readouterr().out
    assert images.shape == (1797, 8, 8)
    assert not (empty_cache / "mnist.npz").exists()


def test_a_good_mnist_file_gives_28x28_images(empty_cache, monkeypatch, capsys):
    """A tiny stand-in for mnist.npz, with its own hash: the path a learner with a network takes."""
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    np.savez(
        buffer,
        **{
            "x_train": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
            "y_train": np.arange(6, dtype=np.uint8),
            "x_test": rng.integers(0, 256, (4, 28, 28), dtype=np.uint8),
            "y_test": np.arange(4, dtype=np.uint8),
        },
    )
    (empty_cache / "mnist.npz").write_bytes(buffer.getvalue())
    import hashlib

    monkeypatch.setattr(datasets, "MNIST_SHA256", hashlib.sha256(buffer.getvalue()).hexdigest())
    images, labels = datasets.load_mnist_or_digits(prefer_full=True)
    assert images.shape == (10, 28, 28) and labels.tolist() == [0, 1, 2, 3, 4, 5, 0, 1, 2, 3]
    assert 0 <= images.min() and images.max() <= 1
    assert capsys.readouterr().out == ""


class SpyOnTestSet:
    """Records which network each prediction on the test set comes from (every path to it goes through predict)."""

    def __init__(self, monkeypatch, module, framework_module):
        self.models = []
        self.test_x = None
        for target in {module, framework_module}:
            if hasattr(target, "predict"):
                monkeypatch.setattr(target, "predict", self.wrap(target.predict))

    def wrap(self, predict):
        def spying(model, x):
            if self.test_x is not None and np.array_equal(x, self.test_x):
                self.models.append(model)
            return predict(model, x)

        return spying


def run_solution(module_name, run_snippet, monkeypatch, tmp_path):
    """Run a reference solution with the build's results file, watching its use of the test set."""
    import importlib

    module = importlib.import_module(module_name)
    framework = importlib.import_module(module_name.replace("digits_", "iris_"))
    spy = SpyOnTestSet(monkeypatch, module, framework)
    spy.test_x = (datasets.iris_data() if "iris" in module_name else datasets.digits_data()).x_test
    run = run_snippet(module_name)
    results_file = tmp_path / "results.json"
    monkeypatch.setenv("LESSON_RESULTS_FILE", str(results_file))
    record_results(run.result)  # what the build keeps when it runs the solution as __main__
    return run, spy, json.loads(results_file.read_text(encoding="utf-8"))


def untrained_val_loss(module_name, candidate):
    """Validation loss of ``candidate`` before any training, with the seed its training starts from."""
    import importlib

    from snippets.common.reproducibility import seed_everything
    from snippets.lab.model_selection import digit_candidates, iris_candidates

    framework = importlib.import_module(module_name.replace("digits_", "iris_"))
    if "iris" in module_name:
        data, candidates = datasets.iris_data(), iris_candidates(framework.single_layer, framework.multi_layer)
    else:
        data = datasets.digits_data()
        candidates = digit_candidates(framework.single_layer, framework.multi_layer, data.x_train.shape[1])
    seed_everything()
    model = candidates[candidate]()
    if "pytorch" in module_name:
        import torch
        from torch import nn

        from snippets.common.device import torch_device

        model.to(torch_device())
        return nn.CrossEntropyLoss()(framework.scores_of(model, data.x_val), torch.from_numpy(data.y_val)).item()
    import keras

    return float(keras.losses.SparseCategoricalCrossentropy(from_logits=True)(data.y_val, model(data.x_val)))


def majority_share(data):
    """Test accuracy of always answering the class most common among the training examples."""
    return float(np.mean(data.y_test == np.bincount(data.y_train).argmax()))


def assert_trained_far_beyond_the_untrained_network(module_name, results, floor, data):
    """What training achieved, against the same network untrained and the majority class, on the same data."""
    chosen = results["histories"][results["chosen"]]
    assert min(chosen["val_loss"]) < 0.25 * untrained_val_loss(module_name, results["chosen"]), (
        "the chosen network's validation loss is a small fraction of the untrained network's"
    )
    assert results["test_accuracy"] - majority_share(data) >= 0.5, "far above always answering the commonest class"


def runs_on_cpu(module_name):
    if os.environ.get("LESSON_DEVICE", "auto").strip().lower() == "cpu":
        return True
    if "pytorch" in module_name:
        import torch

        return not torch.cuda.is_available()
    import tensorflow as tf

    return not tf.config.list_physical_devices("GPU")


def assert_chosen_on_validation_and_tested_once(module_name, results, spy, recorded):
    histories = results["histories"]
    lowest = min((min(h["val_loss"]), name) for name, h in histories.items())
    assert results["chosen"] == lowest[1], "the candidate with the lowest validation loss is chosen"
    chosen = histories[results["chosen"]]["val_loss"]
    assert results["epochs"] == 1 + chosen.index(min(chosen)), "trained for the epochs validation chose"
    assert spy.models and all(model is results["model"] for model in spy.models), (
        "only the final, chosen network ever sees the test set"
    )
    assert recorded["test_accuracy"] == pytest.approx(results["test_accuracy"])
    assert recorded["chosen_epochs"] == results["epochs"]
    if runs_on_cpu(module_name):  # the page: exact on a CPU; on a GPU the repeat may differ slightly
        assert chosen[results["epochs"] - 1] == results["final_val_loss"], (
            "the final run repeats the chosen candidate's run exactly: the same validation loss at the chosen epoch"
        )
    for history in histories.values():
        assert history["train_loss"][-1] < 0.3 * history["train_loss"][0], "training loss falls"


@pytest.mark.parametrize("module", IRIS)
def test_iris_network_is_chosen_on_validation_and_clears_the_floor(module, run_snippet, monkeypatch, tmp_path, capsys):
    run, spy, recorded = run_solution(module, run_snippet, monkeypatch, tmp_path)
    results = run.result
    assert_chosen_on_validation_and_tested_once(module, results, spy, recorded)
    assert results["test_accuracy"] >= 0.9  # the floor stated on the page
    assert_trained_far_beyond_the_untrained_network(module, results, 0.9, datasets.iris_data())
    # The page: both networks classify every validation flower; the hidden layer brings the loss lower.
    histories = results["histories"]
    for history in histories.values():
        assert history["val_accuracy"][lowest_epoch(history) - 1] == 1.0
    assert min(histories["16 hidden units"]["val_loss"]) < min(histories["single-layer"]["val_loss"])
    out = capsys.readouterr().out
    assert "single-layer: 15 parameters" in out and "16 hidden units: 131 parameters" in out
    assert "chosen on the validation set:" in out and "test accuracy of the chosen network:" in out


@pytest.mark.parametrize("module", DIGITS)
def test_digit_network_is_chosen_on_validation_and_clears_the_floor(module, run_snippet, monkeypatch, tmp_path):
    run, spy, recorded = run_solution(module, run_snippet, monkeypatch, tmp_path)
    results = run.result
    assert_chosen_on_validation_and_tested_once(module, results, spy, recorded)
    assert results["test_accuracy"] >= 0.95  # the floor stated on the page
    assert_trained_far_beyond_the_untrained_network(module, results, 0.95, datasets.digits_data())

    # Many hidden units, many epochs: the validation loss turns upwards while the training loss keeps falling.
    big = results["histories"]["256 hidden units"]
    best = recorded["256_hidden_units_best_epoch"]
    assert best == 1 + big["val_loss"].index(min(big["val_loss"]))
    assert best <= 20, "the lowest validation loss comes well before the last of the 30 epochs"
    assert big["val_loss"][-1] > 1.1 * min(big["val_loss"]), "then the validation loss rises: overfitting"
    assert big["train_loss"][-1] < big["train_loss"][best - 1], "while the training loss still falls"
    assert recorded["256_hidden_units_last_val_loss"] == pytest.approx(big["val_loss"][-1])
    hidden = {name: h for name, h in results["histories"].items() if "hidden" in name}
    assert best == min(recorded[f"{name.replace(' ', '_')}_best_epoch"] for name in hidden), (
        "the validation loss turns upwards earliest with the most hidden units"
    )
    # The page: hidden units reach a lower validation loss, but the accuracies differ by a handful of images, and
    # the single layer was still improving when the 30 epochs ended (its lowest loss in the last epochs).
    single = results["histories"]["single-layer"]
    assert all(min(single["val_loss"]) > min(h["val_loss"]) for h in hidden.values())
    accuracy_at_best = {name: h["val_accuracy"][lowest_epoch(h) - 1] for name, h in results["histories"].items()}
    assert max(accuracy_at_best.values()) - accuracy_at_best["single-layer"] <= 6 / 360, accuracy_at_best
    assert lowest_epoch(single) >= 28, "the single layer's validation loss still falls near the end"

    curves, confusion = run.figures
    panels = [ax for ax in curves.axes if ax.get_lines()]
    assert [ax.get_title() for ax in panels] == list(results["histories"])
    for ax, history in zip(panels, results["histories"].values()):
        assert line_labels(ax)[:2] == ["training loss", "validation loss"]
        assert list(ax.get_lines()[1].get_ydata()) == pytest.approx(history["val_loss"])

    # The confusion matrix counts every test image once; its diagonal holds the correct answers.
    counts = results["confusion"]
    assert counts.shape == (10, 10) and counts.sum() == 360
    assert np.trace(counts) / counts.sum() == pytest.approx(results["test_accuracy"])
    (ax,) = [ax for ax in confusion.axes if ax.images]
    assert "the chosen network: test digits" in ax.get_title()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted class", "true class")


def test_both_frameworks_networks_give_logits_and_their_losses_take_logits():
    """The page's rule, in both reference solutions: no softmax in the network; the loss applies it."""
    import keras
    from torch import nn

    from snippets.lab import iris_pytorch, iris_tensorflow

    for model in (iris_pytorch.single_layer(4, 3), iris_pytorch.multi_layer(4, 3, 16)):
        last = model if isinstance(model, nn.Linear) else model[-1]
        assert isinstance(last, nn.Linear), "the PyTorch networks end in a linear layer: logits"
    for model in (iris_tensorflow.single_layer(4, 3), iris_tensorflow.multi_layer(4, 3, 16)):
        assert model.layers[-1].activation is keras.activations.linear, "the Keras networks end in logits"
    model = iris_tensorflow.single_layer(4, 3)
    iris_tensorflow.train(model, datasets.iris_data(), epochs=1)
    assert model.loss.get_config()["from_logits"], "and the Keras loss is told so"
