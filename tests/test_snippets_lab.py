"""The lab page's claims, checked by running its data helpers and reference solutions."""
import io
import urllib.error
import urllib.request

import numpy as np
import pytest

from snippets.lab import datasets

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
    assert "Iris: 112 training and 38 test examples, 4 features, 3 classes" in out
    assert "Digits: 1347 training and 450 test examples, 64 features, 10 classes" in out

    images, labels = run.result
    (figure,) = run.figures
    image_axes = [ax for ax in figure.axes if ax.images]
    assert len(image_axes) == 16
    assert [ax.get_title() for ax in image_axes] == [str(label) for label in labels]
    assert figure.get_suptitle() == "The first 16 handwritten digits and their labels"


def test_iris_features_are_standardised_with_training_statistics_only():
    x_train, x_test, y_train, y_test = datasets.iris_data()
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(x_train.std(axis=0), 1, atol=1e-5)
    assert np.abs(x_test.mean(axis=0)).max() > 1e-3, "the test set was not used to fit the scaler"
    # The split is fixed and keeps the classes balanced: every run tests on the same flowers.
    assert np.array_equal(x_test, datasets.iris_data()[1])
    assert sorted(np.bincount(y_test)) == [12, 13, 13]


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
    x_train, x_test, y_train, y_test = datasets.digits_data(prefer_full=True)
    assert "(OSError: connection refused)" in capsys.readouterr().out
    assert x_train.shape == (1347, 64) and x_test.shape == (450, 64)


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
    np.savez(buffer, **{
        "x_train": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8), "y_train": np.arange(6, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (4, 28, 28), dtype=np.uint8), "y_test": np.arange(4, dtype=np.uint8),
    })
    (empty_cache / "mnist.npz").write_bytes(buffer.getvalue())
    import hashlib

    monkeypatch.setattr(datasets, "MNIST_SHA256", hashlib.sha256(buffer.getvalue()).hexdigest())
    images, labels = datasets.load_mnist_or_digits(prefer_full=True)
    assert images.shape == (10, 28, 28) and labels.tolist() == [0, 1, 2, 3, 4, 5, 0, 1, 2, 3]
    assert 0 <= images.min() and images.max() <= 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("module", IRIS)
def test_iris_networks_clear_the_accuracy_floors(module, run_snippet, capsys):
    results = run_snippet(module).result
    # The floors stated on the page.
    assert results["single-layer"]["test_accuracy"] >= 0.9
    assert results["multi-layer"]["test_accuracy"] >= 0.93
    for result in results.values():
        assert result["losses"][-1] < 0.3 * result["losses"][0], "training loss falls"
    out = capsys.readouterr().out
    assert "single-layer network (15 parameters)" in out and "multi-layer network (131 parameters)" in out
    assert "epoch 100/100" in out, "progress is shown"
    assert "multi-layer network: test accuracy" in out


@pytest.mark.parametrize("module", DIGITS)
def test_digit_networks_clear_the_accuracy_floors(module, run_snippet, capsys):
    run = run_snippet(module)
    results = run.result
    single, multi = results["single-layer"]["test_accuracy"], results["multi-layer"]["test_accuracy"]
    # The floors stated on the page; the hidden layer makes fewer mistakes than softmax regression.
    assert single >= 0.9
    assert multi >= 0.95
    assert multi > single
    for name in ("single-layer", "multi-layer"):
        losses = results[name]["losses"]
        assert losses[-1] < 0.3 * losses[0], "training loss falls"
    out = capsys.readouterr().out
    assert "single-layer network (650 parameters)" in out and "multi-layer network (4810 parameters)" in out
    assert "epoch 20/20" in out, "progress is shown"

    # The confusion matrix counts every test image once; its diagonal holds the correct answers.
    counts = results["confusion"]
    assert counts.shape == (10, 10) and counts.sum() == 450
    assert np.trace(counts) / counts.sum() == pytest.approx(multi)
    (figure,) = run.figures
    (ax,) = [ax for ax in figure.axes if ax.images]
    assert "multi-layer network: test digits" in ax.get_title()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted class", "true class")
