"""Values a snippet records for the page's prose ("after 20 epochs the validation accuracy is 96.4%").

The build sets ``LESSON_RESULTS_FILE`` before it runs a snippet; a page token such as
``<!-- value: keras/fit_digits val_accuracy:.1% -->`` is then replaced by the recorded value. Run alone,
the snippet records nothing and runs as usual.
"""

import json
import os
from numbers import Integral, Real
from pathlib import Path

RESULTS_VARIABLE = "LESSON_RESULTS_FILE"


def record(name: str, value) -> None:
    """Keep ``value`` (a number or a short text) under ``name`` for the pages that quote it."""
    if isinstance(value, bool) or not isinstance(value, (Real, str)):
        raise TypeError(f"record({name!r}, ...): a page can quote a number or a text, not {type(value).__name__}")
    if isinstance(value, Real):
        value = int(value) if isinstance(value, Integral) else float(value)  # NumPy scalars too
    target = os.environ.get(RESULTS_VARIABLE)
    if not target:
        return
    path = Path(target)
    values = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    values[name] = value
    path.write_text(json.dumps(values, indent=2, ensure_ascii=False), encoding="utf-8")


def record_curves(train_losses, val_losses) -> None:
    """Record what the overfitting page quotes from a training run: its lowest validation loss and its end."""
    best = min(range(len(val_losses)), key=val_losses.__getitem__)
    record("best_epoch", best + 1)
    record("best_val_loss", val_losses[best])
    record("epochs", len(val_losses))
    record("final_val_loss", val_losses[-1])
    record("final_train_loss", train_losses[-1])
