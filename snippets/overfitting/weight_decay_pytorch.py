"""The large network with weight decay: every step also shrinks each weight a little towards zero."""

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
    model = large_network().to(device)
    # AdamW: each step first multiplies every weight by 1 - lr * weight_decay = 0.97, then takes the Adam step.
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=3.0)
    train_losses, val_losses = train_and_validate(model, optimizer, sine_train_val(), EPOCHS)

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: weight decay", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
