"""Prose blocks of a translation still in English: the English block copied unchanged, or a block (a table row:
one of its cells) whose words are mostly Latin letters once code, links, names, acronyms and the glossary's
keep_english terms are set aside. Only blocks whose English counterpart is prose of three words or more count."""

import re
from pathlib import Path

from lessonkit.markdown.blocks import ADMONITION, CELL_SPLIT, HEADING
from lessonkit.markdown.syntax import NOT_PROSE_PARTS
from lessonkit.translations.alignment import Alignment
from lessonkit.translations.problems import Problem

PROSE_KINDS = {"paragraph", "heading", "row", "admonition", "figure"}
MIN_WORDS = 3  # a block with fewer English words than this is a name or a label, not untranslated prose
NAMES = (
    r"\b\w+(?:[_./]\w+)+\b",  # identifiers and file names: snake_case, tf.function, data.py
    r"\b[A-Z]{2,}s?\b",  # acronyms: GPU, MLPs
    r"\b[A-Za-z]*[a-z][A-Z]\w*",  # CamelCase names: PyTorch, GradientTape
)
NOT_PROSE = re.compile("|".join((*NOT_PROSE_PARTS, *NAMES)))  # what is not prose, and names that stay in English
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NATIVE_LETTER = re.compile(r"[\u0900-\u097f\u0980-\u09ff]")


def _prose(block_text: str, kind: str) -> list[str]:
    """The translatable parts of a block: a table row's cells each on their own, else its text."""
    if kind == "admonition":
        return [ADMONITION.match(block_text)["title"] or ""]
    if kind == "heading":
        return [HEADING.match(block_text)["title"]]
    if kind == "row":
        return CELL_SPLIT.split(block_text.strip().strip("|"))
    return [block_text]


def _names(glossary: list[dict]) -> re.Pattern:
    terms = sorted((e["term"] for e in glossary if e.get("keep_english")), key=len, reverse=True)
    terms = [re.sub(r"\s*\(.*\)$", "", term) for term in terms]  # "bias (bias term)" -> "bias"
    return re.compile("|".join(rf"\b{re.escape(t)}\b" for t in terms if t) or r"(?!)", re.I)


def _english_words(text: str, names: re.Pattern) -> tuple[list[str], int]:
    rest = names.sub(" ", NOT_PROSE.sub(" ", text))
    return LATIN_WORD.findall(rest), len(NATIVE_LETTER.findall(rest))


def _still_english(english: str, translated: str, names: re.Pattern) -> bool:
    english_words, _ = _english_words(english, names)
    words, native_letters = _english_words(translated, names)
    if len(english_words) < MIN_WORDS or len(words) < MIN_WORDS:
        return False
    return " ".join(english.split()) == " ".join(translated.split()) or sum(map(len, words)) > native_letters


def untranslated_problems(path: Path, alignment: Alignment, english_file: str, glossary: list[dict]) -> list[Problem]:
    names = _names(glossary)
    problems = []
    for e, t in alignment.pairs_of_kind(PROSE_KINDS):
        theirs = next(
            (
                part
                for part, mine in zip(_prose(e.text, e.kind), _prose(t.text, t.kind))
                if _still_english(part, mine, names)
            ),
            None,
        )
        if theirs is None:
            continue
        start = " ".join(theirs.split())[:60]
        problems.append(
            Problem(
                path,
                t.start,
                f"untranslated {t.kind}: still in English ({english_file} line {e.start}: {start!r}...)",
                "translate it; code, names (PyTorch, Keras), acronyms and the glossary's keep_english terms stay "
                "as they are",
            )
        )
    return problems
