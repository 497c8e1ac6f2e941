"""Multi-label classification in PyTorch: one logit per label, a sigmoid for each, binary cross-entropy per label."""

import torch
from torch import nn

LABEL_NAMES = ["cat", "dog", "bird"]  # a photo may show any of them, several or none


def main():
    # One output per label, with no activation after it: shape (4, 3), as from nn.Linear(n, 3).
    logits = torch.tensor([[3.0, 2.5, -2.0], [-1.0, 0.5, -3.0], [-2.0, -2.5, -1.5], [1.0, -0.5, 2.0]])
    labels = torch.tensor([[1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1.0, 0.0, 1.0]])  # 1 = shown

    probabilities = torch.sigmoid(logits)  # each label on its own: the rows need not add up to 1
    predicted = probabilities > 0.5
    for row in predicted:
        print("predicted labels:", [name for name, shown in zip(LABEL_NAMES, row) if shown])
    print("sum of each row of probabilities:", probabilities.sum(dim=1))

    loss = nn.BCEWithLogitsLoss()(logits, labels)  # the mean over all 4 x 3 label decisions
    by_hand = -(labels * torch.log(probabilities) + (1 - labels) * torch.log(1 - probabilities)).mean()
    print(f"BCEWithLogitsLoss  {loss.item():.4f}")
    print(f"by hand            {by_hand.item():.4f}")
    return {
        "logits": logits.numpy(),
        "labels": labels.numpy(),
        "probabilities": probabilities.numpy(),
        "predicted": predicted.numpy(),
        "losses": {"BCEWithLogitsLoss": loss.item(), "by hand": by_hand.item()},
    }


if __name__ == "__main__":
    main()
