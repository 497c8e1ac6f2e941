"""The overfitting page's PyTorch experiment: a large network, and a loop that records both losses."""

import torch
from torch import nn

from snippets.common.progress import report_epoch


def large_network():
    """Two hidden layers of 128 units: over 16 000 parameters for 12 training points."""
    return nn.Sequential(
        nn.Linear(1, 128),
        nn.ReLU(),
        nn.Linear(128, 128),
        nn.ReLU(),
        nn.Linear(128, 1),
    )


def train_and_validate(model, optimizer, data, epochs, should_stop=None):
    """Train on all training points at once, ``epochs`` times; return both losses of every epoch.

    ``data`` is ``x_train, y_train, x_val, y_val`` as NumPy arrays. ``should_stop(model, val_loss)``,
    if given, is called after every epoch and ends training early by returning True.
    """
    device = next(model.parameters()).device
    x_train, y_train, x_val, y_val = (torch.from_numpy(a).to(device) for a in data)
    loss_fn = nn.MSELoss()

    train_losses, val_losses = [], []
    for epoch in range(1, epochs + 1):
        model.train()  # dropout, if the model has any, is on
        optimizer.zero_grad()
        loss = loss_fn(model(x_train), y_train)
        loss.backward()
        optimizer.step()

        model.eval()  # dropout is off
        with torch.inference_mode():
            val_loss = loss_fn(model(x_val), y_val)
        train_losses.append(loss.item())
        val_losses.append(val_loss.item())
        report_epoch(epoch, epochs, every=50, train_loss=train_losses[-1], val_loss=val_losses[-1])
        if should_stop is not None and should_stop(model, val_losses[-1]):
            break
    return train_losses, val_losses
