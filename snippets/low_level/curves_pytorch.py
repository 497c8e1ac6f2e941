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
from snippets.low_level.classification_pytorch import accuracy, mean_loss
from snippets.low_level.models_pytorch import MLP

EPOCHS, BATCH_SIZE = 40, 32


def main():
    seed_everything()
    device = torch_device()
    x_train, y_train = (torch.from_numpy(a) for a in two_moons(300, seed=0))  # the data stays on the CPU
    x_val, y_val = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=1))
    batches = DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=True)

    model = MLP().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.BCEWithLogitsLoss()
    untrained = {"val_loss": mean_loss(model, x_val, y_val), "val_accuracy": accuracy(model, x_val, y_val)}
    print("untrained:", "  ".join(f"{name} {value:.4f}" for name, value in untrained.items()))
    history = {"train_loss": [], "val_loss": [], "train_accuracy": [], "val_accuracy": []}
    for epoch in range(1, EPOCHS + 1):
        model.train()
        for x_batch, y_batch in batches:  # one epoch: every training point once, in shuffled batches of 32
            x_batch, y_batch = x_batch.to(device), y_batch.to(device)  # each batch moves to the device
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()

        model.eval()  # both helpers measure inside torch.inference_mode(): nothing is recorded
        for part, x, y in [("train", x_train.to(device), y_train.to(device)), ("val", x_val, y_val)]:
            history[part + "_loss"].append(mean_loss(model, x, y))
            history[part + "_accuracy"].append(accuracy(model, x, y))
        report_epoch(epoch, EPOCHS, every=10, **{name: values[-1] for name, values in history.items()})

    plot_loss_and_accuracy(history, title="PyTorch: MLP on the two moons")
    plt.show()
    return {**history, "untrained": untrained}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    record("untrained_val_loss", result["untrained"]["val_loss"])
    record("untrained_val_accuracy", result["untrained"]["val_accuracy"])
    record("val_loss", result["val_loss"][-1])
    record("val_accuracy", result["val_accuracy"][-1])
