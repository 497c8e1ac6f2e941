"""A shape mistake that raises no error: predictions of shape (N, 1) against targets of shape (N,) in MSELoss."""

import warnings

import torch
from torch import nn


def main():
    predictions = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # a model's output: one column, shape (4, 1)
    targets = torch.tensor([1.5, 2.0, 2.5, 4.0])  # the labels: shape (4,)
    mse = nn.MSELoss()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wrong = mse(predictions, targets)  # (4, 1) - (4,) broadcasts to (4, 4): every prediction vs every target
    print(f"{caught[0].category.__name__}: {caught[0].message}")
    print("shape of predictions - targets:", tuple((predictions - targets).shape))
    print(f"MSELoss(predictions, targets)            = {wrong.item():.4f}  (the mean of 16 differences)")

    right = mse(predictions.squeeze(1), targets)  # (4,) against (4,): one difference per example
    print(f"MSELoss(predictions.squeeze(1), targets) = {right.item():.4f}")
    return {
        "warning": f"{caught[0].category.__name__}: {caught[0].message}",
        "wrong": wrong.item(),
        "right": right.item(),
    }


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    record("broadcast_loss", result["wrong"])
    record("same_shape_loss", result["right"])
