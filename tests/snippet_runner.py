"""Run a snippet's ``main()`` inside the test process, collecting the figures it shows."""
import importlib
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


@dataclass
class SnippetRun:
    result: object
    figures: list = field(default_factory=list)


def run_main(module_name: str, monkeypatch) -> SnippetRun:
    """Import ``module_name`` and call its ``main()``; ``plt.show()`` hands figures to the test instead."""
    figures = []

    def show(*args, **kwargs):
        figures.extend(plt.figure(n) for n in plt.get_fignums())
        plt.close("all")

    monkeypatch.setattr(plt, "show", show)
    module = importlib.import_module(module_name)
    return SnippetRun(result=module.main(), figures=figures)


def line_labels(ax) -> list[str]:
    return [line.get_label() for line in ax.get_lines()]
