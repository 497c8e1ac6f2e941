"""Lightning checkpoints: ModelCheckpoint and trainer.save_checkpoint write them, load_from_checkpoint rebuilds the model."""

import tempfile
from pathlib import Path

import pytorch_lightning as pl
import torch

from snippets.common.device import lightning_accelerator
from snippets.common.reproducibility import seed_everything
from snippets.lightning.fit_digits import DigitsClassifier, digits_loaders, quiet_lightning

EPOCHS = 5


# --8<-- [start:save]
def train_with_checkpoints(folder):
    """Train the Lightning page's network with 16 hidden units; checkpoints go into ``folder``."""
    model = DigitsClassifier(hidden=16)  # save_hyperparameters() in __init__ keeps hidden=16 for the checkpoints
    best = pl.callbacks.ModelCheckpoint(dirpath=folder, monitor="val_loss")  # the epoch with the lowest val_loss
    trainer = pl.Trainer(
        max_epochs=EPOCHS,
        accelerator=lightning_accelerator(),
        devices=1,
        logger=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        callbacks=[best],
    )
    train_loader, val_loader = digits_loaders()
    trainer.fit(model, train_loader, val_loader)
    last = Path(folder) / "last.ckpt"
    trainer.save_checkpoint(last)  # the model as it is now, written by hand
    return model, best, last


# --8<-- [end:save]


# --8<-- [start:load]
def load(checkpoint):
    # A class method: it builds DigitsClassifier(**stored hyperparameters), then loads the weights into it.
    model = DigitsClassifier.load_from_checkpoint(checkpoint)
    print(f"{checkpoint.name}: hyperparameters {dict(model.hparams)}, in training mode: {model.training}")
    return model.eval()  # for predictions: the model comes back in training mode


# --8<-- [end:load]


# --8<-- [start:main]
def main():
    seed_everything()
    quiet_lightning()
    _, val_loader = digits_loaders()
    x_val, y_val = next(iter(val_loader))  # all validation images: one batch
    with tempfile.TemporaryDirectory() as folder:  # the files disappear at the end of the block
        model, checkpoint, last_path = train_with_checkpoints(folder)
        print("checkpoint files:", sorted(path.name for path in Path(folder).iterdir()))
        best_path = Path(checkpoint.best_model_path)
        restored, best = load(last_path), load(best_path)
    model.eval()
    with torch.inference_mode():
        scores = model(x_val.to(model.device))
        same = torch.equal(scores, restored(x_val.to(restored.device)))
        best_loss = torch.nn.functional.cross_entropy(best(x_val.to(best.device)), y_val.to(best.device)).item()
    print("last.ckpt gives identical scores:", same)
    print(
        f"validation loss of the best checkpoint: {best_loss:.4f} (ModelCheckpoint: {checkpoint.best_model_score:.4f})"
    )
    return model, restored, best, same, best_path.name, best_loss, checkpoint.best_model_score.item()


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.common.results import record  # values quoted in the page's prose

    *_, best_name, best_loss, _ = main()
    record("best_checkpoint", best_name)
    record("best_val_loss", best_loss)
