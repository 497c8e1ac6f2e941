"""The mixing-the-levels page's claims, checked by running its snippets."""

import pytest

ACCURACY_FLOOR = 0.9  # stated on the page


@pytest.fixture(autouse=True)
def many_cpus(monkeypatch):
    """As in test_snippets_lightning.py: Lightning's DataLoader-workers warning does not depend on the machine."""
    from pytorch_lightning.trainer.connectors import data_connector

    monkeypatch.setattr(data_connector, "suggested_max_num_workers", lambda local_world_size: 15)


def test_keras_layer_subclass_computes_its_formula_and_gets_gradients():
    import numpy as np
    import tensorflow as tf

    from snippets.mixing.tape_loop_tensorflow import Dense

    layer = Dense(2)
    x = tf.ones((4, 3))
    np.testing.assert_allclose(layer(x).numpy(), (x @ layer.w + layer.b).numpy())
    assert [tuple(w.shape) for w in layer.trainable_weights] == [(3, 2), (2,)], "add_weight registers both"
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(layer(x))
    assert all(g is not None for g in tape.gradient(total, layer.trainable_weights))


def test_gradient_tape_loop_trains_and_dropout_shows_in_training_mode(run_snippet, capsys):
    from snippets.mixing.tape_loop_tensorflow import Dense

    model, losses, train_accuracy, val_accuracy = run_snippet("snippets.mixing.tape_loop_tensorflow").result
    assert sum(isinstance(layer, Dense) for layer in model.layers) == 2, "the hand-written layer inside Sequential"
    assert model.count_params() == (64 * 32 + 32) + (32 * 10 + 10)
    assert val_accuracy >= ACCURACY_FLOOR
    assert train_accuracy < val_accuracy, "measured with dropout on, the training accuracy is the lower one"
    assert losses[True] > 2 * losses[False], "training=True (dropout on) gives a much higher loss"
    out = capsys.readouterr().out
    assert "epoch 10/10" in out
    assert "two calls with training=True give the same scores: False" in out


def test_lightning_module_with_a_hand_written_layer_trains_in_our_own_loop(run_snippet, capsys):
    import pytorch_lightning as pl

    from snippets.lightning.test_and_predict import Dense

    model, losses, val_accuracy = run_snippet("snippets.mixing.own_loop_pytorch").result
    assert isinstance(model, pl.LightningModule)
    assert [type(layer) for layer in model.net].count(Dense) == 2
    assert sum(p.numel() for p in model.parameters()) == (64 * 32 + 32) + (32 * 10 + 10), "dropout adds none"
    assert model._trainer is None, "no pl.Trainer was involved"
    assert val_accuracy >= ACCURACY_FLOOR
    assert losses["train"] > 2 * losses["eval"], "train mode (dropout on) gives a much higher loss"
    assert "two calls in train mode give the same scores: False" in capsys.readouterr().out
