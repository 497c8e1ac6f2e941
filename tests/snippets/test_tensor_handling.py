"""The "Tensors by hand" section's claims (tensors page), checked by running its snippets."""

import numpy as np
import pytest

T = np.arange(12).reshape(3, 4)


def test_pytorch_indexing_views_joining_detach_and_numpy_sharing(run_snippet, capsys):
    result = run_snippet("snippets.low_level.tensor_handling_pytorch").result
    out = capsys.readouterr().out
    assert "t[1]       = tensor([4, 5, 6, 7])" in out and "t[:, 2]    = tensor([ 2,  6, 10])" in out
    assert "t[t > 6]   = tensor([ 7,  8,  9, 10, 11])" in out, "a mask gives a flat tensor of the numbers picked"
    assert result["t"][0, 0] == 100, "the page: a view shares its numbers, so writing to v changed t"
    assert result["view_error"].startswith("RuntimeError: view size is not compatible with input tensor's size")
    assert "Use .reshape(...) instead." in result["view_error"]
    expected = T.T.reshape(12).copy()
    expected[0] = 100
    np.testing.assert_array_equal(result["flat"], expected)
    assert result["shapes"] == {"cat dim=0": (4, 3), "cat dim=1": (2, 6), "stack": (2, 2, 3)}
    assert result["numpy_error"] == (
        "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
    )
    np.testing.assert_array_equal(result["shared"], [5.0, 7.0, 0.0], err_msg="from_numpy and .numpy() share memory")
    np.testing.assert_array_equal(result["copied"], [0.0, 0.0, 0.0], err_msg="torch.tensor copies")
    np.testing.assert_array_equal(result["array"], [5.0, 7.0, 0.0])


def test_tensorflow_indexing_joining_and_copies_to_and_from_numpy(run_snippet, capsys):
    result = run_snippet("snippets.low_level.tensor_handling_tensorflow").result
    out = capsys.readouterr().out
    np.testing.assert_array_equal(result["t"], T)
    assert "t[t > 6]   = tf.Tensor([ 7  8  9 10 11]" in out
    np.testing.assert_array_equal(result["flat"], T.T.reshape(12), err_msg="reshape works on a transposed tensor")
    assert result["shapes"] == {"concat axis=0": (4, 3), "concat axis=1": (2, 6), "stack": (2, 2, 3)}
    assert "doubled.numpy() inside the tape = [2. 4. 6.]" in out, "no detach needed: .numpy() works inside a tape"
    assert "gradient with stop_gradient = [ 4.  8. 12.]" in out, "stop_gradient: half the gradient without it"
    np.testing.assert_array_equal(result["constant"], [0.0, 0.0, 0.0], err_msg="tf.constant copied the array")
    np.testing.assert_array_equal(result["converted"], [0.0, 0.0, 0.0], err_msg="tf.convert_to_tensor copied it too")
    np.testing.assert_array_equal(result["array"], [5.0, 0.0, 0.0])
    assert "after back[1] = 7: constant -> [0. 0. 0.]" in out, ".numpy() returned a copy"


def test_pytorch_mse_loss_broadcasts_n_by_1_against_n_with_only_a_warning(run_snippet, capsys):
    result = run_snippet("snippets.low_level.loss_shapes_pytorch").result
    out = capsys.readouterr().out
    assert result["warning"] == (
        "UserWarning: Using a target size (torch.Size([4])) that is different to the input size (torch.Size([4, 1]))."
        " This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
    )
    assert "shape of predictions - targets: (4, 4)" in out
    predictions, targets = np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.5, 2.0, 2.5, 4.0])
    assert result["wrong"] == pytest.approx(((predictions[:, None] - targets[None, :]) ** 2).mean())
    assert result["right"] == pytest.approx(((predictions - targets) ** 2).mean())
    assert result["wrong"] > 10 * result["right"], "the page: the wrong loss is far off"


def test_tensorflow_hand_written_loss_broadcasts_silently_and_keras_loss_does_not(run_snippet, capsys):
    result = run_snippet("snippets.low_level.loss_shapes_tensorflow").result
    out = capsys.readouterr().out
    assert "shape of targets - predictions: (4, 4)" in out
    assert result["wrong"] == pytest.approx(2.125) and result["right"] == pytest.approx(0.125)
    assert result["keras"] == pytest.approx(result["right"]), "Keras losses bring both to the same shape first"
