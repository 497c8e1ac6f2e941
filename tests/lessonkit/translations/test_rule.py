"""The rule behind the translation checks (lessonkit/translations/rule.py), on damaged copies of real pages: each
kind of non-prose piece changed, and each kind of prose part emptied or written in the other language's script."""

import re
from pathlib import Path

import pytest

from lessonkit.markdown.structure import prose_lines
from tests.support.translation_copies import copy_of_docs, problems, reported


@pytest.fixture
def docs(tmp_path):
    return copy_of_docs(tmp_path)


def damage_first(page: Path, pattern: str, replacement) -> int:
    """Apply ``re.sub(pattern, replacement)`` once, on the first prose line (outside fences) where ``pattern`` is
    found; returns that line's number. The damage is real: the pattern must be on the page."""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    for item in prose_lines(text):
        if re.search(pattern, item.text):
            lines[item.line - 1] = re.sub(pattern, replacement, item.text, count=1)
            page.write_text("\n".join(lines), encoding="utf-8")
            return item.line
    raise AssertionError(f"{page.name}: nothing matches {pattern!r} any more: pick another place to damage")


NOT_PROSE = {  # what a translator changes by mistake -> (page, pattern, replacement, the piece reported as missing)
    "inline code": ("high-level/keras.bn.md", r"`(\w+)`", r"`\1_renamed`", "`"),
    "value token": ("high-level/keras.bn.md", r"<!-- value: (\S+) (\w+)", r"<!-- value: \1 \2_x", "<!-- value:"),
    "link target": ("high-level/lightning.bn.md", r"(?<!!)\[([^\]]+)\]\(([^)#]+)", r"[\1](\2x", "]("),
    "figure path": ("overfitting.hi.md", r"\]\(figures/", "](figures/old/", "](figures/"),
    "heading id": ("overfitting.hi.md", r"\{#([\w-]+)\}", r"{#\1-hi}", "{#"),
}


@pytest.mark.parametrize("kind", NOT_PROSE)
def test_a_changed_piece_that_is_not_prose_is_reported_with_the_english_line(docs, kind):
    page, pattern, replacement, piece = NOT_PROSE[kind]
    line = damage_first(docs / page, pattern, replacement)
    found = problems(docs / page)
    assert reported(found, f"{page}:", "is missing or changed here", piece), found
    if kind != "inline code":  # a translation may mark a word as code; an extra value token, target or id it may not
        assert reported(found, f"{page}:", "is not in the English block"), found
        assert any(f":{line}:" in problem for problem in found if "is not in the English block" in problem)


PROSE = {  # a prose part emptied, or written in the other page language's script -> what is reported
    "empty figure alt text": ("overfitting.bn.md", r"!\[[^\]]+\]", "![]", "empty figure alt text"),
    "empty link text": ("high-level/lightning.bn.md", r"(?<!!)\[[^\]]+\](?=\()", "[]", "empty link text"),
    "empty admonition title": ("lab.hi.md", r'^(\?\?\? \w+) "[^"]+"', r'\1 ""', "empty admonition title"),
    "empty table cell": ("frameworks.hi.md", r"^\| फ़्रेमवर्क \|", "|  |", "empty table cell"),
    "heading in the other script": ("overfitting.bn.md", r"^(#+) [^{\n]+", r"\1 अधिक डेटा ", "Devanagari script in it"),
    "paragraph in the other script": (
        "overfitting.hi.md",
        r"^[\u0900-\u097f][^`<\[\n]*$",
        "একটি বাক্য যা ভুল লিপিতে লেখা",
        "Bengali script in it",
    ),
}


@pytest.mark.parametrize("kind", PROSE)
def test_a_prose_part_that_is_empty_or_in_another_script_is_reported(docs, kind):
    page, pattern, replacement, said = PROSE[kind]
    line = damage_first(docs / page, pattern, replacement)
    found = problems(docs / page)
    assert reported(found, f"{page}:", said), found
    assert any(said in problem and int(problem.split(":")[1]) <= line for problem in found)


def test_the_real_translations_follow_the_rule():
    from lessonkit import DOCS_DIR
    from lessonkit.translations.checks import translated_pages

    ruled = [p for page in translated_pages(DOCS_DIR) for p in problems(page) if "English block" in p or "script" in p]
    assert not ruled, "\n".join(ruled)
