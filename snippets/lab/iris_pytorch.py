"""Lab part 1 in PyTorch: Iris flowers, with a single-layer and a multi-layer network."""
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from snippets.common.device import torch_device
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.lab.datasets import iris_data


def single_layer(n_features, n_classes):
    """Softmax regression: a linear layer gives one score per class.

    The layer returns the raw scores (logits): nn.CrossEntropyLoss applies the softmax itself.
    """
    return nn.Linear(n_features, n_classes)


def multi_layer(n_features, n_classes, hidden):
    """One hidden layer of ``hidden`` ReLU units between the inputs and the class scores."""
    return nn.Sequential(
        nn.Linear(n_features, hidden), nn.ReLU(),
        nn.Linear(hidden, n_classes),
    )


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def train(model, x_train, y_train, epochs, learning_rate, batch_size, every):
    """Mini-batch training with Adam and cross-entropy; returns the mean training loss per epoch."""
    device = torch_device()
    model.to(device)
    batches = DataLoader(TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train)),
                         batch_size=batch_size, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    for epoch in range(1, epochs + 1):
        model.train()
        total = 0.0
        for x, y in batches:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(x)
        losses.append(total / len(x_train))
        report_epoch(epoch, epochs, every=every, train_loss=losses[-1])
    return losses


def predict(model, x):
    """The class with the highest score, for each row of the NumPy array ``x``."""
    model.eval()
    with torch.no_grad():
        scores = model(torch.from_numpy(x).to(torch_device()))
    return scores.argmax(dim=1).cpu().numpy()


def train_and_test(networks, data, epochs, learning_rate, batch_size, every):
    """Train each network on the training set, then measure its accuracy on the test set."""
    x_train, x_test, y_train, y_test = data
    results = {}
    for name, model in networks.items():
        print(f"Training the {name} network ({count_parameters(model)} parameters)")
        losses = train(model, x_train, y_train, epochs, learning_rate, batch_size, every)
        predictions = predict(model, x_test)
        results[name] = {"losses": losses, "predictions": predictions,
                         "test_accuracy": float((predictions == y_test).mean())}
    for name, result in results.items():
        print(f"{name} network: test accuracy {result['test_accuracy']:.3f}")
    return results


def main():
    seed_everything()
    networks = {
        "single-layer": single_layer(n_features=4, n_classes=3),
        "multi-layer": multi_layer(n_features=4, n_classes=3, hidden=16),
    }
    return train_and_test(networks, iris_data(), epochs=100, learning_rate=0.03, batch_size=64,
                          every=25)


if __name__ == "__main__":
    main()
