"""Two moons: a single layer draws a straight boundary and fails; a multi-layer perceptron bends it and succeeds."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.data import two_moons
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_decision_boundary
from snippets.common.reproducibility import seed_everything
from snippets.low_level.classification_pytorch import accuracy, probability_map, train
from snippets.low_level.models_pytorch import MLP

EPOCHS = 300


def main():
    seed_everything()
    device = torch_device()
    x_train, y_train = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=0))
    x_val, y_val = (torch.from_numpy(a).to(device) for a in two_moons(300, seed=1))

    models = {
        "Single layer (logistic regression)": nn.Linear(2, 1).to(device),
        "MLP (two hidden layers)": MLP().to(device),
    }
    fig, axes = new_figure(ncols=2)
    val_accuracy, losses = {}, {}
    for ax, (title, model) in zip(axes, models.items()):
        print(title)
        losses[title] = train(model, x_train, y_train, EPOCHS, learning_rate=0.02)
        val_accuracy[title] = accuracy(model, x_val, y_val)
        print(f"validation accuracy: {val_accuracy[title]:.1%}")
        plot_decision_boundary(ax, probability_map(model, device), x_val.cpu().numpy(), y_val.cpu().numpy(), title)
    plt.show()
    return {"val_accuracy": val_accuracy, "losses": losses}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    single, mlp = result["val_accuracy"].values()
    single_losses = result["losses"]["Single layer (logistic regression)"]
    record("single_layer_val_accuracy", single)
    record("mlp_val_accuracy", mlp)
    record("single_layer_loss_200", single_losses[199])  # still falling at the end: the loss 100 epochs earlier
    record("single_layer_loss_300", single_losses[-1])
