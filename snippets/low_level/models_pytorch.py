"""One multi-layer perceptron (2 inputs, two hidden layers of 16 units, 1 output) written two ways in PyTorch."""

# --8<-- [start:sequential]
import torch
from torch import nn

HIDDEN = 16  # units in each hidden layer


def sequential_mlp():
    """nn.Sequential: a list of layers, each feeding the next."""
    return nn.Sequential(
        nn.Linear(2, HIDDEN),
        nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN),
        nn.ReLU(),
        nn.Linear(HIDDEN, 1),  # one logit: the score for class 1
    )


# --8<-- [end:sequential]


# --8<-- [start:class]
class MLP(nn.Module):
    """A subclass of nn.Module: layers created in __init__, the computation written in forward()."""

    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(2, HIDDEN)
        self.hidden2 = nn.Linear(HIDDEN, HIDDEN)
        self.output = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        x = torch.relu(self.hidden1(x))
        x = torch.relu(self.hidden2(x))
        return self.output(x)


# --8<-- [end:class]


# --8<-- [start:compare]
def count_parameters(model):
    """The number of trainable numbers in the model: every weight and bias."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def main():
    counts = {}
    for name, model in [("nn.Sequential", sequential_mlp()), ("nn.Module subclass", MLP())]:
        counts[name] = count_parameters(model)
        print(f"{name:19} {counts[name]} parameters, output shape {tuple(model(torch.zeros(5, 2)).shape)}")
    return counts


# --8<-- [end:compare]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    counts = main()
    record("parameters", counts["nn.Sequential"])
