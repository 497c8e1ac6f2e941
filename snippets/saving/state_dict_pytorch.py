"""Saving a PyTorch model's weights (its state_dict), loading them into a new model, and predicting with it."""

# --8<-- [start:train]
import pickle
import re
import tempfile
from pathlib import Path

import torch
from torch import nn

from snippets.common.data import digits_split
from snippets.common.device import torch_device
from snippets.common.reproducibility import seed_everything

EPOCHS = 10


def digits_network():
    """64 pixels -> 32 ReLU units -> 10 scores (logits), one per digit."""
    return nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))


def train(model, x, y, epochs=EPOCHS, batch_size=64):
    """Mini-batch training with Adam; nn.CrossEntropyLoss takes the logits and applies the softmax itself."""
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for _ in range(epochs):
        for batch in torch.randperm(len(x), device=x.device).split(batch_size):  # a new order every epoch
            optimizer.zero_grad()
            loss_fn(model(x[batch]), y[batch]).backward()
            optimizer.step()


# --8<-- [end:train]


# --8<-- [start:save]
def save_weights(model, path):
    torch.save(model.state_dict(), path)  # a dict: the name of each weight tensor -> its values


def load_weights(path):
    model = digits_network()  # the code builds the network ...
    state = torch.load(path, map_location=torch_device(), weights_only=True)  # ... the file holds only tensors
    model.load_state_dict(state)
    return model.to(torch_device())


# --8<-- [end:save]


# --8<-- [start:predict]
def predict_probabilities(model, x):
    """Probabilities of the 10 digits for each image of ``x``."""
    model.eval()  # layers such as dropout switch to their behaviour for predictions
    with torch.inference_mode():  # no graph is recorded for gradients: faster, less memory
        return torch.softmax(model(x), dim=1)


# --8<-- [end:predict]


# --8<-- [start:main]
def main():
    seed_everything()
    device = torch_device()
    x_train, x_val, y_train, y_val = (torch.from_numpy(a).to(device) for a in digits_split())
    model = digits_network().to(device)
    train(model, x_train, y_train)

    with tempfile.TemporaryDirectory() as folder:  # the files disappear at the end of the block
        path = Path(folder) / "digits.pt"
        save_weights(model, path)
        print(f"{path.name}: {path.stat().st_size} bytes")
        restored = load_weights(path)
        for name, tensor in restored.state_dict().items():
            print(f"  {name:9} {tuple(tensor.shape)}")

        # The other way, torch.save(model), pickles the whole object: loading it means running code.
        whole = Path(folder) / "whole_model.pt"
        torch.save(model, whole)
        try:
            torch.load(whole)  # weights_only=True is the default since PyTorch 2.6
            refused = None
        except pickle.UnpicklingError as error:
            refused = re.search(r"Unsupported global: GLOBAL \S+", str(error)).group()
            print(f"torch.load refuses the pickled model: {refused}")

    before, after = predict_probabilities(model, x_val), predict_probabilities(restored, x_val)
    print("the loaded model gives identical probabilities:", torch.equal(before, after))
    accuracy = (after.argmax(dim=1) == y_val).float().mean().item()
    print(f"validation accuracy of the loaded model: {accuracy:.3f}")
    print("first image, probability of each digit:", [round(p, 3) for p in after[0].tolist()])
    print(f"predicted digit {after[0].argmax().item()}, true digit {y_val[0].item()}")
    return model, restored, before, after, accuracy, refused


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    *_, accuracy, _ = main()
    record("val_accuracy", accuracy)
