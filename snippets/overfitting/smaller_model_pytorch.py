"""One hidden layer of 4 units (13 parameters) instead of two of 128, on the same 12 points, trained 5 times longer."""

from snippets.common.results import record, record_curves  # the page's numbers (not shown there)

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

EPOCHS = 2000  # five times as long as the other runs on this page


def small_network():
    # 4 ReLU units: a broken line with at most 4 bends, which cannot pass through 12 scattered points.
    return nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 1))


def main():
    seed_everything()
    device = torch_device()
    model = small_network().to(device)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{n_params} parameters")
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train_losses, val_losses = train_and_validate(model, optimizer, sine_train_val(), EPOCHS)

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: one hidden layer of 4 units", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    record("val_loss_at_400", val_losses[399])
    record("parameters", n_params)
    return train_losses, val_losses, n_params


if __name__ == "__main__":
    main()
