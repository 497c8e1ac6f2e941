"""Lab part 1 in PyTorch: Iris flowers; a single-layer and a multi-layer network, chosen on the validation set."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from snippets.common.device import torch_device
from snippets.lab.datasets import iris_data
from snippets.lab.model_selection import choose_then_test, iris_candidates, record_results

EPOCHS = 50
LEARNING_RATE = 0.05
BATCH_SIZE = 64


def single_layer(n_features, n_classes):
    """Softmax regression: a linear layer gives one score per class.

    The layer returns the raw scores (logits): nn.CrossEntropyLoss applies the softmax itself.
    """
    return nn.Linear(n_features, n_classes)


def multi_layer(n_features, n_classes, hidden):
    """One hidden layer of ``hidden`` ReLU units between the inputs and the class scores."""
    return nn.Sequential(
        nn.Linear(n_features, hidden),
        nn.ReLU(),
        nn.Linear(hidden, n_classes),
    )


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def scores_of(model, x):
    """The network's class scores for the NumPy array ``x``, without gradients."""
    model.eval()
    with torch.no_grad():
        return model(torch.from_numpy(x).to(torch_device())).cpu()


def predict(model, x):
    """The class with the highest score, for each row of ``x``."""
    return scores_of(model, x).argmax(dim=1).numpy()


def accuracy(model, x, y):
    """The share of rows of ``x`` whose predicted class is the right one."""
    return (predict(model, x) == y).mean().item()


def train(model, data, epochs, learning_rate=LEARNING_RATE, batch_size=BATCH_SIZE):
    """Mini-batch training with Adam and cross-entropy on the training set; after every epoch, the loss on the
    training set and the loss and accuracy on the validation set (the test set is not touched)."""
    device = torch_device()
    model.to(device)
    batches = DataLoader(
        TensorDataset(torch.from_numpy(data.x_train), torch.from_numpy(data.y_train)),
        batch_size=batch_size,
        shuffle=True,
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    loss_fn = nn.CrossEntropyLoss()
    history = {"train_loss": [], "val_loss": [], "val_accuracy": []}
    for _ in range(epochs):
        model.train()
        total = 0.0
        for x, y in batches:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(x)
        history["train_loss"].append(total / len(data.x_train))
        history["val_loss"].append(loss_fn(scores_of(model, data.x_val), torch.from_numpy(data.y_val)).item())
        history["val_accuracy"].append(accuracy(model, data.x_val, data.y_val))
    return history


def main():
    candidates = iris_candidates(single_layer, multi_layer)
    for name, build in candidates.items():
        print(f"{name}: {count_parameters(build())} parameters")
    return choose_then_test(candidates, train, accuracy, iris_data(), EPOCHS)


if __name__ == "__main__":
    record_results(main())  # the numbers the lab page quotes
