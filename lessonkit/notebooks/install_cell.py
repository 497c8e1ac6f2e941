"""The first cell of a downloaded notebook: installs exactly the packages its code imports, where they are missing.

Imports are read from the notebook's code cells and, for the lesson's own modules (``snippets.*``), from the
helpers they load; each is pinned as in pyproject.toml (lessonkit.requirements). A package that can already be
imported (Colab's torch, a learner's own environment) is left as it is.
"""

import ast
from pathlib import Path

import nbformat

from lessonkit.requirements import requirements_for
from lessonkit.snippets import _names, imported_packages  # _names: the imports of parsed code

INSTALL_CELL = """# Installs what this notebook needs, where it is missing: {names}.
import importlib.util
import subprocess
import sys

REQUIREMENTS = {requirements!r}
missing = [requirement for module, requirement in REQUIREMENTS.items() if importlib.util.find_spec(module) is None]
if missing:
    subprocess.check_call([sys.executable, "-m", "pip", "install", *missing])"""


def _imports(source: str) -> frozenset[str]:
    try:
        return _names(ast.walk(ast.parse(source)))
    except SyntaxError:  # a cell that is not plain Python imports nothing we can install
        return frozenset()


def notebook_imports(cells: list, root: Path) -> set[str]:
    """Top-level modules the code cells import, directly or through the lesson's own modules."""
    names = set()
    for cell in cells:
        if cell.cell_type == "code":
            names |= _imports(cell.source)
    for module in [name for name in names if name.partition(".")[0] == "snippets"]:
        names |= imported_packages(module, root)
    return {name.partition(".")[0] for name in names}


def install_cell(cells: list, root: Path) -> nbformat.NotebookNode:
    requirements = requirements_for(notebook_imports(cells, root))
    return nbformat.v4.new_code_cell(INSTALL_CELL.format(names=", ".join(requirements), requirements=requirements))
