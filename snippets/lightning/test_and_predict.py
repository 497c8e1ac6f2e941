"""A layer written by hand (nn.Module with its own nn.Parameters) in a LightningModule with test and predict steps."""

# --8<-- [start:layer]
import pytorch_lightning as pl
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from snippets.common.device import lightning_accelerator
from snippets.common.reproducibility import seed_everything
from snippets.lab.datasets import digits_data
from snippets.lightning.fit_digits import BATCH_SIZE, EPOCHS, DigitsClassifier, MetricsHistory, quiet_lightning


class Dense(nn.Module):
    """A fully connected layer written by hand: outputs = inputs @ weight + bias.

    The weight is stored as (inputs, outputs), the transpose of nn.Linear's (outputs, inputs), which computes
    inputs @ weight.T + bias; and it starts differently (see the page).
    """

    def __init__(self, n_inputs, n_outputs):
        super().__init__()
        # nn.Parameter: a tensor the module registers as its own, so that parameters(), the optimizer,
        # .to(device) and checkpoints all see it.
        self.weight = nn.Parameter(torch.randn(n_inputs, n_outputs) / n_inputs**0.5)
        self.bias = nn.Parameter(torch.zeros(n_outputs))

    def forward(self, x):
        return x @ self.weight + self.bias


# --8<-- [end:layer]


# --8<-- [start:module]
class TestedDigitsClassifier(DigitsClassifier):
    """The digits network built from hand-written layers, with a test step and a predict step."""

    def __init__(self, hidden=32, **kwargs):
        super().__init__(hidden=hidden, **kwargs)
        self.net = nn.Sequential(Dense(64, hidden), nn.ReLU(), Dense(hidden, 10))

    def test_step(self, batch, batch_idx):
        loss, accuracy = self.loss_and_accuracy(batch)
        self.log("test_loss", loss)
        self.log("test_accuracy", accuracy)

    def predict_step(self, batch, batch_idx):
        (images,) = batch  # predictions need no labels
        return self(images).argmax(dim=1)  # the highest logit is the highest probability


# --8<-- [end:module]


# --8<-- [start:main]
def main():
    seed_everything()
    quiet_lightning()
    data = digits_data()  # the lab's split: training, validation and test images
    x_train, y_train, x_val, y_val, x_test, y_test = (torch.from_numpy(a) for a in data)
    model = TestedDigitsClassifier()
    for name, parameter in model.named_parameters():
        print(f"{name:14} {tuple(parameter.shape)}")
    trainer = pl.Trainer(
        max_epochs=EPOCHS,
        accelerator=lightning_accelerator(),
        devices=1,
        logger=False,
        enable_checkpointing=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        callbacks=[MetricsHistory(every=10)],
    )
    trainer.fit(
        model,
        DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=True),
        DataLoader(TensorDataset(x_val, y_val), batch_size=len(x_val)),
    )
    # Once training (and any choice made on the validation set) is over: the test set, once.
    (scores,) = trainer.test(model, DataLoader(TensorDataset(x_test, y_test), batch_size=len(x_test)), verbose=False)
    print(f"test accuracy {scores['test_accuracy']:.3f}, test loss {scores['test_loss']:.3f}")
    # predict_step on new images: one tensor of predicted digits per batch.
    batches = trainer.predict(model, DataLoader(TensorDataset(x_test[:10]), batch_size=5))
    print("predicted:", torch.cat(batches).tolist())
    print("true:     ", y_test[:10].tolist())
    return model, scores, torch.cat(batches), y_test[:10]


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    model, scores, predicted, true = main()
    record("test_accuracy", scores["test_accuracy"])
