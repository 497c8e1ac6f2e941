"""Turn a page into a Jupyter notebook for one framework: its prose as Markdown cells, its code as code cells.

Only the chosen framework's tabs are kept. A first code cell writes the lesson's shared helpers
(``snippets/common/...``) next to the notebook, so the downloaded file runs on its own.
"""

import re
from pathlib import Path

import nbformat

from lessonkit.markdown.fences import expand_snippet_includes
from lessonkit.markdown.quizzes import quizzes
from lessonkit.markdown.refs import FIGURE_URI, OUTPUT_MARKER
from lessonkit.markdown.syntax import (
    ADMONITION,
    CONTAINER_INDENT,
    FENCE_OPEN,
    TAB,
    fence_content,
    front_matter_end,
    in_fences,
    indent_width,
    strip_indent,
)
from lessonkit.notebooks.install_cell import install_cell
from lessonkit.notebooks.snippet_parts import runnable_parts
from lessonkit.notebooks.sources import FRAMEWORK_TABS, helper_sources

PYTHON_INFO = re.compile(r"^(python|py|\{[^}]*\.python[^}]*\})\s*$")
BRACE_INFO = re.compile(r"^(?P<fence>\s*(?:`{3,}|~{3,}))\{[^}]*?\.(?P<lang>[\w-]+)[^}]*\}\s*$")  # ```{.bash notest}
HEADING_ID = re.compile(r"\s*\{\s*#[\w-]+\s*\}\s*$")  # ## Title {#id}


def _plain_markdown(line: str) -> str:
    """Jupyter's Markdown has no attribute lists: ```{.bash notest} becomes ```bash, "## T {#id}" becomes "## T"."""
    if match := BRACE_INFO.match(line):
        return f"{match['fence']}{match['lang']}"
    return HEADING_ID.sub("", line) if line.startswith("#") else line


RIGHT, WRONG = "✔", "✘"  # a notebook has no quiz script: each option shows whether it is right, and why


def _quizzes_with_answers(markdown: str) -> str:
    """Each quiz question as plain Markdown: the question in bold, every option marked right or wrong with its
    explanation under it, then the question's explanation."""
    found = quizzes(markdown)
    if not found:
        return markdown
    lines, out, previous = markdown.split("\n"), [], 0
    for quiz in found:
        out += lines[previous : quiz.line - 1]
        out += [f"**{quiz.question}**", ""]
        for option in quiz.options:
            text = f"{RIGHT} **{option.text}**" if option.correct else f"{WRONG} {option.text}"
            explanation = [f"    {line}" if line.strip() else "" for line in option.explanation.split("\n")]
            out += [f"- {text}", "", *explanation, ""]
        out += [quiz.explanation, ""]
        previous = quiz.end
    return "\n".join(out + lines[previous:])


def _keep_framework(lines: list[str], framework: str, tabs: tuple[str, ...] = FRAMEWORK_TABS) -> list[str]:
    """Drop the other frameworks' tabs; move kept tab and admonition contents to the left margin."""
    out, skip_indent, shift = [], None, []  # shift: stack of (indent of the block header, columns to remove)
    for line, code in zip(lines, in_fences(lines)):
        indent = indent_width(line)
        if skip_indent is not None:
            if not line.strip() or indent > skip_indent:
                continue
            skip_indent = None
        while shift and line.strip() and indent <= shift[-1][0]:
            shift.pop()
        removed = sum(columns for _, columns in shift)
        line = strip_indent(line, removed)
        tab, admonition = (None, None) if code else (TAB.match(line), ADMONITION.match(line))
        if tab:
            if tab["label"] != framework and tab["label"] in tabs:
                skip_indent = indent  # skip everything indented under this tab
                continue
            shift.append((indent, CONTAINER_INDENT))
            continue
        if admonition:
            shift.append((indent, CONTAINER_INDENT))
            if admonition["title"]:
                out.append(f"**{admonition['title']}**")
            continue
        out.append(line)
    return out


