"""Choosing a device in PyTorch, moving tensors and models there, and timing matrix products on CPU and GPU."""

import time

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_device_timings
from snippets.common.reproducibility import seed_everything

SIZE = 1024  # the matrices are SIZE x SIZE
PRODUCTS = 10  # how many products each timing measures


def wait_for(device):
    """GPU work runs in the background: wait until it has finished before reading the clock."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def time_products(a, b, device):
    """Seconds to multiply a by b PRODUCTS times on ``device``, and the product (back on the CPU)."""
    a, b = a.to(device), b.to(device)  # copy the inputs to the device
    a @ b  # a first product starts the device's maths libraries: leave it out of the timing
    wait_for(device)
    start = time.perf_counter()
    for _ in range(PRODUCTS):
        product = a @ b
    wait_for(device)
    return time.perf_counter() - start, product.cpu()


def main():
    seed_everything()
    device = torch_device()  # cuda when PyTorch sees a GPU, else cpu; LESSON_DEVICE=cpu or cuda forces one
    print("chosen device:", device)

    model = nn.Linear(SIZE, 10).to(device)  # moves the model's weights
    batch = torch.randn(32, SIZE).to(device)  # moves the data: both must be on the same device
    print("model output lives on:", model(batch).device)

    a, b = torch.randn(SIZE, SIZE), torch.randn(SIZE, SIZE)
    devices = [torch.device("cpu")] if device.type == "cpu" else [torch.device("cpu"), device]
    if len(devices) == 1:
        print("no GPU used here: timing the CPU only")
    seconds, products = {}, {}
    for each in devices:
        seconds[each.type], products[each.type] = time_products(a, b, each)
        print(f"{each.type}: {PRODUCTS} products of {SIZE} x {SIZE} matrices in {seconds[each.type]:.3f} s")
    if "cuda" in products:
        difference = (products["cuda"] - products["cpu"]).abs().max().item()
        print(f"largest difference between the CPU and GPU results: {difference:.2e}")

    fig, ax = new_figure()
    plot_device_timings(ax, seconds, title="PyTorch: the same matrix products on each device")
    plt.show()
    return {
        "devices": list(seconds),
        "seconds": seconds,
        "a": a.numpy(),
        "b": b.numpy(),
        "products": {name: p.numpy() for name, p in products.items()},
    }


if __name__ == "__main__":
    main()
