"""The "Tensors and gradients" page's claims, checked by running its snippets."""

import re

import numpy as np
import pytest
import torch

from snippets.common.device import DeviceUnavailableError
from snippets.common.objectives import BOWL_MINIMUM
from tests.support.snippet_runner import line_labels

SIGMOID = 1 / (1 + np.exp(-np.array([1.0, 2.0, 3.0])))
SOFTMAX = np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum()


@pytest.mark.parametrize("module", ["snippets.low_level.tensors_pytorch", "snippets.low_level.tensors_tensorflow"])
def test_tensor_operations_give_the_numbers_worked_out_by_hand(module, run_snippet, capsys):
    result = run_snippet(module).result
    np.testing.assert_allclose(result["product"], [[2.0, 2.0, -1.0], [5.0, 4.0, -3.0]])
    np.testing.assert_allclose(result["product"], result["x"] @ result["w"])
    np.testing.assert_allclose(result["sigmoid"], SIGMOID, rtol=1e-6)
    np.testing.assert_allclose(result["softmax"], SOFTMAX, rtol=1e-6)
    assert result["softmax"].sum() == pytest.approx(1.0, abs=1e-6)
    assert result["product"].dtype == np.float32
    assert result["from_numpy_dtype"].endswith("float64"), "the page: NumPy's float64 is kept"
    out = capsys.readouterr().out
    assert "float64" in out and "float32" in out


def test_tensorflow_variable_changes_in_place_and_constant_cannot(run_snippet):
    result = run_snippet("snippets.low_level.tensors_tensorflow").result
    np.testing.assert_allclose(result["variable"], [0.5, 1.5])
    assert result["constant_can_change"] is False


@pytest.mark.parametrize("module", ["snippets.low_level.gradients_pytorch", "snippets.low_level.gradients_tensorflow"])
def test_automatic_gradient_matches_the_hand_derived_one(module, run_snippet, capsys):
    result = run_snippet(module).result
    assert result["autograd"] == pytest.approx(result["by_hand"], rel=1e-6)
    assert result["by_hand"] == pytest.approx((12 + np.cos(2.0), 4.0))  # df/dx = 2xy + cos x, df/dy = x^2 at (2, 3)
    out = capsys.readouterr().out
    assert out.count("df/dx = 11.5839") == 2, "both values are printed"


BROADCAST_DATA = np.array([[1.0, 10.0, 100.0], [2.0, 30.0, 400.0], [3.0, 20.0, 700.0], [6.0, 60.0, 300.0]])


@pytest.mark.parametrize(
    "module, error_type, error_says",
    [
        (
            "snippets.low_level.broadcasting_pytorch",
            "RuntimeError",
            "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
        ),
        ("snippets.low_level.broadcasting_tensorflow", "InvalidArgumentError", "Incompatible shapes: [4,3] vs. [4]"),
    ],
)
def test_broadcasting_repeats_a_row_and_refuses_shapes_that_do_not_match(
    module, error_type, error_says, run_snippet, capsys
):
    result = run_snippet(module).result
    np.testing.assert_array_equal(result["data"], BROADCAST_DATA)
    np.testing.assert_array_equal(result["minus_first_row"], BROADCAST_DATA - BROADCAST_DATA[0])
    np.testing.assert_allclose(result["centred"], BROADCAST_DATA - BROADCAST_DATA.mean(axis=0), atol=1e-4)
    np.testing.assert_allclose(result["centred"].mean(axis=0), 0.0, atol=1e-4)
    row_means = BROADCAST_DATA.mean(axis=1, keepdims=True)
    np.testing.assert_allclose(result["rows_centred"], BROADCAST_DATA - row_means, atol=1e-4)
    assert result["mismatch"].startswith(f"{error_type}: ") and error_says in result["mismatch"]
    assert result["silent_shape"] == (4, 4), "the page: (4, 1) with (4,) broadcasts without an error"
    out = capsys.readouterr().out
    assert "shape (4, 1)" in out, "the page: keepdim gives the row means shape (4, 1)"


@pytest.mark.parametrize(
    "module", ["snippets.low_level.reductions_pytorch", "snippets.low_level.reductions_tensorflow"]
)
def test_a_reduction_gives_the_loop_s_result_much_faster(module, run_snippet, capsys):
    result = run_snippet(module).result
    assert result["by_reduction"].shape == (50,)
    np.testing.assert_allclose(result["by_loop"], result["by_reduction"], rtol=1e-5)
    assert result["same"] is True
    assert result["reduction_seconds"] * 10 < result["loop_seconds"], "one call beats a loop of 1000 small ones"
    out = capsys.readouterr().out
    assert "same result: True" in out and "times slower" in out
    assert "(1000, 1)" in out, "keepdim(s)=True keeps the reduced axis with size 1"


