"""PyTorch autograd: the gradient of an expression, checked against the derivative worked out by hand."""

import math

import torch

X0, Y0 = 2.0, 3.0  # the point where we take the gradient


def main():
    # Tensors with requires_grad=True record every operation done with them.
    x = torch.tensor(X0, requires_grad=True)
    y = torch.tensor(Y0, requires_grad=True)
    f = x**2 * y + torch.sin(x)

    f.backward()  # walks the recorded operations backwards and fills .grad
    autograd = (x.grad.item(), y.grad.item())

    # By hand: df/dx = 2xy + cos(x), df/dy = x^2
    by_hand = (2 * X0 * Y0 + math.cos(X0), X0**2)
    print(f"f({X0}, {Y0}) = {f.item():.4f}")
    print(f"autograd: df/dx = {autograd[0]:.4f}  df/dy = {autograd[1]:.4f}")
    print(f"by hand:  df/dx = {by_hand[0]:.4f}  df/dy = {by_hand[1]:.4f}")
    return {"autograd": autograd, "by_hand": by_hand}


if __name__ == "__main__":
    main()
