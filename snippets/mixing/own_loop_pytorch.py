"""Mixing the levels in PyTorch: a hand-written layer inside nn.Sequential, and a LightningModule trained by our own loop."""

# --8<-- [start:module]
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from snippets.common.data import digits_split
from snippets.common.device import torch_device
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.lightning.fit_digits import DigitsClassifier
from snippets.lightning.test_and_predict import Dense  # the layer written by hand on the Lightning page

EPOCHS = 10


class DropoutDigits(DigitsClassifier):
    """The Lightning page's module, built from hand-written layers, with dropout after the hidden layer."""

    def __init__(self, hidden=32, **kwargs):
        super().__init__(hidden=hidden, **kwargs)
        self.net = nn.Sequential(
            Dense(64, hidden),
            nn.ReLU(),
            nn.Dropout(0.5),  # in training mode, sets each hidden unit to 0 with probability 0.5
            Dense(hidden, 10),
        )


# --8<-- [end:module]


# --8<-- [start:train]
def train(model, loader, x_val, y_val, epochs=EPOCHS):
    """Our own loop instead of pl.Trainer: a LightningModule is an nn.Module, and its methods are ours to call."""
    optimizer = model.configure_optimizers()  # the module's own choice: Adam, learning rate 0.01
    for epoch in range(1, epochs + 1):
        model.train()  # dropout on
        total = 0.0
        for x, y in loader:
            x, y = x.to(model.device), y.to(model.device)  # the data stays on the CPU; each batch moves
            loss, _ = model.loss_and_accuracy((x, y))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(x)
        model.eval()  # dropout off: the whole network answers
        with torch.inference_mode():
            _, val_accuracy = model.loss_and_accuracy((x_val, y_val))
        report_epoch(epoch, epochs, every=5, loss=total / len(loader.dataset), val_accuracy=val_accuracy.item())
    return val_accuracy.item()


# --8<-- [end:train]


# --8<-- [start:main]
def main():
    seed_everything()
    device = torch_device()
    x_train, x_val, y_train, y_val = (torch.from_numpy(a) for a in digits_split())
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)
    x_train, x_val, y_train, y_val = (t.to(device) for t in (x_train, x_val, y_train, y_val))
    model = DropoutDigits().to(device)
    val_accuracy = train(model, loader, x_val, y_val)

    # The same weights and the same training images, in both modes:
    losses = {}
    for mode in ("train", "eval"):
        getattr(model, mode)()  # model.train() or model.eval()
        with torch.inference_mode():
            losses[mode] = nn.functional.cross_entropy(model(x_train), y_train).item()
    print(f"loss on the training images in train mode: {losses['train']:.3f}, in eval mode: {losses['eval']:.3f}")
    model.train()
    with torch.inference_mode():
        first, second = model(x_train[:1]), model(x_train[:1])
    print("two calls in train mode give the same scores:", torch.equal(first, second))
    return model, losses, val_accuracy


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    model, losses, val_accuracy = main()
    record("loss_train_mode", losses["train"])
    record("loss_eval_mode", losses["eval"])
    record("val_accuracy", val_accuracy)
