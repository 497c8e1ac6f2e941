"""lessonkit.notebooks.snippet_parts: a file that a page shows in parts runs in the notebook."""

import re
import subprocess
import sys
import textwrap

import pytest

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.notebooks.convert import page_notebook
from lessonkit.notebooks.snippet_parts import runnable_parts
from lessonkit.notebooks.sources import frameworks_of

SNIPPET = '''\
"""A demo."""

import time

import numpy as np

from snippets.common.results import record

STEPS = 3


def helper(x):
    return np.sqrt(x) + STEPS


# --8<-- [start:main]
def main(scale=1):
    start = time.perf_counter()
    return helper(4) * scale, time.perf_counter() - start


# --8<-- [end:main]


if __name__ == "__main__":
    value, seconds = main(scale=2)
    for name in ("value",):
        record(name, str(value))
'''


def test_a_part_gets_what_it_uses_before_it_and_the_main_blocks_call_after_it(tmp_path):
    (tmp_path / "demo.py").write_text(SNIPPET, encoding="utf-8")
    page = 'Text.\n\n=== "PyTorch"\n\n    ```python\n    --8<-- "demo.py:main"\n    ```\n'
    shown = runnable_parts(page, tmp_path)
    expected = """\
    ```python
    import time
    import numpy as np
    STEPS = 3
    def helper(x):
        return np.sqrt(x) + STEPS

    --8<-- "demo.py:main"

    if __name__ == "__main__":
        main(scale=2)
    ```"""
    assert textwrap.indent(textwrap.dedent(expected), "    ") in shown, shown
    assert "record" not in shown and "str(value)" not in shown, "the site's plumbing stays out"
    whole = 'Text.\n\n```python\n--8<-- "demo.py"\n```\n'
    assert runnable_parts(whole, tmp_path) == whole, "a whole file brings its own imports and main block"


def pages_and_frameworks():
    for page in sorted(DOCS_DIR.rglob("*.md")):
        if not re.search(r"\.(bn|hi)\.md$", page.name):
            for framework in frameworks_of(page.read_text(encoding="utf-8")):
                yield pytest.param(page, framework, id=f"{page.relative_to(DOCS_DIR).with_suffix('')}-{framework}")


@pytest.mark.parametrize(("page", "framework"), list(pages_and_frameworks()))
def test_every_notebooks_code_defines_every_name_it_uses(page, framework, tmp_path):
    notebook = page_notebook(page.read_text(encoding="utf-8"), framework, "en", "Run the next cell.", root=REPO_ROOT)
    code = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    code = "\n".join(line for line in code.split("\n") if not line.lstrip().startswith(("%", "!")))
    (tmp_path / "notebook.py").write_text(code, encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F821", "--output-format", "concise", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, f"{page.name} ({framework}): names the notebook never defines:\n{found.stdout}"
    defined = set(re.findall(r"^def (\w+)\(", code, re.M))
    assert "main" not in defined or re.search(r"^    main\(", code, re.M), "main() is defined but never called"
