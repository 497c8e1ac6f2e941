"""The lesson plugin's settings: one validated object (mkdocs-material style: typed options with defaults).

Set them in ``mkdocs.yml`` under ``extra: lessonkit:`` (the checkout loads the plugin through ``hooks:``, see
``lessonkit/site/mkdocs_hooks.py``). An environment variable, where set, wins over the file (``ENVIRONMENT``): the
README lists them.

Folders are relative to the folder of ``mkdocs.yml`` (the project), so a throw-away project in a test has its own.
"""

import os

from mkdocs.config import base
from mkdocs.config import config_options as c

from lessonkit.settings import DEFAULT_TIMEOUT_S, TIMEOUT_VARIABLE

PREVIEW = "cached"  # figures: no snippet runs, the figure cache's newest entries (make preview)


class TimeLimit(c.Type):
    """Seconds, above 0 and finite."""

    def __init__(self, default: float):
        super().__init__((int, float), default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not 0 < value < float("inf"):
            raise base.ValidationError(f"{value!r} is not a time limit: give a number of seconds above 0")
        return float(value)


class LessonConfig(base.Config):
    figure_cache = c.Type(str, default=".cache/figures")  # snippet runs: figures, output, recorded values
    notebook_cache = c.Type(str, default=".cache/notebooks")  # notebooks and their rendered HTML
    preview_cache = c.Type(str, default=".cache/preview")  # the preview's placeholder figures
    glossary_cache = c.Type(str, default=".cache/glossary")
    offline_cache = c.Type(
        str, default=".cache/offline"
    )  # compressed sizes of the files the offline copy saves  # the glossary pages made from translations/glossary.yml
    snippet_timeout = TimeLimit(default=DEFAULT_TIMEOUT_S)  # seconds one snippet run may take
    figures = c.Choice(("run", PREVIEW), default="run")  # "cached": the translators' preview, no snippet runs
    # Pages whose notebooks are also shown as pages: page -> name of the rendered page.
    rendered_notebooks = c.DictOfItems(c.Type(str), default={"lab": "lab-notebook"})
    # The content tabs that hold one framework's code: a notebook per framework, with only its tabs.
    framework_tabs = c.ListOfItems(c.Type(str), default=["PyTorch", "TensorFlow"])


# Environment variables that override an option (variable -> option); read when the build starts.
ENVIRONMENT = {
    "LESSON_FIGURE_CACHE": "figure_cache",
    TIMEOUT_VARIABLE: "snippet_timeout",
    "LESSON_FIGURES": "figures",
}


def environment_overrides(environ=os.environ) -> dict:
    """The options the environment sets (as text; validation converts and checks them)."""
    overrides = {}
    for variable, option in ENVIRONMENT.items():
        if text := environ.get(variable, "").strip():
            overrides[option] = float(text) if option == "snippet_timeout" and _is_number(text) else text
    return overrides


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
