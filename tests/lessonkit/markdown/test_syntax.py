"""Every reader of a page reads the tricky cases the same way (the rules live in lessonkit/markdown/syntax.py).

The readers: the page model (blocks.parse), the prose lines (structure.prose_lines, the translation checks' prose),
the code fences the tests run (fences.ExpandingMarkdownIt, for pytest-markdown-docs) and the notebooks
(notebooks.convert.page_notebook). The page holds a "```python" line inside a fence, a tab character and a content
tab inside an admonition, and a fence indented in a list.
"""

import pytest

from lessonkit import REPO_ROOT
from lessonkit.markdown.blocks import outline, parse
from lessonkit.markdown.fences import ExpandingMarkdownIt
from lessonkit.markdown.structure import prose_lines
from lessonkit.markdown.syntax import closes_fence, fence_content, in_fences, indent_width, strip_indent
from lessonkit.translations.style import prose

PAGE = """\
# Title

Some prose.

````markdown
```python
print("an example of Markdown, not code of the page")
```
````

```text
```python
still text: a fence closes only with a line of backticks alone
```

!!! note "A note"

\tIndented with a tab: prose inside the note.

    === "PyTorch"

        ```python
        import torch
        ```

1. A step

    ```python
    x = 1
    ```

Prose after.
"""
LINES = PAGE.split("\n")
PYTHON_CODE = ["import torch", "x = 1"]  # the page's Python, in order
OTHER_FENCES = [  # the other fences' contents
    '```python\nprint("an example of Markdown, not code of the page")\n```',
    "```python\nstill text: a fence closes only with a line of backticks alone",
]
CODE_LINES = {
    number
    for number, line in enumerate(LINES, start=1)
    if line.strip().startswith(("```", "print", "still", "import", "x ="))
}
PROSE_LINES = {n for n, line in enumerate(LINES, start=1) if line.strip()} - CODE_LINES


def test_the_fence_rules():
    assert closes_fence("```", "```") and closes_fence("  ````  ", "```")
    assert not closes_fence("```python", "```") and not closes_fence("``", "```") and not closes_fence("~~~", "```")
    assert fence_content(LINES, LINES.index("```text")) == (OTHER_FENCES[1].split("\n"), LINES.index("```text") + 4)
    assert indent_width("\tx") == 4 and indent_width("  \tx") == 4 and strip_indent("\t\tx", 4) == "\tx"


def test_the_page_model_reads_the_fences():
    code = [p.block for p in outline(parse(PAGE)) if p.block.kind == "code"]
    contents = ["\n".join(block.text.split("\n")[1:-1]) for block in code]
    assert contents == [*OTHER_FENCES, *PYTHON_CODE]
    assert {n for block in code for n in range(block.start, block.end + 1)} == CODE_LINES
    (note,) = [p.block for p in outline(parse(PAGE)) if p.block.kind == "admonition"]
    assert [child.kind for child in note.children] == ["paragraph", "tab"], "the tab-indented line is the note's prose"


@pytest.mark.parametrize("reader", ["structure.prose_lines", "translations.style.prose"])
def test_prose_readers_see_the_same_lines(reader):
    if reader == "structure.prose_lines":
        lines = [(item.line, item.text) for item in prose_lines(PAGE)]
    else:
        lines = prose(PAGE)
    assert {number for number, text in lines if text.strip()} == PROSE_LINES
    assert in_fences(LINES) == [n in CODE_LINES for n in range(1, len(LINES) + 1)]


def test_the_fences_pytest_runs_are_the_same():
    fences = [token for token in ExpandingMarkdownIt(config="commonmark").parse(PAGE) if token.type == "fence"]
    python = [token.content.rstrip("\n") for token in fences if token.info == "python"]
    assert python == PYTHON_CODE
    assert [token.content.rstrip("\n") for token in fences if token.info != "python"] == OTHER_FENCES


def test_the_notebook_has_the_same_code_cells():
    from lessonkit.notebooks.convert import page_notebook

    notebook = page_notebook(PAGE, "PyTorch", "en", "Run the next cell.", root=REPO_ROOT)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"][1:]  # after the install cell
    assert code == PYTHON_CODE
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert all(fence in markdown for fence in OTHER_FENCES), "the other fences stay in the Markdown, as written"
    assert "Indented with a tab: prose inside the note." in markdown.split("\n")
