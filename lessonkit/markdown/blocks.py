"""The page model: a Markdown page as a tree of blocks, each with the lines it spans in the file.

Block kinds: ``heading``, ``paragraph``, ``figure`` (a paragraph that is one image), ``list`` with ``item``
children, ``table`` with ``row`` children, ``admonition`` (``!!!`` and the collapsible ``???`` / ``???+``),
``tab`` (``=== "Label"``), ``code`` (a fence or an indented block), ``math`` (``$$ ... $$``), ``output`` (an output marker),
``comment`` (another HTML comment), ``html`` (a raw HTML block) and ``rule``.

A block's ``detail`` is what must be the same in every language (heading level and id, list type, admonition
kind, tab label, the code, the figure, the table's columns); its ``text`` is its own source lines (what its
children hold excluded), which translators change. Containers (list items, admonitions, tabs) hold blocks
indented by four spaces, as in Python-Markdown.

``parse`` is memoised on the text, so a page is parsed once however many checks and languages read it. That is a
speed-up only: blocks are values (equal when kind, lines and text are), and no reader relies on getting the same
objects back (tests/lessonkit/translations/test_staleness.py parses afresh each time).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from lessonkit.markdown.refs import OUTPUT_MARKER
from lessonkit.markdown.syntax import (
    ADMONITION,
    CONTAINER_INDENT,
    FENCE_OPEN,
    INLINE_CODE,
    TAB,
    fence_end,
    front_matter_end,
    indent_width,
    strip_indent,
)

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*(?:\{\s*#(?P<id>[\w-]+)\s*\})?\s*$")
LIST_ITEM = re.compile(r"^ {0,3}(?P<marker>[-*+]|\d+[.)])\s+(?P<rest>.*)$")
TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
HTML_BLOCK = re.compile(r"^<(?P<tag>[a-zA-Z][\w-]*)")
IMAGE_ONLY = re.compile(r"^!\[(?:[^\]\\]|\\.)*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)(?:\{[^}]*\})?$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Block:
    kind: str
    start: int  # first line in the file (1-based)
    end: int  # last line
    text: str  # the block's own lines, container indentation removed
    detail: str = ""  # what every language keeps the same
    children: tuple["Block", ...] = ()

    @property
    def lines(self) -> str:
        return f"line {self.start}" if self.start == self.end else f"lines {self.start}-{self.end}"


@dataclass(frozen=True)
class Placed:
    """A block in the page's outline: the kinds of the containers it sits in, outermost first."""

    block: Block
    containers: tuple[str, ...]

    @property
    def shape(self) -> tuple:
        return self.containers, self.block.kind, self.block.detail


Line = tuple[int, str]  # (line number in the file, text without container indentation)


def _indent(text: str) -> int:
    return indent_width(text)


def _dedent(text: str) -> str:
    return strip_indent(text, CONTAINER_INDENT)


def _body(lines: list[Line], i: int) -> int:
    """End (exclusive) of the indented body that starts at ``i``: blank lines and lines indented by four or more."""
    end = j = i
    while j < len(lines):
        text = lines[j][1]
        if text.strip():
            if _indent(text) < CONTAINER_INDENT:
                break
            end = j + 1
        j += 1
    return end


def _starts_block(text: str, in_item: bool) -> bool:
    """Whether ``text`` ends the paragraph above it even without a blank line."""
    return bool(
        HEADING.match(text)
        or FENCE_OPEN.match(text)
        or ADMONITION.match(text)
        or TAB.match(text)
        or (in_item and LIST_ITEM.match(text))
    )


def _own(lines: list[Line]) -> str:
    return "\n".join(text for _, text in lines)


def _block(kind: str, lines: list[Line], detail: str = "", children: tuple = (), end: int | None = None) -> Block:
    return Block(kind, lines[0][0], end if end is not None else lines[-1][0], _own(lines), detail, children)


def _cells(row: str) -> int:
    return len(CELL_SPLIT.split(INLINE_CODE.sub("", row.strip().strip("|"))))


def _container(kind: str, lines: list[Line], i: int, detail: str) -> tuple[Block, int]:
    end = _body(lines, i + 1)
    inner = [(number, _dedent(text)) for number, text in lines[i + 1 : end]]
    children = tuple(_parse(inner))
    return _block(kind, [lines[i]], detail, children, end=lines[end - 1][0]), end


def _list(lines: list[Line], i: int) -> tuple[Block, int]:
    ordered = LIST_ITEM.match(lines[i][1])["marker"][0].isdigit()
    items, j = [], i
    while j < len(lines) and (match := LIST_ITEM.match(lines[j][1])) and match["marker"][0].isdigit() == ordered:
        body, k = [(lines[j][0], match["rest"])], j + 1
        while k < len(lines):
            text = lines[k][1]
            if not text.strip():
                if k + 1 < len(lines) and _indent(lines[k + 1][1]) >= CONTAINER_INDENT:
                    body.append((lines[k][0], ""))
                    k += 1
                    continue
                break
            if _indent(text) >= CONTAINER_INDENT:
                body.append((lines[k][0], _dedent(text)))
            elif body[-1][1].strip() and not LIST_ITEM.match(text) and not _starts_block(text.strip(), False):
                body.append((lines[k][0], text.strip()))  # lazy continuation of the item's paragraph
            else:
                break
            k += 1
        own = [line for line in body if line[1].strip()]
        items.append(Block("item", own[0][0], own[-1][0], match["marker"], "", tuple(_parse(body, in_item=True))))
        j = k
        if j + 1 < len(lines) and not lines[j][1].strip() and LIST_ITEM.match(lines[j + 1][1]):
            j += 1  # a blank line between items: still the same list
    return Block("list", items[0].start, items[-1].end, "", "numbered" if ordered else "bullets", tuple(items)), j


