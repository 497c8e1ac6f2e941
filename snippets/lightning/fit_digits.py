"""The digits network as a LightningModule, trained by pl.Trainer; metrics recorded and plotted."""

# --8<-- [start:module]
import logging
import warnings
from collections import defaultdict

import matplotlib.pyplot as plt
import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchmetrics.functional import accuracy as accuracy_of

from snippets.common.data import digits_split
from snippets.common.device import lightning_accelerator
from snippets.common.plotting import plot_loss_and_accuracy
from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything

EPOCHS = 20
BATCH_SIZE = 64
LEARNING_RATE = 0.01


class DigitsClassifier(pl.LightningModule):
    """64 pixels -> 32 ReLU units -> 10 scores, one per digit."""

    def __init__(self, hidden=32, learning_rate=LEARNING_RATE):
        super().__init__()
        self.save_hyperparameters()  # stored in checkpoints, so a saved model can be rebuilt
        self.net = nn.Sequential(nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10))

    def forward(self, x):
        return self.net(x)

    def loss_and_accuracy(self, batch):
        x, y = batch
        logits = self(x)  # 10 raw scores per image: no softmax in the network
        loss = F.cross_entropy(logits, y)  # softmax and cross-entropy in one step, on the logits
        accuracy = accuracy_of(logits, y, task="multiclass", num_classes=10)  # share of right answers
        return loss, accuracy

    def training_step(self, batch, batch_idx):
        loss, accuracy = self.loss_and_accuracy(batch)
        # on_epoch=True: Lightning averages the batches of each epoch for us.
        self.log("train_loss", loss, on_step=False, on_epoch=True)
        self.log("train_accuracy", accuracy, on_step=False, on_epoch=True)
        return loss  # Lightning calls backward() and the optimizer with it

    def validation_step(self, batch, batch_idx):
        loss, accuracy = self.loss_and_accuracy(batch)
        self.log("val_loss", loss)
        self.log("val_accuracy", accuracy)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate)


# --8<-- [end:module]


# --8<-- [start:data]
def digits_loaders(n_train=None):
    """Training and validation images as DataLoaders of (pixels, digit) batches.

    ``n_train`` keeps only the first n training images (all of them by default).
    """
    x_train, x_val, y_train, y_val = (torch.from_numpy(a) for a in digits_split())
    train = DataLoader(
        TensorDataset(x_train[:n_train], y_train[:n_train]),
        batch_size=BATCH_SIZE,
        shuffle=True,  # a new order every epoch
    )
    val = DataLoader(TensorDataset(x_val, y_val), batch_size=len(x_val))
    return train, val


# --8<-- [end:data]


# --8<-- [start:history]
class MetricsHistory(pl.Callback):
    """Keeps the metrics logged in each epoch and prints a progress line every few epochs."""

    def __init__(self, every=5):
        self.every = every
        self.history = defaultdict(list)  # metric name -> one value per epoch

    def on_train_epoch_end(self, trainer, pl_module):
        # Runs after the epoch's validation: callback_metrics holds this epoch's averages.
        metrics = {name: value.item() for name, value in trainer.callback_metrics.items()}
        for name, value in metrics.items():
            self.history[name].append(value)
        report_epoch(
            trainer.current_epoch + 1,
            trainer.max_epochs,
            every=self.every,
            loss=metrics["train_loss"],
            val_loss=metrics["val_loss"],
            val_accuracy=metrics["val_accuracy"],
        )


def quiet_lightning():
    """Keep Lightning's output short: our callback reports progress."""
    # Both of Lightning's packages print start-up notes (devices found, tips): show warnings only.
    for package in ("pytorch_lightning", "lightning_fabric"):
        logging.getLogger(package).setLevel(logging.WARNING)
    # Our data is in memory as tensors: DataLoader worker processes would only add start-up time.
    warnings.filterwarnings("ignore", message=".*does not have many workers")
    # Lightning 2.6 itself uses a part of torch that torch 2.13 deprecates: not our code to change.
    warnings.filterwarnings("ignore", message=r"`isinstance\(treespec, LeafSpec\)` is deprecated")


# --8<-- [end:history]


# --8<-- [start:main]
def main():
    seed_everything()
    quiet_lightning()
    train_loader, val_loader = digits_loaders()
    model = DigitsClassifier()
    recorder = MetricsHistory(every=5)
    trainer = pl.Trainer(
        max_epochs=EPOCHS,
        accelerator=lightning_accelerator(),  # "auto": a GPU when Lightning finds one; LESSON_DEVICE can force "cpu"
        devices=1,
        logger=False,  # no log files: MetricsHistory keeps what we plot
        enable_checkpointing=False,  # no model files either
        enable_progress_bar=False,
        enable_model_summary=False,
        callbacks=[recorder],
    )
    (untrained,) = trainer.validate(model, val_loader, verbose=False)  # the same network before training
    trainer.fit(model, train_loader, val_loader)
    (scores,) = trainer.validate(model, val_loader, verbose=False)
    before, after = untrained["val_accuracy"], scores["val_accuracy"]
    print(f"validation accuracy: {before:.3f} before training, {after:.3f} after {EPOCHS} epochs")

    title = "Lightning: digits, 1437 training images"
    fig = plot_loss_and_accuracy(recorder.history, title=title)
    fig.axes[0].set_ylabel("cross-entropy")
    plt.show()
    return dict(recorder.history), after, before


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    history, accuracy, untrained_accuracy = main()
    record("val_accuracy", accuracy)
    record("untrained_val_accuracy", untrained_accuracy)