def test_pytorch_in_place_methods_change_a_tensor_but_not_a_leaf_that_requires_grad(run_snippet, capsys):
    result = run_snippet("snippets.low_level.inplace_pytorch").result
    np.testing.assert_array_equal(result["x"], [20.0, 30.0, 40.0])  # (x + 1) * 10
    assert result["leaf_error"] == (
        "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation."
    )
    np.testing.assert_allclose(result["w"], [0.8, 1.6, 2.4], rtol=1e-6)  # w - 0.1 * 2w, inside torch.no_grad()
    assert "modified by an inplace operation" in result["saved_error"]
    assert "which is output 0 of Sigmoid" in result["saved_error"]
    out = capsys.readouterr().out
    assert "add_ returned x itself: True" in out and "still a leaf: True" in out


def test_tensorflow_tensors_never_change_and_variables_change_with_assign(run_snippet):
    result = run_snippet("snippets.low_level.inplace_tensorflow").result
    assert result["constant_error"].startswith("TypeError: ")
    assert "does not support item assignment" in result["constant_error"]
    np.testing.assert_array_equal(result["replaced"], [5.0, 2.0, 3.0])
    np.testing.assert_allclose(result["w"], [0.8, 1.6, 2.4], rtol=1e-6)
    assert result["through_assign"] is None, "the page: no gradient flows through assign"


DF_DX = 2 * 2.0 * 3.0 + np.cos(2.0)  # df/dx = 2xy + cos x at (2, 3)


def test_pytorch_graph_gradients_add_up_until_zeroed(run_snippet, capsys):
    result = run_snippet("snippets.low_level.autograd_graph_pytorch").result
    assert result["first"] == pytest.approx(DF_DX, rel=1e-6)
    assert result["second"] == pytest.approx(2 * result["first"], rel=1e-6), "a second backward() adds: 2x"
    assert result["fresh"] == pytest.approx(DF_DX, rel=1e-6), "zeroed, one backward() gives the gradient once"
    assert "Trying to backward through the graph a second time" in result["freed_error"]
    assert "retain_graph=True" in result["freed_error"]
    out = capsys.readouterr().out
    graph = out.split("from f back to the inputs:\n")[1].split("\nx.grad")[0].splitlines()
    assert graph == [
        "AddBackward0",
        "  MulBackward0",
        "    PowBackward0",
        "      AccumulateGrad -> x.grad",
        "    AccumulateGrad -> y.grad",
        "  SinBackward0",
        "    AccumulateGrad -> x.grad",
    ]
    assert "x: leaf True grad_fn None" in out


def test_a_gradient_tape_answers_once_unless_persistent(run_snippet, capsys):
    result = run_snippet("snippets.low_level.gradient_tape_tensorflow").result
    assert result["dx"] == pytest.approx(DF_DX, rel=1e-6)
    assert result["first"] == result["second"] == pytest.approx(DF_DX, rel=1e-6), "nothing adds up in TensorFlow"
    assert result["used_error"] == (
        "RuntimeError: A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)"
    )
    assert "['x:0', 'y:0']" in capsys.readouterr().out


# f(x) = (x0 * x1, x1 + x2**2) at x = (1, 2, 3): rows are outputs, columns inputs.
JACOBIAN = np.array([[2.0, 1.0, 0.0], [0.0, 1.0, 6.0]])


@pytest.mark.parametrize("module", ["snippets.low_level.jacobian_pytorch", "snippets.low_level.jacobian_tensorflow"])
def test_vector_jacobian_product_and_jacobian_match_the_hand_derived_ones(module, run_snippet):
    result = run_snippet(module).result
    np.testing.assert_array_equal(result["v"], [1.0, 10.0])
    np.testing.assert_allclose(result["vjp"], JACOBIAN.T @ result["v"], rtol=1e-6)
    np.testing.assert_allclose(result["jacobian"], JACOBIAN, rtol=1e-6)
    np.testing.assert_allclose(result["by_hand"], JACOBIAN)


def test_pytorch_asks_for_the_vector_of_a_non_scalar_backward(run_snippet):
    result = run_snippet("snippets.low_level.jacobian_pytorch").result
    assert result["scalar_error"] == "RuntimeError: grad can be implicitly created only for scalar outputs"
    np.testing.assert_allclose(result["returned"], result["vjp"])  # autograd.grad returns what backward(v) stores


def test_tensorflow_differentiates_the_sum_of_a_non_scalar_output(run_snippet):
    result = run_snippet("snippets.low_level.jacobian_tensorflow").result
    np.testing.assert_allclose(result["summed"], JACOBIAN.T @ np.ones(2), rtol=1e-6)


