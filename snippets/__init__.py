"""Every code example of the lesson. Run one with ``python -m snippets.<topic>.<name>``.

A learner installs only the framework they study (``pip install -e ".[pytorch]"``). A snippet of another
framework then stops at its first import: instead of a bare ``ModuleNotFoundError`` traceback, it says which
extra to install.
"""

import sys

# Top-level module -> (what it is, the pyproject.toml extra that installs it).
FRAMEWORK_EXTRAS = {
    "torch": ("PyTorch", "pytorch"),
    "pytorch_lightning": ("PyTorch Lightning", "lightning"),
    "tensorflow": ("TensorFlow", "tensorflow"),
    "keras": ("Keras", "tensorflow"),
}


def missing_framework_message(error: ModuleNotFoundError) -> str | None:
    """What to install when ``error`` is a framework that is not installed; None for any other module."""
    top_level = (error.name or "").partition(".")[0]
    if top_level not in FRAMEWORK_EXTRAS:
        return None
    framework, extra = FRAMEWORK_EXTRAS[top_level]
    return (
        f"This example needs {framework} (module '{top_level}'), which is not installed in {sys.executable}.\n"
        f"Install the lesson's {extra} extra, from the lesson's folder:\n\n"
        f'    pip install -e ".[{extra}]"\n\n'
        'Each framework has its own extra: see "Run the examples" in README.md.'
    )


def _explain_missing_framework(kind, error, traceback, previous=sys.excepthook):
    message = missing_framework_message(error) if isinstance(error, ModuleNotFoundError) else None
    if message is None:
        previous(kind, error, traceback)
    else:
        print(message, file=sys.stderr)


sys.excepthook = _explain_missing_framework
