"""Inside PyTorch autograd: the graph a result records, gradients that add up, and retain_graph."""

import torch


def print_graph(node, names, depth=0):
    """Print the recorded graph from the result back to the inputs, one operation per line."""
    if hasattr(node, "variable"):  # AccumulateGrad: the end of a path, where .grad of an input is filled in
        print("  " * depth + f"{type(node).__name__} -> {names[id(node.variable)]}.grad")
        return
    print("  " * depth + type(node).__name__)
    for parent, _ in node.next_functions:
        if parent is not None:
            print_graph(parent, names, depth + 1)


def main():
    x = torch.tensor(2.0, requires_grad=True)
    y = torch.tensor(3.0, requires_grad=True)
    f = x**2 * y + torch.sin(x)

    # Every result remembers the operation that made it (grad_fn); the inputs are leaves and have none.
    print("x: leaf", x.is_leaf, "grad_fn", x.grad_fn, "| f: leaf", f.is_leaf, "grad_fn", type(f.grad_fn).__name__)
    print("the graph of f = x**2 * y + sin(x), from f back to the inputs:")
    print_graph(f.grad_fn, {id(x): "x", id(y): "y"})

    # backward() frees the graph's saved values; retain_graph=True keeps them for one more pass.
    f.backward(retain_graph=True)
    first = x.grad.clone()
    f.backward()  # adds to what is in .grad already
    second = x.grad.clone()
    print(f"x.grad after one backward(): {first.item():.4f}, after two: {second.item():.4f}")
    try:
        f.backward()  # the graph was freed by the last call
    except RuntimeError as error:
        freed_error = f"{type(error).__name__}: {error}"
        print("a third backward() ->", freed_error)

    x.grad = y.grad = None  # what optimizer.zero_grad() does before each training step
    (x**2 * y + torch.sin(x)).backward()  # a fresh forward pass records a new graph
    print(f"x.grad after zeroing and a new forward and backward pass: {x.grad.item():.4f}")
    return {"first": first.item(), "second": second.item(), "fresh": x.grad.item(), "freed_error": freed_error}


if __name__ == "__main__":
    main()
