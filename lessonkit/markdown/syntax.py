"""Markdown syntax as the pages write it, in one place: every reader of a page uses these rules.

The readers: the page model (``blocks.py``), the prose lines (``structure.py``), the code fences the tests run
(``fences.py``), the notebooks (``lessonkit/notebooks/convert.py``) and the translation checks. A change to how a
fence, a container or a piece of non-prose is recognised is made here, and ``tests/lessonkit/markdown/test_syntax.py`` feeds
the tricky cases through every reader.

- **Fences** open with three or more backticks or tildes and an optional info string, and close (CommonMark) with
  a line of the same character, at least as long, and nothing else: a ```` ```python ```` line inside a fence is
  code, not the fence's end. An unclosed fence runs to the end of its container.
- **Containers**: admonitions (``!!! note "Title"``), collapsible blocks (``??? example``, ``???+``) and content tabs
  (``=== "PyTorch"``); their body is indented by four columns (a tab counts as four), as in Python-Markdown.
- **Not prose**: inline code, HTML and comments (value tokens), link targets, maths, attribute lists and addresses:
  what a translation keeps exactly and what no prose check reads.
"""

import re
from collections.abc import Sequence

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
TAB = re.compile(r'^(?P<indent>[ \t]*)(?P<marker>===\+?)[ \t]+"(?P<label>[^"]*)"[ \t]*$')
CONTAINER_INDENT = 4  # columns of a container's body; a tab is one level
TAB_STOP = 4
INLINE_CODE = re.compile(r"`[^`\n]+`")
NOT_PROSE_PARTS = (
    r"`[^`\n]+`",  # inline code
    r"<!--.*?-->",  # comments, value tokens
    r"<[^>\n]*>",  # HTML, autolinks
    r"\]\([^)\n]*\)",  # a link's target (its text is prose)
    r"\$[^$\n]+\$",  # inline maths
    r"\{[^}\n]*\}",  # attribute lists, heading ids
    r"[a-z][a-z0-9+.-]*://[^\s)>]+",  # addresses
)
NOT_PROSE = re.compile("|".join(NOT_PROSE_PARTS))


def closes_fence(line: str, fence: str) -> bool:
    """Whether ``line`` closes a fence opened with ``fence`` (CommonMark: the same character, at least as many, and
    nothing else on the line)."""
    closing = line.strip()
    return len(closing) >= len(fence) and set(closing) == {fence[0]}


def fence_end(lines: Sequence[str], start: int) -> int:
    """Index just after the line that closes the fence opened at ``lines[start]`` (``len(lines)`` if unclosed)."""
    fence = FENCE_OPEN.match(lines[start])["fence"]
    for i in range(start + 1, len(lines)):
        if closes_fence(lines[i], fence):
            return i + 1
    return len(lines)


def fence_content(lines: Sequence[str], start: int) -> tuple[list[str], int]:
    """The lines inside the fence opened at ``lines[start]`` with the opening's indentation removed (CommonMark: a
    fence indented in a list item holds unindented code), and the index just after the fence."""
    opening = FENCE_OPEN.match(lines[start])
    end = fence_end(lines, start)
    closed = end - 1 > start and closes_fence(lines[end - 1], opening["fence"])
    indent = indent_width(opening["indent"])
    return [strip_indent(line, indent) for line in lines[start + 1 : end - 1 if closed else end]], end


def in_fences(lines: Sequence[str]) -> list[bool]:
    """For each line: whether it belongs to a fence (its opening and closing lines included)."""
    inside = [False] * len(lines)
    i = 0
    while i < len(lines):
        if FENCE_OPEN.match(lines[i]):
            end = fence_end(lines, i)
            inside[i:end] = [True] * (end - i)
            i = end
        else:
            i += 1
    return inside


def container_header(line: str) -> re.Match | None:
    """The header of an admonition, collapsible block or content tab, else None."""
    return ADMONITION.match(line) or TAB.match(line)


def indent_width(line: str) -> int:
    """Columns of leading whitespace, a tab advancing to the next multiple of four."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column = (column // TAB_STOP + 1) * TAB_STOP
        else:
            break
    return column


def strip_indent(line: str, columns: int) -> str:
    """``line`` with up to ``columns`` columns of leading whitespace removed (a tab counts to the next tab stop)."""
    column = i = 0
    while i < len(line) and line[i] in " \t" and column < columns:
        column = column + 1 if line[i] == " " else (column // TAB_STOP + 1) * TAB_STOP
        i += 1
    return line[i:]


def mask_not_prose(text: str, keep_lines: bool = True) -> str:
    """``text`` with what is not prose blanked out; positions and line breaks stay where they were (or, with
    ``keep_lines=False``, each piece becomes one space)."""
    if keep_lines:
        return NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return NOT_PROSE.sub(" ", text)


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a leading ``---`` YAML block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return i + 1
    return 0
