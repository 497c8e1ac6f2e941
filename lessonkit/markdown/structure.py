"""Line-level Markdown: front matter, code fences, tab labels, and the prose lines outside code.

The block tree of a page (paragraphs, lists, tables, admonitions, tabs...) is in ``blocks.py``.
"""

import re
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TAB = re.compile(r'^[ \t]*=== "(?P<label>[^"]*)"')
INLINE_CODE = re.compile(r"`[^`\n]+`")


@dataclass(frozen=True)
class Item:
    line: int
    text: str


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a leading ``---`` YAML block (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return i + 1
    return 0


def prose_lines(markdown: str) -> list[Item]:
    """Lines outside front matter and code fences (what translators change)."""
    lines = markdown.split("\n")
    inside, out, marker = False, [], None
    for number, line in enumerate(lines[front_matter_end(lines) :], start=front_matter_end(lines) + 1):
        opening = FENCE_OPEN.match(line)
        if not inside and opening:
            inside, marker = True, opening["fence"]
            continue
        if inside:
            if line.strip().startswith(marker):
                inside = False
            continue
        out.append(Item(number, line))
    return out