@pytest.mark.parametrize(
    "module", ["snippets.low_level.gradient_descent_pytorch", "snippets.low_level.gradient_descent_tensorflow"]
)
def test_gradient_descent_walks_down_to_the_minimum(module, run_snippet, capsys):
    run = run_snippet(module)
    losses, path = run.result["losses"], run.result["path"]
    assert all(later < earlier for earlier, later in zip(losses, losses[1:])), "loss falls at every step"
    assert losses[-1] < 1e-3 * losses[0]
    np.testing.assert_allclose(path[-1], BOWL_MINIMUM, atol=0.01)
    np.testing.assert_allclose(path[0], [-3.0, 2.0])
    assert len(path) == len(losses) + 1
    assert "epoch 40/40" in capsys.readouterr().out, "progress is shown"

    (figure,) = run.figures
    (ax,) = figure.axes
    assert line_labels(ax) == ["gradient descent steps", "minimum"]
    np.testing.assert_allclose(ax.get_lines()[0].get_xydata(), path)
    assert ax.collections, "contour lines of f are drawn"
    assert "gradient descent on f(x, y)" in ax.get_title()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("x", "y")


def test_graph_and_eager_give_the_same_result(run_snippet, capsys):
    result = run_snippet("snippets.low_level.graph_vs_eager_tensorflow").result
    assert result["eager_seconds"] > 0 and result["graph_seconds"] > 0 and result["trace_seconds"] > 0
    np.testing.assert_allclose(result["graph_result"], result["eager_result"], rtol=1e-5, atol=1e-6)
    assert result["operations"] >= 80, "20 rounds of matmul, tanh, multiply and add are in the graph"
    out = capsys.readouterr().out
    assert "eager:" in out and "graph:" in out and "same result: True" in out


def torch_sees_a_gpu():
    return torch.cuda.is_available()


def tensorflow_sees_a_gpu():
    import tensorflow as tf

    return bool(tf.config.list_physical_devices("GPU"))


# module, the name its result gives the GPU, whether its framework sees a GPU on this machine
GPU_SNIPPETS = [
    ("snippets.low_level.gpu_pytorch", "cuda", torch_sees_a_gpu),
    ("snippets.low_level.gpu_tensorflow", "gpu", tensorflow_sees_a_gpu),
]


def check_device_run(run, expected_devices):
    result = run.result
    assert result["devices"] == expected_devices
    assert list(result["seconds"]) == expected_devices and all(s > 0 for s in result["seconds"].values())
    expected = result["a"].astype(np.float64) @ result["b"].astype(np.float64)
    for product in result["products"].values():
        # 1024 terms per entry in float32 (a GPU may use TF32): compare relative to the size of the entries.
        assert np.abs(product - expected).max() < 1e-2 * np.abs(expected).max()
    (figure,) = run.figures
    (ax,) = figure.axes
    assert len(ax.patches) == len(expected_devices), "one bar per device measured"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["CPU", "GPU"][: len(expected_devices)]
    assert ax.get_ylabel() == "seconds"


@pytest.mark.parametrize("module, gpu_name, sees_a_gpu", GPU_SNIPPETS)
def test_without_a_gpu_only_the_cpu_is_timed(module, gpu_name, sees_a_gpu, run_snippet, capsys):
    if sees_a_gpu():
        pytest.skip("checks the CPU-only path")
    check_device_run(run_snippet(module), ["cpu"])
    assert "no GPU used here: timing the CPU only" in capsys.readouterr().out


@pytest.mark.parametrize("module, gpu_name, sees_a_gpu", GPU_SNIPPETS)
def test_lesson_device_cpu_times_the_cpu_only(module, gpu_name, sees_a_gpu, run_snippet, monkeypatch, capsys):
    monkeypatch.setenv("LESSON_DEVICE", "cpu")
    check_device_run(run_snippet(module), ["cpu"])
    assert re.search(r"^chosen device: /?cpu", capsys.readouterr().out, re.IGNORECASE | re.MULTILINE)


@pytest.mark.parametrize("module, gpu_name, sees_a_gpu", GPU_SNIPPETS)
def test_asking_for_a_missing_gpu_fails_loudly(module, gpu_name, sees_a_gpu, run_snippet, monkeypatch):
    if sees_a_gpu():
        pytest.skip("needs a machine without a GPU")
    monkeypatch.setenv("LESSON_DEVICE", "cuda")
    with pytest.raises(DeviceUnavailableError):
        run_snippet(module)