def _table(lines: list[Line], i: int) -> tuple[Block, int]:
    j = i
    while j < len(lines) and "|" in lines[j][1] and lines[j][1].strip():
        j += 1
    rows = tuple(
        Block(
            "row", number, number, text.strip(), "separator" if TABLE_SEPARATOR.match(text) else f"{_cells(text)} cells"
        )
        for number, text in lines[i:j]
    )
    alignment = re.sub(r"-+", "-", lines[i + 1][1].replace(" ", ""))
    return Block("table", rows[0].start, rows[-1].end, "", f"{_cells(lines[i][1])} columns {alignment}", rows), j


def _parse(lines: list[Line], in_item: bool = False) -> list[Block]:
    blocks, i = [], 0
    while i < len(lines):
        number, text = lines[i]
        stripped = text.strip()
        if not stripped:
            i += 1
            continue
        if opening := FENCE_OPEN.match(text):
            end = fence_end([t for _, t in lines], i)
            code = [(n, strip_indent(t, _indent(opening["indent"]))) for n, t in lines[i:end]]
            blocks.append(_block("code", code, _own(code).strip()))
            i = end
        elif _indent(text) >= CONTAINER_INDENT:  # an indented code block
            end = _body(lines, i)
            code = [(n, _dedent(t)) for n, t in lines[i:end]]
            blocks.append(_block("code", code, _own(code).strip()))
            i = end
        elif stripped.startswith("$$"):
            end = i + 1
            if stripped == "$$" or not stripped.endswith("$$"):  # not a one-line $$ ... $$
                while end < len(lines) and not lines[end][1].rstrip().endswith("$$"):
                    end += 1
                end = min(end + 1, len(lines))
            blocks.append(_block("math", lines[i:end], _own(lines[i:end]).strip()))
            i = end
        elif heading := HEADING.match(text):
            blocks.append(
                _block("heading", [lines[i]], heading["hashes"] + (f" {{#{heading['id']}}}" if heading["id"] else ""))
            )
            i += 1
        elif stripped.startswith("<!--") and not stripped.split("-->", 1)[-1].strip():
            end = i + 1
            while end < len(lines) and "-->" not in lines[end - 1][1]:
                end += 1
            marker = OUTPUT_MARKER.match(stripped)
            blocks.append(_block("output" if marker else "comment", lines[i:end], stripped if marker else ""))
            i = end
        elif admonition := ADMONITION.match(text):
            block, i = _container("admonition", lines, i, f"{admonition['marker']} {admonition['kind']}")
            blocks.append(block)
        elif tab := TAB.match(text):
            block, i = _container("tab", lines, i, tab["label"])
            blocks.append(block)
        elif LIST_ITEM.match(text) and not RULE.match(text):
            block, i = _list(lines, i)
            blocks.append(block)
        elif "|" in text and i + 1 < len(lines) and TABLE_SEPARATOR.match(lines[i + 1][1]) and "-" in lines[i + 1][1]:
            block, i = _table(lines, i)
            blocks.append(block)
        elif RULE.match(text):
            blocks.append(_block("rule", [lines[i]]))
            i += 1
        elif html := HTML_BLOCK.match(stripped):
            end = i + 1
            while end < len(lines) and lines[end][1].strip():
                end += 1
            tags = " ".join(re.findall(r"<\s*(/?[a-zA-Z][\w-]*)", _own(lines[i:end])))
            blocks.append(_block("html", lines[i:end], tags or html["tag"]))
            i = end
        else:
            end = i + 1
            while end < len(lines) and lines[end][1].strip() and not _starts_block(lines[end][1], in_item):
                end += 1
            paragraph = lines[i:end]
            image = IMAGE_ONLY.match(_own(paragraph).strip())
            blocks.append(_block("figure", paragraph, image["target"]) if image else _block("paragraph", paragraph))
            i = end
    return blocks


@lru_cache(maxsize=512)
def parse(markdown: str) -> tuple[Block, ...]:
    """The page's blocks, front matter left out."""
    lines = markdown.split("\n")
    start = front_matter_end(lines)
    return tuple(_parse([(n, t.rstrip("\r")) for n, t in enumerate(lines[start:], start=start + 1)]))


def outline(blocks: tuple[Block, ...], containers: tuple[str, ...] = ()) -> list[Placed]:
    """Every block in page order, each after the container it sits in."""
    out = []
    for block in blocks:
        out.append(Placed(block, containers))
        out.extend(outline(block.children, containers + (block.kind,)))
    return out


def heading_title(heading: Block) -> tuple[str, str | None]:
    """A heading's text without Markdown markup, and its explicit ``{#id}`` (None when it has none)."""
    match = HEADING.match(heading.text.strip())
    title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", match["title"])  # [text](url) -> text
    return re.sub(r"[`*]", "", title).strip(), match["id"]
