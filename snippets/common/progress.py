"""One line of progress per reported epoch, the same format for every framework."""


def report_epoch(epoch: int, epochs: int, every: int = 1, **metrics: float) -> None:
    """Print ``epoch 50/300  train_loss 0.1234  val_loss 0.2345`` on the first, every n-th and last epoch."""
    if epoch == 1 or epoch == epochs or epoch % every == 0:
        values = "  ".join(f"{name} {value:.4f}" for name, value in metrics.items())
        print(f"epoch {epoch:>{len(str(epochs))}}/{epochs}  {values}", flush=True)
