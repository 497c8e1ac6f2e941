"""Line up the blocks of two versions of a page (a translation and its English page, or two English versions).

Blocks are matched by their shape (kind, what every language keeps the same, and the containers they sit in),
so a missing list item or an extra paragraph shifts nothing after it. Among blocks of the same shape (the items
of a list, say), the match goes to the pair that shares what no translation changes: inline code, link targets,
numbers (Bengali and Devanagari digits read as digits) and names.
"""

import re
from dataclasses import dataclass

from lessonkit.languages import to_latin_digits
from lessonkit.markdown.blocks import Block, Placed, outline, parse

KEPT_IN_TRANSLATION = re.compile(r"`[^`\n]+`|\]\([^)\s]+|\d+(?:\.\d+)?|\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9]\w*")


@dataclass(frozen=True)
class Difference:
    """One stretch where the two outlines differ: ``left`` stands where ``right`` does."""

    tag: str  # "replace" | "delete" (only on the left) | "insert" (only on the right)
    left: list[Placed]
    right: list[Placed]
    before: Placed | None  # the last right-hand block before the stretch (where a missing block would go)
    left_before: Placed | None  # the last left-hand block before it


@dataclass
class Alignment:
    left: list[Placed]
    right: list[Placed]
    pairs: list[tuple[Placed, Placed]]  # blocks that stand for each other (also where their detail differs)
    differences: list[Difference]

    def __post_init__(self):
        self._left_of = {b.block: a.block for a, b in self.pairs}  # by value: any parse of the page finds it

    def pairs_of_kind(self, kinds: set[str]):
        """(left block, right block) of each pair whose blocks are both of one kind among ``kinds``."""
        for left, right in self.pairs:
            if right.block.kind in kinds and left.block.kind == right.block.kind:
                yield left.block, right.block

    def counterpart(self, right: Block) -> Block | None:
        """The left-hand block that ``right`` stands for."""
        return self._left_of.get(right)


def _kept(placed: Placed) -> frozenset:
    return frozenset(KEPT_IN_TRANSLATION.findall(to_latin_digits(placed.block.text)))


def _likeness(a: Placed, b: Placed, a_kept: frozenset, b_kept: frozenset) -> float:
    """Between 0 and 1: how much two blocks of the same shape share (what translations keep, and length)."""
    shared = len(a_kept & b_kept) / (len(a_kept | b_kept) or 1)
    lengths = sorted((len(a.block.text), len(b.block.text)))
    return (2 * shared + lengths[0] / (lengths[1] or 1)) / 3


def _matches(left: list[Placed], right: list[Placed], key) -> list[tuple[int, int]]:
    """Index pairs of equal-key blocks, in order, as many as possible; ties go to the pairs most alike."""
    left_keys, right_keys = [key(p) for p in left], [key(p) for p in right]
    left_kept, right_kept = [_kept(p) for p in left], [_kept(p) for p in right]
    n, m = len(left), len(right)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: score of left[i:] against right[j:]
    take = [[False] * m for _ in range(n)]  # whether that best score pairs left[i] with right[j]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1])
            if left_keys[i] == right_keys[j]:
                paired = best[i + 1][j + 1] + 1 + _likeness(left[i], right[j], left_kept[i], right_kept[j]) / 2
                if paired >= best[i][j]:
                    best[i][j], take[i][j] = paired, True
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if take[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def align(left_markdown: str, right_markdown: str, key=lambda placed: placed.shape) -> Alignment:
    left, right = outline(parse(left_markdown)), outline(parse(right_markdown))
    pairs, differences = [], []
    i = j = 0
    for i_next, j_next in _matches(left, right, key) + [(len(left), len(right))]:
        lost, found = left[i:i_next], right[j:j_next]
        if lost or found:
            tag = "replace" if lost and found else "delete" if lost else "insert"
            differences.append(Difference(tag, lost, found, right[j - 1] if j else None, left[i - 1] if i else None))
            if len(lost) == len(found):
                pairs.extend(zip(lost, found))
        if i_next < len(left):
            pairs.append((left[i_next], right[j_next]))
        i, j = i_next + 1, j_next + 1
    return Alignment(left, right, pairs, differences)