@pytest.mark.gpu
@pytest.mark.parametrize("module, gpu_name, sees_a_gpu", GPU_SNIPPETS)
def test_with_a_gpu_both_devices_are_timed(module, gpu_name, sees_a_gpu, run_snippet, monkeypatch, capsys):
    if not sees_a_gpu():
        pytest.skip("needs a GPU that this framework sees")
    monkeypatch.setenv("LESSON_DEVICE", "auto")  # no device forced (a GPU suite run sets cuda, a CPU one cpu)
    check_device_run(run_snippet(module), ["cpu", gpu_name])
    assert "largest difference between the CPU and GPU results" in capsys.readouterr().out


# --- claims the review found wrong or missing, each tested against the library ---------------------------------


def test_torch_from_numpy_and_numpy_share_memory_while_torch_tensor_copies(run_snippet):
    result = run_snippet("snippets.low_level.tensors_pytorch").result
    np.testing.assert_allclose(result["from_numpy"], [5.0, 0.5, 1.0])  # the snippet's change to the array shows

    array = np.zeros(3)
    shared, copied = torch.from_numpy(array), torch.tensor(array)
    array[1] = 7.0
    assert shared[1].item() == 7.0 and copied[1].item() == 0.0
    back = shared.numpy()
    shared[2] = 3.0  # and .numpy() shares the tensor's memory
    assert back[2] == 3.0 and array[2] == 3.0


def test_torch_promotes_float64_plus_float32_but_its_matrix_product_and_linear_refuse(run_snippet):
    result = run_snippet("snippets.low_level.tensors_pytorch").result
    assert "same dtype" in result["mixed_error"]
    f64, f32 = torch.ones(3, dtype=torch.float64), torch.ones(3)
    assert (f64 + f32).dtype == torch.float64, "element-wise: promoted, no error"
    with pytest.raises(RuntimeError):
        f64 @ torch.ones(3, 2)
    with pytest.raises(RuntimeError):
        torch.nn.Linear(3, 2)(f64[None, :])


def test_tensorflow_refuses_float64_with_float32_and_keras_layers_cast_their_input(run_snippet):
    import keras
    import tensorflow as tf

    assert run_snippet("snippets.low_level.tensors_tensorflow").result["mixed_error"] == "InvalidArgumentError"
    f64 = tf.constant(np.ones((1, 3)))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.matmul(f64, tf.ones((3, 2)))
    assert keras.layers.Dense(2)(np.ones((1, 3))).dtype == "float32", "Keras casts float64 input to float32"


def test_gradient_accumulation_over_k_mean_reduced_parts_needs_one_over_k():
    torch.manual_seed(0)
    x, y = torch.randn(12, 3), torch.randn(12)
    w = torch.zeros(3, requires_grad=True)

    def loss(xs, ys):
        return ((xs @ w - ys) ** 2).mean()

    (whole,) = torch.autograd.grad(loss(x, y), w)
    k = 3
    for scale in (1.0, 1.0 / k):
        w.grad = None
        for xs, ys in zip(x.chunk(k), y.chunk(k), strict=True):
            (scale * loss(xs, ys)).backward()
        if scale == 1.0:
            torch.testing.assert_close(w.grad, k * whole)  # unscaled: k times the gradient
        else:
            torch.testing.assert_close(w.grad, whole)  # each part divided by k: the whole batch's gradient


def test_a_tensorflow_update_must_keep_the_variable_or_the_next_tape_returns_none():
    import tensorflow as tf

    from snippets.common.objectives import bowl

    point = tf.Variable([-3.0, 2.0])
    for _ in range(2):  # assign_sub: point stays a variable, every tape watches it
        with tf.GradientTape() as tape:
            loss = bowl(point[0], point[1])
        gradient = tape.gradient(loss, point)
        assert gradient is not None
        point.assign_sub(0.1 * gradient)

    point = tf.Variable([-3.0, 2.0])
    with tf.GradientTape() as tape:
        loss = bowl(point[0], point[1])
    point = point - 0.1 * tape.gradient(loss, point)  # a new plain tensor, not a variable
    with tf.GradientTape() as tape:
        loss = bowl(point[0], point[1])
    assert tape.gradient(loss, point) is None


def test_a_tape_watches_only_trainable_variables(run_snippet, capsys):
    import tensorflow as tf

    assert run_snippet("snippets.low_level.gradient_tape_tensorflow").result["frozen_gradient"] is None
    assert "trainable=False: None" in capsys.readouterr().out
    frozen = tf.Variable(2.0, trainable=False)
    with tf.GradientTape() as tape:
        tape.watch(frozen)
        f = frozen**2
    assert float(tape.gradient(f, frozen)) == 4.0, "tape.watch records it"


def test_jacrev_gives_the_same_jacobian(run_snippet):
    result = run_snippet("snippets.low_level.jacobian_pytorch").result
    np.testing.assert_allclose(result["jacrev"], result["jacobian"])
    np.testing.assert_allclose(result["jacrev"], result["by_hand"])
