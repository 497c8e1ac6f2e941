"""Glossary terms as the pages write them: the word in each language, where a page uses it, its first use.

Used by the glossary pages (lessonkit.site.glossary_page) and by the first-use check: on a Bengali or Hindi page
the first use of a glossary term gives its English original in parentheses, "ওভারফিটিং (overfitting)" (the
convention of translations/README.md), so that a reader knows the word to search for.
"""

import re
from pathlib import Path

from lessonkit import DEFAULT_LANGUAGE
from lessonkit.markdown.structure import front_matter_end

QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "bias (bias term)" -> "bias"
MARKUP = re.compile(r"[`*]|\s*\([^)]*\)")  # "`fit`" -> "fit", "*patience* (ধৈর্য)" -> "patience"
FENCE = re.compile(r"^\s*(```|~~~)")
LETTERS = r"\w\u0900-\u097f\u0980-\u09ff"  # a word goes on with a letter or a vowel sign of either script
NOT_PROSE = re.compile(r"^\s*(#|!\[|!!!|\?\?\?|===|<!--|\||--8<--)")  # headings, images, titles, tabs, tables
COMMENT = re.compile(r"<!--.*?-->")
# What may stand between a term and its English original: the rest of the word (an ending), emphasis, a space.
ORIGINAL_AFTER = r"[{letters}]*[*_]*\s*\(\s*[*_`]*{english}"


def listed(glossary: list[dict]) -> list[dict]:
    """The entries the glossary pages list (``on_glossary_page: false``: words for translators only)."""
    return [entry for entry in glossary if "meaning" in entry and entry.get("on_glossary_page", True)]


def word(entry: dict, language: str) -> str:
    """The term as the pages of ``language`` write it, without markup or qualifier."""
    text = QUALIFIER.sub("", entry["term"]) if language == DEFAULT_LANGUAGE else entry[language]
    return MARKUP.sub("", text).strip()


def word_pattern(text: str, language: str) -> re.Pattern:
    """Where a page uses the word: not inside another word (Bengali and Hindi may add an ending: লসের, लेयरों)."""
    end = r"(?:s|es)?\b" if language == DEFAULT_LANGUAGE else ""
    return re.compile(rf"(?<![{LETTERS}]){re.escape(text)}{end}", re.I if language == DEFAULT_LANGUAGE else 0)


def prose_lines(markdown: str) -> list[tuple[int, str]]:
    """(line number, line) of the page outside its front matter and code blocks."""
    lines = markdown.split("\n")
    prose, in_code = [], False
    start = front_matter_end(lines)
    for number, line in enumerate(lines[start:], start=start + 1):
        if FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            prose.append((number, line))
    return prose


def first_use_problems(path: Path, markdown: str, language: str, glossary: list[dict]) -> list[str]:
    """The glossary terms whose first use in the running text of a Bengali or Hindi page has no English original
    after it; one line each, with the file, the line and the fix."""
    body = [(n, COMMENT.sub("", line)) for n, line in prose_lines(markdown) if not NOT_PROSE.match(line)]
    problems, seen = [], set()
    for entry in listed(glossary):
        own, english = word(entry, language), word(entry, DEFAULT_LANGUAGE)
        if own.casefold() == english.casefold() or own in seen:
            continue  # a name kept in Latin letters is its own original; a word of two entries (bias) counts once
        seen.add(own)
        pattern = word_pattern(own, language)
        first = next(((n, line, m) for n, line in body if (m := pattern.search(line))), None)
        if first is None:
            continue
        number, line, match = first
        after = re.compile(ORIGINAL_AFTER.format(letters=LETTERS, english=re.escape(english)), re.I)
        if not after.match(line, match.end()):
            problems.append(
                f"{path}:{number}: first use of '{own}' without its English original: write '{own} ({english})'"
            )
    return problems
