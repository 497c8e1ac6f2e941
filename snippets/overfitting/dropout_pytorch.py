"""The large network with dropout: while training, each hidden unit is off with probability 0.5."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import sine_train_val
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_pytorch import train_and_validate

EPOCHS = 400


def network_with_dropout(rate):
    return nn.Sequential(
        nn.Linear(1, 128),
        nn.ReLU(),
        nn.Dropout(rate),
        nn.Linear(128, 128),
        nn.ReLU(),
        nn.Dropout(rate),
        nn.Linear(128, 1),
    )


def main():
    seed_everything()
    device = torch_device()
    model = network_with_dropout(0.5).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    # train_and_validate calls model.train() before each step (dropout on)
    # and model.eval() before validating (dropout off).
    train_losses, val_losses = train_and_validate(model, optimizer, sine_train_val(), EPOCHS)

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: dropout 0.5", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
