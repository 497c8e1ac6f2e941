"""Which blocks of an outdated translation need work.

The translation lines up block for block with the English page it was made from (git keeps that version: the
stamp is its blob hash, see ``records.py``). Lining up that old English page with today's shows which English
blocks changed; their counterparts in the translation, with their line ranges, are what the translator updates.
Blocks whose English did not change are not listed.
"""

from dataclasses import dataclass
from pathlib import Path

from lessonkit.markdown.blocks import Block, Placed, heading_title
from lessonkit.translations.alignment import align
from lessonkit.translations.problems import shown_path
from lessonkit.translations.records import TranslationState

NO_TEXT = {"list", "item", "table"}  # containers whose own lines hold no prose (their items and rows do)
HEADER_ONLY = {"admonition", "tab"}  # containers whose own text is their first line


@dataclass(frozen=True)
class BlockChange:
    kind: str  # "changed" | "removed" (from English) | "new" (in English)
    first: int  # lines of the translation to update; for a new English block, the line it goes after
    last: int
    before: str  # the English text when the translation was made ("" for a new block)
    now: str  # the English text today ("" for a removed block)
    section: Block | None  # the translation's heading the change sits under

    @property
    def where(self) -> str:
        if self.kind == "new":
            return f"after line {self.first}"
        return f"line {self.first}" if self.first == self.last else f"lines {self.first}-{self.last}"


def _content(placed: Placed) -> tuple:
    text = "" if placed.block.kind in NO_TEXT else " ".join(placed.block.text.split())
    return placed.shape + (text,)


def _text(stretch: list[Placed]) -> str:
    return "\n".join(p.block.text for p in stretch if p.block.kind not in NO_TEXT)


def _own_end(block: Block) -> int:
    return block.start if block.kind in HEADER_ONLY else block.end


def english_changes(state: TranslationState, root: Path) -> list[BlockChange] | None:
    """The translation's blocks whose English changed since the stamp (None if that English is not in git)."""
    old = state.recorded_english(root)
    if old is None:
        return None
    history = align(old, state.english.read_text(encoding="utf-8"), key=_content)
    translated = align(old, state.path.read_text(encoding="utf-8"))  # by shape: as the checks line it up
    # Blocks are values (kind, lines, text): the two alignments parse the old English separately, and its blocks
    # are matched by what they are, not by being the same objects.
    ours = {a.block: b.block for a, b in translated.pairs}
    headings = [p.block for p in translated.right if p.block.kind == "heading"]
    changes = []
    for difference in history.differences:
        blocks = [ours[p.block] for p in difference.left if p.block in ours]
        if blocks:
            kind = "changed" if difference.right else "removed"
            first, last = min(b.start for b in blocks), max(_own_end(b) for b in blocks)
        else:
            before = difference.left_before and ours.get(difference.left_before.block)
            kind, first = "new", (_own_end(before) if before else 1)
            last = first
        section = next((h for h in reversed(headings) if h.start <= first), None)
        changes.append(BlockChange(kind, first, last, _text(difference.left), _text(difference.right), section))
    return changes


def changed_sections(changes: list[BlockChange]) -> list[tuple[str, str | None]]:
    """The titles (and explicit ids) of the translation's sections that hold changes, in page order."""
    sections = []
    for change in changes:
        if change.section and (title := heading_title(change.section)) not in sections:
            sections.append(title)
    return sections


def _indented(label: str, text: str) -> str:
    lines = text.split("\n") if text else ["(nothing)"]
    pad = " " * len(label)
    return "\n".join(f"    {label if i == 0 else pad}{line}" for i, line in enumerate(lines))


def changes_report(state: TranslationState, root: Path) -> str:
    """The blocks of an outdated translation whose English changed, with the English text before and now."""
    changes = english_changes(state, root)
    if changes is None:
        return state.unknown_english() + "\nShow the whole English diff with: lessonkit translations status --diff"
    out = [
        f"{len(changes)} block(s) to update; the others are unchanged in English since "
        f"{state.recorded[:10]} (the whole diff: lessonkit translations status --diff)"
    ]
    what = {"changed": "English changed", "removed": "English removed this block", "new": "new English block"}
    for change in changes:
        section = f', section "{heading_title(change.section)[0]}"' if change.section else ""
        out.append(f"\n  {shown_path(state.path)} {change.where}{section}: {what[change.kind]}")
        out.append(_indented("before: ", change.before))
        out.append(_indented("now:    ", change.now))
    return "\n".join(out)
