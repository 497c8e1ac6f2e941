"""Binary classification in PyTorch: one output (a logit), the sigmoid, and binary cross-entropy (log loss)."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.loss_plots import plot_log_loss
from snippets.common.plotting import new_figure


def main():
    # One output per example, with no activation after it: the logit. Shape (4, 1), as from nn.Linear(n, 1).
    logits = torch.tensor([[2.0], [-1.0], [0.5], [-3.0]])
    labels = torch.tensor([[1.0], [0.0], [0.0], [1.0]])  # the true class of each example, as a float

    probabilities = torch.sigmoid(logits)  # P(class 1) for each example
    from_logits = nn.BCEWithLogitsLoss()(logits, labels)  # applies the sigmoid itself
    from_probabilities = nn.BCELoss()(probabilities, labels)
    by_hand = -(labels * torch.log(probabilities) + (1 - labels) * torch.log(1 - probabilities)).mean()

    print("P(class 1):", probabilities.flatten())
    print(f"BCEWithLogitsLoss(logits)  {from_logits.item():.4f}")
    print(f"BCELoss(probabilities)     {from_probabilities.item():.4f}")
    print(f"by hand                    {by_hand.item():.4f}")

    # The loss of a single example, for every probability a model could predict.
    p = torch.linspace(0.001, 0.999, 500)
    bce = nn.BCELoss(reduction="none")  # one loss per example instead of their mean
    loss_if_1, loss_if_0 = bce(p, torch.ones_like(p)), bce(p, torch.zeros_like(p))
    examples = bce(probabilities, labels).flatten()

    fig, ax = new_figure()
    plot_log_loss(
        ax,
        p,
        loss_if_1,
        loss_if_0,
        (probabilities.flatten(), examples),
        title="PyTorch: binary cross-entropy (log loss)",
    )
    plt.show()
    return {
        "logits": logits.numpy(),
        "labels": labels.numpy(),
        "probabilities": probabilities.numpy(),
        "losses": {
            "BCEWithLogitsLoss": from_logits.item(),
            "BCELoss": from_probabilities.item(),
            "by hand": by_hand.item(),
        },
        "curve": (p.numpy(), loss_if_1.numpy(), loss_if_0.numpy()),
    }


if __name__ == "__main__":
    main()
