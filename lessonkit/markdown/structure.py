"""The parts of a Markdown page that must be the same in every language: code, includes, figures, headings, tabs, links."""
import re
from dataclasses import dataclass

from lessonkit.markdown.refs import FIGURE_URI, OUTPUT_MARKER

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+\S.*?(?P<id>\{\s*#[\w-]+\s*\})?\s*$")
TAB = re.compile(r'^[ \t]*=== "(?P<label>[^"]*)"')
LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
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


def fences(markdown: str) -> list[Item]:
    """Each fenced block as one item: info string plus content, without indentation (line = opening line)."""
    lines = markdown.split("\n")
    out, i = [], front_matter_end(lines)
    while i < len(lines):
        opening = FENCE_OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, marker = len(opening["indent"]), opening["fence"]
        body, j = [], i + 1
        while j < len(lines) and not lines[j].strip().startswith(marker):
            body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
            j += 1
        out.append(Item(i + 1, f"{marker}{opening['info'].strip()}\n" + "\n".join(body)))
        i = j + 1
    return out


def prose_lines(markdown: str) -> list[Item]:
    """Lines outside front matter and code fences (what translators change)."""
    lines = markdown.split("\n")
    inside, out, marker = False, [], None
    for number, line in enumerate(lines[front_matter_end(lines):], start=front_matter_end(lines) + 1):
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


def headings(markdown: str) -> list[Item]:
    """Level of each heading, with its explicit ``{#id}`` (the anchor other pages link to, the same in every language)."""
    return [
        Item(i.line, m["hashes"] + (f" {m['id']}" if m["id"] else ""))
        for i in prose_lines(markdown) if (m := HEADING.match(i.text))
    ]


def tab_labels(markdown: str) -> list[Item]:
    return [Item(i.line, m["label"]) for i in prose_lines(markdown) if (m := TAB.match(i.text))]


def figures(markdown: str) -> list[Item]:
    return [Item(i.line, m.group(0)) for i in prose_lines(markdown) for m in FIGURE_URI.finditer(i.text)]


def output_markers(markdown: str) -> list[Item]:
    return [Item(i.line, m.group(0).strip()) for i in prose_lines(markdown) if (m := OUTPUT_MARKER.match(i.text))]


def links(markdown: str) -> list[Item]:
    return [
        Item(i.line, m["target"]) for i in prose_lines(markdown)
        for m in LINK.finditer(INLINE_CODE.sub("", i.text))
    ]
