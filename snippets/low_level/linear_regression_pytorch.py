"""Linear regression with PyTorch's low-level API: two tensors, autograd and an optimizer, in our own loop."""

import matplotlib.pyplot as plt
import torch

from snippets.common.data import line_points
from snippets.common.device import torch_device
from snippets.common.plotting import new_figure, plot_fitted_line
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

TRUE_SLOPE, TRUE_INTERCEPT = 2.0, -1.0  # the line the data comes from
EPOCHS = 50


def main():
    seed_everything()
    device = torch_device()
    # 100 points near the line y = 2x - 1, with noise of standard deviation 0.5
    x, y = (torch.from_numpy(a).to(device) for a in line_points(100, TRUE_SLOPE, TRUE_INTERCEPT, noise=0.5))

    # The model y = w * x + b has two parameters; autograd tracks every operation on them.
    w = torch.zeros(1, device=device, requires_grad=True)
    b = torch.zeros(1, device=device, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=0.1)  # plain gradient descent

    losses = []
    for epoch in range(1, EPOCHS + 1):
        loss = ((w * x + b - y) ** 2).mean()  # mean squared error over all points
        optimizer.zero_grad()  # clear the gradients of the previous step
        loss.backward()  # autograd fills w.grad and b.grad
        optimizer.step()  # w -= lr * w.grad, b -= lr * b.grad
        losses.append(loss.item())
        report_epoch(epoch, EPOCHS, every=10, loss=losses[-1])

    slope, intercept = w.item(), b.item()
    print(f"fitted slope {slope:.3f}, intercept {intercept:.3f} (true: {TRUE_SLOPE}, {TRUE_INTERCEPT})")
    true_line_loss = ((TRUE_SLOPE * x + TRUE_INTERCEPT - y) ** 2).mean().item()  # the mean square of the noise
    print(f"loss of the true line on these points: {true_line_loss:.4f}")

    fig, ax = new_figure()
    plot_fitted_line(
        ax,
        x.cpu().numpy(),
        y.cpu().numpy(),
        slope,
        intercept,
        TRUE_SLOPE,
        TRUE_INTERCEPT,
        title="PyTorch: linear regression",
    )
    plt.show()
    return {"slope": slope, "intercept": intercept, "losses": losses, "true_line_loss": true_line_loss}


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    result = main()
    record("first_loss", result["losses"][0])
    record("final_loss", result["losses"][-1])
    record("true_line_loss", result["true_line_loss"])
