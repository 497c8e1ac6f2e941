"""Two common mistakes in PyTorch, run: softmax before CrossEntropyLoss, and probabilities passed to BCEWithLogitsLoss."""

import matplotlib.pyplot as plt
import torch
from torch import nn

from snippets.common.loss_plots import plot_two_mistakes


def main():
    # Mistake 1: a softmax before CrossEntropyLoss, which applies its own softmax: two softmaxes.
    cross_entropy = nn.CrossEntropyLoss()
    logits = torch.tensor([[10.0, 0.0, 0.0]])  # a confident and right prediction of class 0
    label = torch.tensor([0])
    softmax_first = (cross_entropy(logits, label), cross_entropy(torch.softmax(logits, dim=1), label))
    print(f"CrossEntropyLoss(logits)           {softmax_first[0].item():.4f}")
    print(f"CrossEntropyLoss(softmax(logits))  {softmax_first[1].item():.4f}")

    # Mistake 2: probabilities passed to BCEWithLogitsLoss, which applies its own sigmoid.
    bce_with_logits = nn.BCEWithLogitsLoss(reduction="none")  # one loss per example
    logits = torch.tensor([[10.0], [-10.0]])  # confident and right: class 1, then class 0
    labels = torch.tensor([[1.0], [0.0]])
    sigmoid_first = (bce_with_logits(logits, labels), bce_with_logits(torch.sigmoid(logits), labels))
    for name, losses in zip(["logits", "sigmoid(logits)"], sigmoid_first):
        print(
            f"{'BCEWithLogitsLoss(' + name + ')':36} label 1: {losses[0].item():.4f}  label 0: {losses[1].item():.4f}"
        )

    # The same losses for every logit of the true class.
    z = torch.linspace(-6.0, 10.0, 200)
    three_logits = torch.stack([z, torch.zeros_like(z), torch.zeros_like(z)], dim=1)  # the true class is 0
    class_0, label_1 = torch.zeros(len(z), dtype=torch.long), torch.ones_like(z)
    ce = nn.CrossEntropyLoss(reduction="none")
    curves = {
        "softmax first": (ce(three_logits, class_0), ce(torch.softmax(three_logits, dim=1), class_0)),
        "sigmoid first": (bce_with_logits(z, label_1), bce_with_logits(torch.sigmoid(z), label_1)),
    }
    plot_two_mistakes(
        z,
        curves["softmax first"],
        curves["sigmoid first"],
        titles=["PyTorch: softmax before CrossEntropyLoss", "PyTorch: sigmoid before BCEWithLogitsLoss"],
    )
    plt.show()
    return {
        "softmax_first": tuple(loss.item() for loss in softmax_first),
        "sigmoid_first": tuple(losses.flatten().tolist() for losses in sigmoid_first),
        "curves": {name: (z.numpy(), right.numpy(), mistaken.numpy()) for name, (right, mistaken) in curves.items()},
    }


if __name__ == "__main__":
    main()
