"""EarlyStopping on a setup that overfits; a ModelCheckpoint keeps the best epoch's weights."""

import tempfile

import pytorch_lightning as pl

from snippets.common.device import lightning_accelerator
from snippets.common.reproducibility import seed_everything
from snippets.lightning.fit_digits import (
    DigitsClassifier,
    MetricsHistory,
    digits_loaders,
    quiet_lightning,
)

MAX_EPOCHS = 100
N_TRAIN = 200  # few training images: the network soon starts to memorise them


def main():
    seed_everything()
    quiet_lightning()
    # --8<-- [start:fit]
    train_loader, val_loader = digits_loaders(n_train=N_TRAIN)
    model = DigitsClassifier()
    recorder = MetricsHistory(every=10)
    early_stopping = pl.callbacks.EarlyStopping(
        monitor="val_loss",  # watch the loss on the validation images
        patience=10,  # stop after 10 epochs without a new lowest value
    )
    with tempfile.TemporaryDirectory() as checkpoint_dir:
        best_checkpoint = pl.callbacks.ModelCheckpoint(dirpath=checkpoint_dir, monitor="val_loss")
        trainer = pl.Trainer(
            max_epochs=MAX_EPOCHS,
            accelerator=lightning_accelerator(),
            devices=1,
            logger=False,
            enable_progress_bar=False,
            enable_model_summary=False,
            callbacks=[early_stopping, best_checkpoint, recorder],
        )
        trainer.fit(model, train_loader, val_loader)
        # Load the weights saved at the best epoch, then measure them.
        (restored,) = trainer.validate(model, val_loader, ckpt_path="best", verbose=False)

    val_losses = recorder.history["val_loss"]
    best_epoch = min(range(len(val_losses)), key=val_losses.__getitem__) + 1
    print(f"stopped after epoch {len(val_losses)} of {MAX_EPOCHS}")
    print(f"lowest validation loss {min(val_losses):.4f} at epoch {best_epoch}")
    print(f"the restored model: validation loss {restored['val_loss']:.4f}, accuracy {restored['val_accuracy']:.3f}")
    # --8<-- [end:fit]
    return dict(recorder.history), best_epoch, (restored["val_loss"], restored["val_accuracy"])


if __name__ == "__main__":
    main()
