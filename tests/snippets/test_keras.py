"""The Keras page's claims, checked by running its snippets."""

import numpy as np
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
    history, val_accuracy, untrained_accuracy, predicted = run.result

    assert len(history["loss"]) == 20, "fit ran every epoch"
    assert history["loss"][-1] < 0.1 * history["loss"][0], "training loss falls"
    assert val_accuracy >= ACCURACY_FLOOR
    # What training achieved, against the same network untrained (the page quotes both) and against always
    # answering the commonest digit: a run that barely trained fails here even if the floor were lowered.
    assert untrained_accuracy < 0.2, "untrained, the network guesses: about one digit in ten"
    assert val_accuracy - untrained_accuracy >= 0.7
    assert val_accuracy >= majority_share() + 0.7
    assert val_accuracy == pytest.approx(history["val_accuracy"][-1]), "evaluate agrees with the last epoch"
    assert predicted.shape == (360,) and set(predicted) <= set(range(10)), "predict: one digit per validation image"
    out = capsys.readouterr().out
    assert "epoch 20/20" in out and "validation accuracy:" in out and "after 20 epochs" in out
    assert "predicted:" in out and "probability:" in out
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


def majority_share():
    """Validation accuracy of always answering the digit most common among the training images."""
    from snippets.common.data import digits_split

    _, _, y_train, y_val = digits_split()
    return float(np.mean(y_val == np.bincount(y_train).argmax()))


def test_every_model_gives_logits_and_the_loss_takes_logits():
    """The lesson's rule: no softmax in the network; the loss is built with from_logits=True."""
    import keras

    from snippets.keras.add_and_summary import main as add_and_summary
    from snippets.keras.fit_digits import compiled
    from snippets.keras.three_models import SubclassedDigits, functional_model, sequential_model

    subclassed = SubclassedDigits()
    subclassed(keras.ops.zeros((1, 64)))
    for model in [sequential_model(), functional_model(), subclassed, add_and_summary()]:
        last = model.layers[-1]
        assert last.activation is keras.activations.linear, f"{model.name}: the last layer gives logits"
    loss = compiled(sequential_model()).loss
    assert isinstance(loss, keras.losses.SparseCategoricalCrossentropy) and loss.get_config()["from_logits"]


def one_epoch_weights(shuffle):
    """The page's network trained one epoch on the page's shuffled tf.data pipeline, with fit(..., shuffle=shuffle)."""

    from snippets.common.reproducibility import seed_everything
    from snippets.keras.fit_digits import compiled, digits_datasets
    from snippets.keras.three_models import sequential_model

    seed_everything()
    train_data, _ = digits_datasets(n_train=256)
    model = compiled(sequential_model())
    model.fit(train_data, epochs=1, shuffle=shuffle, verbose=0)
    return [w.numpy() for w in model.weights]


def test_fit_ignores_shuffle_for_a_dataset_which_shuffles_itself():
    """The page: shuffling lives in the pipeline; fit's shuffle= does nothing for a Dataset (Keras warns when True)."""
    with pytest.warns(UserWarning, match="`shuffle=True` was passed, but will be ignored"):
        shuffled = one_epoch_weights(shuffle=True)
    not_shuffled = one_epoch_weights(shuffle=False)
    for a, b in zip(shuffled, not_shuffled, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_pipeline_shuffles_prefetches_and_does_not_cache():
    """The page: the Dataset itself puts the images in a new order every epoch; no cache() (nothing costly to keep)."""
    from snippets.common.data import digits_split
    from snippets.common.reproducibility import seed_everything
    from snippets.keras.fit_digits import digits_datasets

    seed_everything()
    train_data, _ = digits_datasets()
    y_train = digits_split()[2]
    first, second = ([y.numpy() for _, y in train_data] for _ in range(2))
    assert sorted(np.concatenate(first)) == sorted(y_train), "every training image once per epoch"
    assert not np.array_equal(first[0], y_train[:64]), "not in the stored order"
    assert not np.array_equal(np.concatenate(first), np.concatenate(second)), "a new order every epoch"
    steps, dataset = [], train_data
    while dataset is not None:  # the pipeline's steps, last first
        steps.append(type(dataset).__name__)
        dataset = getattr(dataset, "_input_dataset", None)
    assert steps == ["_PrefetchDataset", "_BatchDataset", "_ShuffleDataset", "_TensorSliceDataset"], steps


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


def test_keras_3_has_several_back_ends_and_runs_on_tensorflow_here():
    """The page: Keras 3 runs on TensorFlow, JAX or PyTorch; this lesson uses TensorFlow."""
    import importlib.util

    import keras

    assert keras.config.backend() == "tensorflow"
    for backend in ("tensorflow", "jax", "torch"):
        assert importlib.util.find_spec(f"keras.src.backend.{backend}") is not None, backend


def test_batch_norm_statistics_are_non_trainable_yet_change_in_training():
    """The page: non-trainable parameters are not updated by the optimizer, but batch-norm's running statistics
    do change during training, as moving averages of the batches."""
    import keras

    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.BatchNormalization(), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    bn = model.layers[0]
    assert {w.path.split("/")[-1] for w in bn.non_trainable_weights} == {"moving_mean", "moving_variance"}
    before = bn.moving_mean.numpy().copy()
    x = np.full((32, 3), 5.0, dtype="float32")
    model.fit(x, np.zeros((32, 1)), epochs=1, batch_size=32, verbose=0)
    after = bn.moving_mean.numpy()
    np.testing.assert_allclose(after, before + (1 - bn.momentum) * (5.0 - before), rtol=1e-5)
