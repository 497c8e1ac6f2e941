"""Line-level Markdown: the prose lines of a page, outside front matter and code fences.

The syntax rules themselves (fences, containers, what is not prose) are in ``syntax.py``; the block tree of a page
(paragraphs, lists, tables, admonitions, tabs...) is in ``blocks.py``.
"""

from dataclasses import dataclass

from lessonkit.markdown.syntax import FENCE_OPEN, INLINE_CODE, TAB, front_matter_end, in_fences

__all__ = ["FENCE_OPEN", "INLINE_CODE", "TAB", "Item", "front_matter_end", "prose_lines"]  # older imports of these


@dataclass(frozen=True)
class Item:
    line: int
    text: str


def prose_lines(markdown: str) -> list[Item]:
    """Lines outside front matter and code fences (what translators change)."""
    lines = markdown.split("\n")
    start = front_matter_end(lines)
    body = lines[start:]
    return [Item(start + 1 + i, line) for i, (line, code) in enumerate(zip(body, in_fences(body))) if not code]
