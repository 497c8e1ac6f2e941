"""A large network trained too long on 12 points: training loss falls, validation loss turns up."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import matplotlib.pyplot as plt
import torch

from snippets.common.data import sine_train_val
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_learning_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_pytorch import large_network, train_and_validate

EPOCHS = 400


def main():
    seed_everything()
    device = torch_device()
    data = sine_train_val()  # 12 training points, 200 validation points
    model = large_network().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train_losses, val_losses = train_and_validate(model, optimizer, data, EPOCHS)

    fig, ax = new_figure()
    plot_learning_curves(ax, train_losses, val_losses, title="PyTorch: 12 training points")
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses


if __name__ == "__main__":
    main()
