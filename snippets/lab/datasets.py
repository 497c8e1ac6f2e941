"""The lab's data: Iris flowers and handwritten digits, split the same way on every run."""

# --8<-- [start:iris]
import hashlib
import urllib.request
from pathlib import Path
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits, load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

TEST_FRACTION = 0.2  # looked at once, at the very end
VALIDATION_FRACTION = 0.2  # for choosing between networks and numbers of epochs
SPLIT_SEED = 0  # a fixed split: every run, and every learner, uses the same examples


class Splits(NamedTuple):
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def split(x, y):
    """Training, validation and test sets, fixed, each with the same share of every class."""
    x_rest, x_test, y_rest, y_test = train_test_split(
        x, y, test_size=TEST_FRACTION, random_state=SPLIT_SEED, stratify=y
    )
    x_train, x_val, y_train, y_val = train_test_split(
        x_rest, y_rest, test_size=VALIDATION_FRACTION / (1 - TEST_FRACTION), random_state=SPLIT_SEED, stratify=y_rest
    )
    return Splits(x_train, y_train, x_val, y_val, x_test, y_test)


def iris_data():
    """Iris: 4 measurements per flower, 3 species; features standardised."""
    features, species = load_iris(return_X_y=True)
    parts = split(features.astype("float32"), species.astype("int64"))
    scaler = StandardScaler().fit(parts.x_train)  # mean and spread of the training flowers only
    return parts._replace(
        **{name: scaler.transform(getattr(parts, name)).astype("float32") for name in ("x_train", "x_val", "x_test")}
    )


# --8<-- [end:iris]


# --8<-- [start:digits]
MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
CACHE_DIR = Path.home() / ".cache" / "nn-frameworks-lesson"


def download_mnist() -> Path:
    """The MNIST file (11 MB), downloaded once into ``CACHE_DIR`` and checked."""
    path = CACHE_DIR / "mnist.npz"
    if not path.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with urllib.request.urlopen(MNIST_URL, timeout=30) as response, open(partial, "wb") as file:
            file.write(response.read())
        partial.replace(path)  # only a complete download gets the final name
    if hashlib.sha256(path.read_bytes()).hexdigest() != MNIST_SHA256:
        path.unlink()
        raise ValueError(f"{path} was damaged (wrong SHA-256); it was deleted, try again")
    return path


def load_mnist_or_digits(prefer_full=False):
    """Images of handwritten digits (pixels scaled to 0..1) and their labels.

    By default: scikit-learn's 1797 images of 8x8 pixels, which come with scikit-learn.
    With ``prefer_full=True``: the 70 000 MNIST images of 28x28 pixels, downloaded once; if the
    download fails for any reason (offline, server down, damaged file), the 8x8 digits are used.
    """
    if prefer_full:
        try:
            with np.load(download_mnist()) as mnist:
                images = np.concatenate([mnist["x_train"], mnist["x_test"]])
                labels = np.concatenate([mnist["y_train"], mnist["y_test"]])
            return images / 255.0, labels
        except Exception as error:  # any failure means: carry on with the small set
            print(
                f"Could not load the full MNIST set ({type(error).__name__}: {error}).\n"
                "Fell back to scikit-learn's 8x8 digits."
            )
    digits = load_digits()
    return digits.images / 16.0, digits.target


def digits_data(prefer_full=False):
    """Digit images as vectors of pixels (64, or 784 for MNIST), split like Iris."""
    images, labels = load_mnist_or_digits(prefer_full)
    x = images.reshape(len(images), -1).astype("float32")
    return split(x, labels.astype("int64"))


# --8<-- [end:digits]


def main():
    for name, data in [("Iris", iris_data()), ("Digits", digits_data())]:
        print(
            f"{name}: {len(data.x_train)} training, {len(data.x_val)} validation and {len(data.x_test)} test "
            f"examples, {data.x_train.shape[1]} features, {len(np.unique(data.y_train))} classes"
        )

    images, labels = load_mnist_or_digits()
    fig, axes = plt.subplots(2, 8, figsize=(8, 2.6), layout="constrained")
    for ax, image, label in zip(axes.flat, images, labels):
        ax.imshow(image, cmap="gray_r")
        ax.set_title(str(label))
        ax.axis("off")
    fig.suptitle("The first 16 handwritten digits and their labels")
    plt.show()
    return images[:16], labels[:16]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    main()
    for name, data in [("iris", iris_data()), ("digits", digits_data())]:
        for part in ("train", "val", "test"):
            record(f"{name}_{part}", len(getattr(data, f"x_{part}")))
        record(f"{name}_one_example_of_val", 1 / len(data.x_val))  # the accuracy one example is worth
