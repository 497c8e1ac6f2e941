"""Training curves: loss and accuracy of the MLP on training and validation data after every epoch."""

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from snippets.common.data import two_moons
from snippets.common.device import torch_device
from snippets.common.plotting import plot_loss_and_accuracy
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.low_level.classification_pytorch import accuracy
from snippets.low_level.models_pytorch import MLP

EPOCHS, BATCH_SIZE = 40, 32


def main():
    seed_everything()
    device = torch_device()
    x_train, y_train = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=0))
    x_val, y_val = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=1))
    batches = DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=True)

    model = MLP().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.BCEWithLogitsLoss()
    history = {"train_loss": [], "val_loss": [], "train_accuracy": [], "val_accuracy": []}
    for epoch in range(1, EPOCHS + 1):
        model.train()
        for x_batch, y_batch in batches:  # one epoch: every training point once, in shuffled batches of 32
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()

        model.eval()
        with torch.no_grad():  # measuring only: no gradients needed
            for part, x, y in [("train", x_train, y_train), ("val", x_val, y_val)]:
                history[part + "_loss"].append(loss_fn(model(x), y).item())
                history[part + "_accuracy"].append(accuracy(model, x, y))
        report_epoch(epoch, EPOCHS, every=10, **{name: values[-1] for name, values in history.items()})

    plot_loss_and_accuracy(history, title="PyTorch: MLP on the two moons")
    plt.show()
    return history


if __name__ == "__main__":
    main()
