"""Regression in PyTorch: a linear output (no activation) and the mean squared error."""

import torch
from torch import nn


def main():
    # One output per number to predict, with no activation: any value is possible. Shape (4, 1), as from nn.Linear(n, 1).
    predictions = torch.tensor([[2.5], [0.0], [-1.2], [7.9]])
    targets = torch.tensor([[3.0], [-0.5], [-1.0], [8.0]])  # the true values

    loss = nn.MSELoss()(predictions, targets)
    by_hand = ((predictions - targets) ** 2).mean()
    print(f"MSELoss  {loss.item():.4f}")
    print(f"by hand  {by_hand.item():.4f}")
    return {
        "predictions": predictions.numpy(),
        "targets": targets.numpy(),
        "losses": {"MSELoss": loss.item(), "by hand": by_hand.item()},
    }


if __name__ == "__main__":
    main()
