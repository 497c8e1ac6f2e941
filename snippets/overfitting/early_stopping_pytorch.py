"""The large network, stopped once validation loss has not improved for 20 epochs."""

from snippets.common.results import record_curves  # the page's numbers (not shown there)

# isort: split
# --8<-- [start:code]
import copy

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import sine_train_val
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_remedy_curves
from snippets.common.reproducibility import seed_everything
from snippets.common.sine_regression_pytorch import large_network, train_and_validate

EPOCHS = 400


class EarlyStopping:
    """Says "stop" after ``patience`` epochs with no new low of validation loss; keeps the best weights."""

    def __init__(self, patience):
        self.patience = patience
        self.epoch = 0
        self.best_epoch = 0
        self.best_loss = float("inf")
        self.best_weights = None

    def __call__(self, model, val_loss):
        self.epoch += 1
        if val_loss < self.best_loss:  # a new low: take a snapshot of the weights
            self.best_epoch, self.best_loss = self.epoch, val_loss
            self.best_weights = copy.deepcopy(model.state_dict())
        return self.epoch - self.best_epoch >= self.patience


def main():
    seed_everything()
    device = torch_device()
    data = sine_train_val()
    model = large_network().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    early_stopping = EarlyStopping(patience=20)
    train_losses, val_losses = train_and_validate(model, optimizer, data, EPOCHS, should_stop=early_stopping)
    model.load_state_dict(early_stopping.best_weights)  # back to the best epoch

    x_val, y_val = (torch.from_numpy(a).to(device) for a in data[2:])
    model.eval()
    with torch.inference_mode():
        kept_val_loss = nn.functional.mse_loss(model(x_val), y_val).item()
    print(
        f"stopped after epoch {len(val_losses)}, kept the weights of epoch {early_stopping.best_epoch}: "
        f"validation loss {kept_val_loss:.4f}"
    )

    fig, ax = new_figure()
    plot_remedy_curves(ax, train_losses, val_losses, "PyTorch: early stopping", EPOCHS)
    plt.show()
    # --8<-- [end:code]
    record_curves(train_losses, val_losses)
    return train_losses, val_losses, early_stopping.best_epoch, kept_val_loss


if __name__ == "__main__":
    main()
