"""Standardise with the training set's mean and spread, and what happens with any other statistics."""

import torch
from torch import nn

from snippets.common.reproducibility import seed_everything
from snippets.common.scaled_features import two_scales

MEANS = (5.0, 50.0)


def main():
    seed_everything()
    # --8<-- [start:statistics]
    x_train, y_train = map(torch.from_numpy, two_scales(200, seed=0, means=MEANS, noise=0.5))
    x_val, y_val = map(torch.from_numpy, two_scales(50, seed=1, means=MEANS, noise=0.5))
    mean, std = x_train.mean(dim=0), x_train.std(dim=0)  # from the training set only, kept with the model
    print("training mean:", mean, "spread:", std)

    def standardise(x):
        return (x - mean) / std

    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(50):
        loss = nn.functional.mse_loss(model(standardise(x_train)).squeeze(1), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    one = x_val[:1]  # a single new example, as at prediction time
    with torch.no_grad():
        val_losses = {
            "training statistics": nn.functional.mse_loss(model(standardise(x_val)).squeeze(1), y_val).item(),
            "its own statistics": nn.functional.mse_loss(
                model((x_val - x_val.mean(dim=0)) / x_val.std(dim=0)).squeeze(1), y_val
            ).item(),
            "not standardised": nn.functional.mse_loss(model(x_val).squeeze(1), y_val).item(),
        }
        one_example = {
            "training statistics": model(standardise(one)).item(),
            "its own statistics": model((one - one.mean(dim=0)) / one.std(dim=0, correction=0)).item(),  # 0 / 0
        }
    for name, value in val_losses.items():
        print(f"validation loss, {name:20} {value:10.3f}")
    print(f"one example (target {y_val[0].item():.2f}):", {name: round(p, 2) for name, p in one_example.items()})
    # --8<-- [end:statistics]
    return {"mean": mean.numpy(), "std": std.numpy(), "val_losses": val_losses, "one_example": one_example}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    for name, key in [("training statistics", "train_statistics"), ("its own statistics", "own_statistics")]:
        record(key, result["val_losses"][name])
