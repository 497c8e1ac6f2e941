"""The rule behind the translation checks, checked as a rule (not instance by instance).

1. Everything that is not prose is kept exactly: in each block, the pieces ``lessonkit.markdown.syntax.NOT_PROSE``
   finds (inline code, value tokens and other comments, HTML, link and figure targets, maths, attribute lists,
   addresses) are those of its English block, each as often. A translation may mark as inline code a word the
   English writes in prose; any other extra piece is reported.
2. Everything that is prose is there, not empty, and in the page's script: headings, paragraphs, list items, table
   cells, admonition titles, figure alt texts and link texts. A part whose English has words (names, code and
   acronyms do not count: ``untranslated.NOT_PROSE``) must not be empty, nor hold another language's script
   (Devanagari on a ``.bn.md`` page); a part that is only a name (``LightningModule``) is fine. Whether a part is
   still in English is ``untranslated.py``'s check.

Blocks are paired by the alignment (``alignment.py``); blocks missing or added are ``parity.py``'s.
"""

import re
from collections import Counter
from pathlib import Path

from lessonkit.markdown.blocks import ADMONITION, CELL_SPLIT, HEADING, Block
from lessonkit.markdown.syntax import INLINE_CODE, NOT_PROSE
from lessonkit.translations.alignment import Alignment
from lessonkit.translations.problems import Problem, capped
from lessonkit.translations.untranslated import NOT_PROSE as NOT_WORDS

# The dandas (U+0964, U+0965) are in the Devanagari block and end Bengali sentences too: not letters of either.
SCRIPT = {
    "bn": ("Bengali", re.compile(r"[\u0980-\u09ff]")),
    "hi": ("Devanagari", re.compile(r"[\u0900-\u0963\u0966-\u097f]")),
}
KEPT_IN = {"paragraph", "heading", "figure", "item", "row", "admonition", "tab"}  # code, maths: parity compares them
PROSE_IN = {"paragraph", "heading", "figure", "item", "row", "admonition"}
LINK_TEXT = re.compile(r"!?\[(?P<text>(?:[^\]\\]|\\.)*)\]\((?P<target>[^)\s]*)[^)]*\)")
WORD = re.compile(r"[A-Za-z]{2,}")
MOST_REPORTED = 10


def _kept(text: str) -> Counter:
    """The pieces of a block that are not prose. Its lines are joined first, as Markdown joins them: inline code may
    run over a line break, and a translation breaks its lines elsewhere."""
    joined = " ".join(line.strip() for line in text.split("\n"))
    return Counter(match.group(0) for match in NOT_PROSE.finditer(joined))


def _line_of(block: Block, piece: str) -> int:
    index = block.text.find(piece)
    return block.start + (block.text.count("\n", 0, index) if index >= 0 else 0)


def kept_problems(path: Path, alignment: Alignment, english_file: str) -> list[Problem]:
    """Pieces that are not prose, missing from a block of the translation or not in its English block."""
    problems = []
    for e, t in alignment.pairs_of_kind(KEPT_IN):
        theirs, mine = _kept(e.text), _kept(t.text)
        for piece in sorted((theirs - mine).elements()):
            problems.append(
                Problem(
                    path,
                    t.start,
                    f"{piece!r} of the English ({english_file} line {_line_of(e, piece)}) is missing or changed here",
                    "copy it exactly: code, maths, value tokens, link and figure targets and addresses stay as in "
                    "English",
                )
            )
        for piece in sorted((mine - theirs).elements()):
            if piece.startswith("`"):
                continue  # inline code the English writes as words ("persistent"): nothing of the English is lost
            problems.append(
                Problem(
                    path,
                    _line_of(t, piece),
                    f"{piece!r} is not in the English block ({english_file} line {e.start})",
                    "keep code, maths, value tokens, link and figure targets as the English block has them",
                )
            )
    return capped(path, problems, "kept-exactly", MOST_REPORTED)


def prose_parts(block: Block) -> list[tuple[str, str]]:
    """(what, text) for each prose part of a block: its text, its title, its cells, each link's or image's text."""
    text = block.text
    if block.kind == "heading":
        parts = [("heading", HEADING.match(text.strip())["title"])]
    elif block.kind == "admonition":
        title = ADMONITION.match(text.strip())["title"]
        parts = [("admonition title", title)] if title is not None else []
    elif block.kind == "row":
        cells = CELL_SPLIT.split(INLINE_CODE.sub("``", text.strip().strip("|")))
        parts = [("table cell", cell) for cell in cells]
    else:
        parts = [(block.kind if block.kind != "figure" else "figure", LINK_TEXT.sub(" ", text))]
    for match in LINK_TEXT.finditer(text):
        parts.append(("figure alt text" if match.group(0).startswith("!") else "link text", match["text"]))
    return parts


def _has_words(text: str) -> bool:
    return bool(WORD.search(NOT_WORDS.sub(" ", text)))


def _other_script(text: str, language: str) -> str | None:
    return next((name for code, (name, letter) in SCRIPT.items() if code != language and letter.search(text)), None)


def prose_problems(path: Path, alignment: Alignment, language: str, english_file: str) -> list[Problem]:
    """Prose parts of the English that are empty in the translation, or not in the page's script."""
    if language not in SCRIPT:
        return []
    script, letter = SCRIPT[language]
    problems = []
    for e, t in alignment.pairs_of_kind(PROSE_IN):
        for (what, theirs), (_, mine) in zip(prose_parts(e), prose_parts(t)):
            if not _has_words(theirs):
                continue
            if not mine.strip():
                problem = (
                    f"empty {what}; the English has {' '.join(theirs.split())[:60]!r} ({english_file} line {e.start})"
                )
            elif other := _other_script(mine, language):
                problem = f"{what} {' '.join(mine.split())[:60]!r} has {other} script in it, not only {script}"
            else:
                continue  # in the page's script, or names only; still in English: untranslated.py's check
            problems.append(Problem(path, t.start, problem, f"write the {what} in {script} script, as the page"))
    return capped(path, problems, "prose", MOST_REPORTED)
