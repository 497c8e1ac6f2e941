"""In-place operations in PyTorch: methods ending in _ change a tensor itself, and when autograd refuses them."""

import torch


def main():
    # A method whose name ends in an underscore changes the tensor's own numbers and returns the tensor.
    x = torch.tensor([1.0, 2.0, 3.0])
    returned = x.add_(1)  # x is now [2, 3, 4]
    x.mul_(10)  # and now [20, 30, 40]
    print("x after add_(1) and mul_(10):", x, "| add_ returned x itself:", returned is x)
    print("x.add(1) makes a new tensor:", x.add(1), "| x is unchanged:", x)

    # A weight: a leaf tensor (made by us, not computed) that requires gradients.
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    try:
        w.sub_(0.1)
    except RuntimeError as error:
        leaf_error = f"{type(error).__name__}: {error}"
        print("w.sub_(0.1) ->", leaf_error)

    # The right way for an update step: compute the gradient, then change w with recording switched off.
    loss = (w**2).sum()
    loss.backward()  # d(loss)/dw = 2w
    with torch.no_grad():
        w.sub_(0.1 * w.grad)  # w -= 0.1 * w.grad, as an optimizer's step() does
    print("w after a step inside torch.no_grad():", w.detach(), "| still a leaf:", w.is_leaf)

    # The right way inside a computation: a new tensor, which autograd records as usual.
    shifted = w - 0.1
    print("w - 0.1 is a new tensor:", shifted.detach(), "| made by:", shifted.grad_fn.name())

    # Autograd also refuses a tensor that was changed after it was saved for the backward pass.
    s = torch.sigmoid(w)  # sigmoid's gradient is computed from its output s, so autograd keeps s
    s.mul_(2)
    try:
        s.sum().backward()
    except RuntimeError as error:
        saved_error = f"{type(error).__name__}: {error}"
        print("backward() after s.mul_(2) ->", saved_error)
    return {"x": x.numpy(), "w": w.detach().numpy(), "leaf_error": leaf_error, "saved_error": saved_error}


if __name__ == "__main__":
    main()
