"""Gradients of a non-scalar output in PyTorch: vector-Jacobian products, and the whole Jacobian matrix."""

import torch


def f(x):
    """Three inputs, two outputs: f(x) = (x0 * x1, x1 + x2**2)."""
    return torch.stack([x[0] * x[1], x[1] + x[2] ** 2])


def jacobian_by_hand(x):
    """Row i holds the derivatives of output i with respect to x0, x1 and x2."""
    x0, x1, x2 = x.tolist()
    return torch.tensor([[x1, x0, 0.0], [0.0, 1.0, 2 * x2]])


def main():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = f(x)
    try:
        y.backward()  # two outputs: which combination of them should the gradient be of?
    except RuntimeError as error:
        scalar_error = f"{type(error).__name__}: {error}"
        print("y.backward() ->", scalar_error)

    # backward(v) computes J^T v: the gradient of the weighted sum v[0] * y[0] + v[1] * y[1].
    v = torch.tensor([1.0, 10.0])
    y.backward(v)
    (returned,) = torch.autograd.grad(f(x), x, grad_outputs=v)  # the same, returned instead of added to .grad
    by_hand = jacobian_by_hand(x)
    print("x.grad after y.backward(v):", x.grad)
    print("torch.autograd.grad(...):  ", returned)
    print("J^T v worked out by hand:  ", by_hand.T @ v)

    # The whole Jacobian: one vector-Jacobian product per output, done for us.
    jacobian = torch.autograd.functional.jacobian(f, x)
    print(f"torch.autograd.functional.jacobian(f, x) =\n{jacobian}")
    all_rows_at_once = torch.func.jacrev(f)(x.detach())  # the newer torch.func API: the same matrix
    print(f"torch.func.jacrev(f)(x) =\n{all_rows_at_once}")
    print(f"by hand =\n{by_hand}")
    return {
        "vjp": x.grad.numpy(),
        "returned": returned.numpy(),
        "v": v.numpy(),
        "jacobian": jacobian.numpy(),
        "jacrev": all_rows_at_once.numpy(),
        "by_hand": by_hand.numpy(),
        "scalar_error": scalar_error,
    }


if __name__ == "__main__":
    main()
