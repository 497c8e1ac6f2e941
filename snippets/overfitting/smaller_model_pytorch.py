"""One hidden layer of 16 units (49 parameters) instead of two of 128, on the same 12 points."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import sine_train_val
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_pytorch import train_and_validate

EPOCHS = 400


def small_network():
    return nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))


def main():
    seed_everything()
    device = torch_device()
    model = small_network().to(device)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{n_params} parameters")
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train_losses, val_losses = train_and_validate(model, optimizer, sine_train_val(), EPOCHS)

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: one hidden layer of 16 units", EPOCHS)
    plt.show()
    return train_losses, val_losses, n_params


if __name__ == "__main__":
    main()
