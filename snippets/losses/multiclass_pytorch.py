"""Multiclass classification in PyTorch: one logit per class, softmax, and cross-entropy with integer or one-hot labels."""

import torch
import torch.nn.functional as F
from torch import nn

N_CLASSES = 3


def main():
    labels = torch.tensor([0, 2, 1, 2])  # one integer per example: the index of its class (int64)
    one_hot = F.one_hot(labels, num_classes=N_CLASSES)  # one row per example, with a single 1
    print("integer labels:", labels)
    print(f"one-hot labels:\n{one_hot}")

    # One output per class, with no activation after it: shape (4, 3), as from nn.Linear(n, 3).
    logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0], [1.5, 1.0, 0.0], [0.0, 2.0, 1.0]])
    probabilities = torch.softmax(logits, dim=1)  # each row: positive numbers that add up to 1
    print(f"probabilities:\n{probabilities}")
    print("predicted classes:", probabilities.argmax(dim=1))  # the same as logits.argmax(dim=1)

    loss_fn = nn.CrossEntropyLoss()  # takes logits: applies log-softmax itself
    with_integers = loss_fn(logits, labels)
    with_one_hot = loss_fn(logits, one_hot.float())  # class probabilities must be floats
    terms = -torch.log(probabilities[torch.arange(len(labels)), labels])  # -log P(true class), one per example
    by_hand = terms.mean()
    print("-log P(true class) of each example:", terms)
    print(f"CrossEntropyLoss, integer labels  {with_integers.item():.4f}")
    print(f"CrossEntropyLoss, one-hot labels  {with_one_hot.item():.4f}")
    print(f"by hand                           {by_hand.item():.4f}")
    return {
        "labels": labels.numpy(),
        "one_hot": one_hot.numpy(),
        "logits": logits.numpy(),
        "probabilities": probabilities.numpy(),
        "predicted": probabilities.argmax(dim=1).numpy(),
        "terms": terms.numpy(),
        "losses": {
            "integer labels": with_integers.item(),
            "one-hot labels": with_one_hot.item(),
            "by hand": by_hand.item(),
        },
    }


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    largest = int(result["terms"].argmax())  # the example that adds most to the mean
    record("misclassified_count", int((result["predicted"] != result["labels"]).sum()))
    record("largest_example", largest + 1)  # counted from 1, as the page does
    record("largest_term", float(result["terms"][largest]))
