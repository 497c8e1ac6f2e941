"""Choosing a device in TensorFlow, placing tensors there, and timing matrix products on CPU and GPU."""

import time

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.common.device import tensorflow_device
from snippets.common.plotting import new_figure, plot_device_timings
from snippets.common.reproducibility import seed_everything

SIZE = 1024  # the matrices are SIZE x SIZE
PRODUCTS = 10  # how many products each timing measures


def time_products(a, b, device):
    """Seconds to multiply a by b PRODUCTS times on ``device``, and the product as a NumPy array."""
    with tf.device(device):  # operations inside this block run on the device
        a, b = tf.identity(a), tf.identity(b)  # copy the inputs to the device
        tf.matmul(a, b).numpy()  # a first product starts the device's maths libraries: leave it out of the timing
        start = time.perf_counter()
        for _ in range(PRODUCTS):
            product = tf.matmul(a, b)
        result = product.numpy()  # copying the result back waits until the device has finished
    return time.perf_counter() - start, result


def main():
    seed_everything()
    device = tensorflow_device()  # /GPU:0 when TensorFlow sees a GPU, else /CPU:0; LESSON_DEVICE forces one
    print("chosen device:", device)

    # TensorFlow and Keras place new tensors and weights on the GPU by themselves when there is one;
    # tf.device chooses the place explicitly.
    with tf.device(device):
        model = keras.layers.Dense(10)
        output = model(tf.random.normal((32, SIZE)))
    print("model output lives on:", output.device)

    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((SIZE, SIZE)).astype("float32") for _ in range(2))
    devices = ["/CPU:0"] if device == "/CPU:0" else ["/CPU:0", device]
    if len(devices) == 1:
        print("no GPU used here: timing the CPU only")
    seconds, products = {}, {}
    for each in devices:
        name = each.strip("/").split(":")[0].lower()  # "/GPU:0" -> "gpu"
        seconds[name], products[name] = time_products(a, b, each)
        print(f"{name}: {PRODUCTS} products of {SIZE} x {SIZE} matrices in {seconds[name]:.3f} s")
    if "gpu" in products:
        difference = np.abs(products["gpu"] - products["cpu"]).max()
        print(f"largest difference between the CPU and GPU results: {difference:.2e}")

    fig, ax = new_figure()
    plot_device_timings(ax, seconds, title="TensorFlow: the same matrix products on each device")
    plt.show()
    return {"devices": list(seconds), "seconds": seconds, "a": a, "b": b, "products": products}


if __name__ == "__main__":
    main()
