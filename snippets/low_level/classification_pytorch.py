"""Logistic regression in PyTorch: a single linear layer separates two clouds of points."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import two_blobs
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_decision_boundary
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 100


def train(model, x, y, epochs, learning_rate):
    """Train a model that outputs one logit per point on all points at once; return the loss of each epoch."""
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    loss_fn = nn.BCEWithLogitsLoss()  # sigmoid and binary cross-entropy in one numerically safe step
    losses = []
    for epoch in range(1, epochs + 1):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        report_epoch(epoch, epochs, every=epochs // 4, loss=losses[-1])
    return losses


def predict_probability(model, x):
    """The model's probability of class 1 for each point (measuring only: autograd records nothing)."""
    with torch.inference_mode():
        return torch.sigmoid(model(x))


def accuracy(model, x, y):
    """The fraction of points whose class is predicted correctly (class 1 when the probability is over 0.5)."""
    predicted = (predict_probability(model, x) > 0.5).float()
    return (predicted == y).float().mean().item()


def mean_loss(model, x, y):
    """The mean binary cross-entropy of the model's logits on these points."""
    with torch.inference_mode():
        return nn.functional.binary_cross_entropy_with_logits(model(x), y).item()


def probability_map(model, device):
    """A function from a NumPy array of points to the model's probabilities, for the plotting helper."""
    return lambda points: predict_probability(model, torch.from_numpy(points).to(device)).cpu().numpy()


def main():
    seed_everything()
    device = torch_device()
    x_train, y_train = (torch.from_numpy(a).to(device) for a in two_blobs(200, seed=0))
    x_val, y_val = (torch.from_numpy(a).to(device) for a in two_blobs(200, seed=1))  # new points, kept aside

    model = nn.Linear(2, 1).to(device)  # logit = w1 * x1 + w2 * x2 + b; probability = sigmoid(logit)
    untrained_loss = mean_loss(model, x_val, y_val)
    losses = train(model, x_train, y_train, EPOCHS, learning_rate=0.05)
    val_loss, val_accuracy = mean_loss(model, x_val, y_val), accuracy(model, x_val, y_val)
    print(f"validation loss: {untrained_loss:.3f} untrained, {val_loss:.3f} trained")
    print(f"validation accuracy: {val_accuracy:.1%}")

    fig, ax = new_figure()
    plot_decision_boundary(
        ax,
        probability_map(model, device),
        x_val.cpu().numpy(),
        y_val.cpu().numpy(),
        title="PyTorch: logistic regression",
    )
    plt.show()
    return {"losses": losses, "untrained_val_loss": untrained_loss, "val_loss": val_loss, "val_accuracy": val_accuracy}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    for key in ["untrained_val_loss", "val_loss", "val_accuracy"]:
        record(key, result[key])
