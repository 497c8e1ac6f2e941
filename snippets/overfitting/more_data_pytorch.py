"""The large network of the learning curves, trained on 120 points instead of 12."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import matplotlib.pyplot as plt
import torch

from snippets.common.data import sine_train_val
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_pytorch import large_network, train_and_validate

EPOCHS = 400


def main():
    seed_everything()
    device = torch_device()
    data = sine_train_val(extra_train=108)  # the same 12 points and 108 more from the same curve
    model = large_network().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train_losses, val_losses = train_and_validate(model, optimizer, data, EPOCHS)

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: 120 training points", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
