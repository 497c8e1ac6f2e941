"""Fixture: the run of every snippet the pages use, from the figure cache (run now where it has none)."""

import pytest

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.figures.build import build_figures
from lessonkit.figures.cache import FigureCache, cache_dir
from lessonkit.figures.hand_typed_numbers import modules_used


def pages() -> list:
    return sorted(DOCS_DIR.rglob("*.md"))


@pytest.fixture(scope="session")
def runs():
    """module -> FigureRun (its output, recorded values and manifest), for every snippet a page uses."""
    users = {}
    for page in pages():
        for module in modules_used(page.read_text(encoding="utf-8"), REPO_ROOT):
            users.setdefault(module, set()).add(str(page.relative_to(REPO_ROOT)))
    return build_figures(users, cache=FigureCache(cache_dir(REPO_ROOT)), root=REPO_ROOT, log=lambda line: None)
