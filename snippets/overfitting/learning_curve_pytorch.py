"""A large network trained too long on 12 points: training loss keeps falling, validation loss turns up."""
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

from snippets.common.data import noisy_sine
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_learning_curves
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 400


def main():
    # --8<-- [start:train]
    seed_everything()
    device = torch_device()
    rng = np.random.default_rng(0)
    x_train, y_train = (torch.from_numpy(a).to(device) for a in noisy_sine(12, noise=0.4, rng=rng))
    x_val, y_val = (torch.from_numpy(a).to(device) for a in noisy_sine(200, noise=0.4, rng=rng))

    model = nn.Sequential(
        nn.Linear(1, 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, 1),
    ).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()

    train_losses, val_losses = [], []
    for epoch in range(1, EPOCHS + 1):
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(model(x_train), y_train)
        loss.backward()
        optimizer.step()

        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(x_val), y_val)
        train_losses.append(loss.item())
        val_losses.append(val_loss.item())
        report_epoch(epoch, EPOCHS, every=50, train_loss=train_losses[-1], val_loss=val_losses[-1])
    # --8<-- [end:train]

    fig, ax = new_figure()
    plot_learning_curves(ax, train_losses, val_losses, title="PyTorch: 12 training points")
    plt.show()
    return train_losses, val_losses


if __name__ == "__main__":
    main()