def _cells(lines: list[str]) -> list:
    cells, prose, i = [], [], 0

    def flush() -> None:
        if "".join(prose).strip():
            cells.append(nbformat.v4.new_markdown_cell("\n".join(prose).strip()))

    while i < len(lines):
        if opening := FENCE_OPEN.match(lines[i]):
            body, end = fence_content(lines, i)  # the CommonMark closing rule: a ```python line inside is code
            if PYTHON_INFO.match(opening["info"].strip()):
                flush()
                prose = []
                cells.append(nbformat.v4.new_code_cell("\n".join(body).rstrip()))
            else:  # another language's fence stays in the Markdown cell, as it is
                prose.extend([_plain_markdown(lines[i]), *lines[i + 1 : end]])
            i = end
            continue
        line = lines[i]
        if not (OUTPUT_MARKER.match(line) or FIGURE_URI.search(line) and line.lstrip().startswith("![")):
            prose.append(_plain_markdown(line))
        i += 1
    flush()
    return cells


SETUP_CELL = """# Setup: the lesson's shared helpers (seeding, device choice, data, plotting) as files next to this notebook.
from pathlib import Path

HELPERS = {files}
for name, text in HELPERS.items():
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")"""
SITE_HELPERS_NOTE = "on this page: the files' names; the downloaded notebook holds their text"


def _helpers_outline(helpers: dict[str, str]) -> str:
    """The helpers as the site's page of a notebook lists them: each file's name and length, its text left out
    (most of a notebook's bytes, and no reading matter: the lesson's pages show what matters of it)."""
    counts = {name: len(text.splitlines()) for name, text in helpers.items()}
    lines = [f"    {name!r}: ...,  # {n} line{'' if n == 1 else 's'}" for name, n in counts.items()]
    return "\n".join([f"{{  # {SITE_HELPERS_NOTE}", *lines, "}"])


def page_notebook(
    markdown: str,
    framework: str,
    language: str,
    setup_note: str,
    on_site: bool = False,
    tabs: tuple[str, ...] = FRAMEWORK_TABS,
    *,
    root: Path,
) -> nbformat.NotebookNode:
    """The page's notebook for ``framework``; ``on_site``: as the site shows it (the helpers' text left out, the title
    before the install cell), not as a learner downloads it."""
    lines = markdown.split("\n")
    body = _quizzes_with_answers("\n".join(lines[front_matter_end(lines) :]))
    shown = expand_snippet_includes(runnable_parts(body, root / "snippets"), root / "snippets")
    cells = _cells(_keep_framework(shown.split("\n"), framework, tabs))
    helpers = helper_sources(body, root)
    if helpers:
        files = _helpers_outline(helpers) if on_site else repr(helpers)
        setup = [nbformat.v4.new_markdown_cell(setup_note), nbformat.v4.new_code_cell(SETUP_CELL.format(files=files))]
        cells[1:1] = setup  # after the title
    install = install_cell(cells, root)  # pip-installs what is missing: the first cell, or after the title on the site
    cells = [*cells[:1], install, *cells[1:]] if on_site else [install, *cells]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata.update(
        {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "lesson": {"language": language, "framework": framework},
            # Kaggle: the install cell needs the internet (Colab always has it)
            "kaggle": {"isInternetEnabled": True, "language": "python", "sourceType": "notebook"},
        }
    )
    if uses_gpu(cells):  # Colab and Kaggle open it on a GPU runtime
        notebook.metadata["accelerator"] = "GPU"
        notebook.metadata["colab"] = {"gpuType": "T4", "provenance": []}
        notebook.metadata["kaggle"].update({"accelerator": "nvidiaTeslaT4", "isGpuEnabled": True})
    return notebook


GPU_CODE = re.compile(r"snippets/common/device\.py|\b(?:torch_device|tensorflow_device|cuda)\b|/GPU:")


def uses_gpu(cells: list) -> bool:
    """Whether the notebook's code places work on a GPU when there is one (snippets.common.device, ``cuda``)."""
    return any(cell.cell_type == "code" and GPU_CODE.search(cell.source) for cell in cells)
