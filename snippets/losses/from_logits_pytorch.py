"""Why PyTorch's losses take logits: a sigmoid rounded to exactly 1.0 breaks the loss and its gradient."""

import torch
from torch import nn


def main():
    # A confident, wrong prediction: logit 20 says "class 1" for an example of class 0.
    logit = torch.tensor([20.0], requires_grad=True)
    label = torch.tensor([0.0])
    probability = torch.sigmoid(logit)
    print(f"sigmoid(20) in float32: {probability.item()!r}")  # 1 - 2e-9 is rounded to exactly 1.0

    from_probability = nn.BCELoss()(probability, label)  # log(1 - 1.0) = -inf, clamped at -100
    (gradient_from_probability,) = torch.autograd.grad(from_probability, logit)
    from_logit = nn.BCEWithLogitsLoss()(logit, label)  # never forms the probability
    (gradient_from_logit,) = torch.autograd.grad(from_logit, logit)

    # What BCEWithLogitsLoss computes instead: log(1 + e^z) - y*z, written so that no exp() can overflow.
    z, y = logit.detach(), label
    stable = (z.clamp(min=0) - y * z + torch.log1p(torch.exp(-z.abs()))).mean()

    print(
        f"BCELoss(sigmoid(z))   loss {from_probability.item():8.4f}   gradient {gradient_from_probability.item():.4f}"
    )
    print(f"BCEWithLogitsLoss(z)  loss {from_logit.item():8.4f}   gradient {gradient_from_logit.item():.4f}")
    print(f"by hand, stable form  loss {stable.item():8.4f}")
    return {
        "logit": z.item(),
        "label": y.item(),
        "probability": probability.item(),
        "from_probability": (from_probability.item(), gradient_from_probability.item()),
        "from_logit": (from_logit.item(), gradient_from_logit.item()),
        "stable": stable.item(),
    }


if __name__ == "__main__":
    main()
