"""Batch size and learning rate: the same MLP trained on the two moons for each pair, final validation loss."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import two_moons
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure
from snippets.low_level.models_pytorch import sequential_mlp

# --8<-- [start:grid]
BATCH_SIZES = [8, 32, 128]
LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1.0]
EPOCHS = 20


def final_val_loss(batch_size, learning_rate, x_train, y_train, x_val, y_val):
    """Train a fresh MLP with plain SGD for EPOCHS epochs; its loss on the validation set at the end."""
    torch.manual_seed(0)  # the same starting weights and the same shuffles for every pair
    model = sequential_mlp().to(x_train.device)
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(EPOCHS):
        order = torch.randperm(len(x_train), device=x_train.device)
        for batch in order.split(batch_size):  # one step per batch: 300 / batch_size steps per epoch
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        return loss_fn(model(x_val), y_val).item()


def main():
    device = torch_device()
    x_train, y_train = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=0))
    x_val, y_val = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=1))
    grid = {}
    for batch_size in BATCH_SIZES:
        grid[batch_size] = [final_val_loss(batch_size, rate, x_train, y_train, x_val, y_val) for rate in LEARNING_RATES]
        print(f"batch size {batch_size:3}:", "  ".join(f"{loss:.3f}" for loss in grid[batch_size]))
    # --8<-- [end:grid]

    fig, ax = new_figure(height=3.4)
    for batch_size, losses in grid.items():
        ax.plot(LEARNING_RATES, losses, "o-", label=f"batch size {batch_size}")
    ax.set_xscale("log")
    ax.set_xticks(LEARNING_RATES, [str(rate) for rate in LEARNING_RATES])
    ax.set_xlabel("learning rate")
    ax.set_ylabel("validation loss after 20 epochs")
    ax.set_title("PyTorch: MLP on the two moons, plain SGD")
    ax.legend()
    plt.show()
    return grid


if __name__ == "__main__":
    main()
