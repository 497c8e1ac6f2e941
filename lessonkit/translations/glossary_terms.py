"""Glossary terms as the pages write them: the word in each language, where a page uses it, its first use.

Used by the glossary pages (lessonkit.site.glossary_page) and by the first-use check: on a Bengali or Hindi page
the first use of a glossary term gives its English original in parentheses, "ওভারফিটিং (overfitting)" (the
convention of translations/README.md), so that a reader knows the word to search for.
"""

import re
from pathlib import Path

from lessonkit import DEFAULT_LANGUAGE
from lessonkit.markdown.quizzes import QUIZ_OPEN
from lessonkit.markdown.structure import prose_lines
from lessonkit.markdown.syntax import indent_width, mask_not_prose

QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "bias (bias term)" -> "bias"
MARKUP = re.compile(r"[`*]|\s*\([^)]*\)")  # "`fit`" -> "fit", "*patience* (ধৈর্য)" -> "patience"
LETTERS = r"\w\u0900-\u0963\u0966-\u097f\u0980-\u09ff"  # a letter or vowel sign of either script; not the danda (।, ॥)
NOT_PROSE = re.compile(r"^\s*(#|!\[|!!!|\?\?\?|===|\||--8<--)")  # headings, images, titles, tabs, tables, includes
WORD_END = re.compile(rf"[{LETTERS}]*[*_]*")  # the rest of the word (an ending: লসের, लेयरों) and closing emphasis
# What may stand between a term and its English original: the rest of the word, emphasis, at most three more words
# of a longer term; the parentheses hold the English word ("লস ফাংশন (loss function)" for লস).
ORIGINAL_AFTER = r"[{letters}]*[*_]*(?:[\s–-]+[{letters}]+[*_]*){{0,3}}\s*\([^)]*?(?<![\w-]){english}"


def listed(glossary: list[dict]) -> list[dict]:
    """The entries the glossary pages list (``on_glossary_page: false``: words for translators only)."""
    return [entry for entry in glossary if "meaning" in entry and entry.get("on_glossary_page", True)]


def checked(glossary: list[dict]) -> list[dict]:
    """The listed entries whose first use needs the English original (``first_use_original: false``: an everyday
    word, "ছবি (image)" on every page would be noise)."""
    return [entry for entry in listed(glossary) if entry.get("first_use_original", True)]


def word(entry: dict, language: str) -> str:
    """The term as the pages of ``language`` write it, without markup or qualifier."""
    text = QUALIFIER.sub("", entry["term"]) if language == DEFAULT_LANGUAGE else entry[language]
    return MARKUP.sub("", text).strip()


def word_pattern(text: str, language: str) -> re.Pattern:
    """Where a page uses the word: not inside another word or after a hyphen ("ব্যাচ" is not used in "মিনি-ব্যাচ";
    Bengali and Hindi may add an ending: লসের, लेयरों)."""
    end = r"(?:s|es)?\b" if language == DEFAULT_LANGUAGE else ""
    return re.compile(rf"(?<![{LETTERS}-]){re.escape(text)}{end}", re.I if language == DEFAULT_LANGUAGE else 0)


def running_text(markdown: str) -> list[tuple[int, str]]:
    """(line number, line) of the page's prose outside its quizzes (a question and its options are a test, and an
    English word in one option would single it out; the explanations show only after an answer)."""
    text, quiz_indent = [], None
    for item in prose_lines(markdown):
        if quiz_indent is not None and (not item.text.strip() or indent_width(item.text) > quiz_indent):
            continue
        opened = QUIZ_OPEN.match(item.text)
        quiz_indent = indent_width(item.text) if opened else None
        if not opened:
            text.append((item.line, item.text))
    return text


def first_uses(markdown: str, language: str, glossary: list[dict], entries: list[dict] | None = None) -> list[dict]:
    """Each checked term's first use in the running text of a page (not in headings, tables, titles or code), or only
    ``entries``' (the rest of ``glossary`` still says which longer words hold a term): ``own`` and ``english``
    words, ``line`` (number), ``end`` (where the word with its ending and emphasis ends) and ``given`` (whether the
    English original follows). Longer terms first, so that a fix of "লস ফাংশন" comes before that of "লস"."""
    body = [(n, mask_not_prose(line)) for n, line in running_text(markdown) if not NOT_PROSE.match(line)]
    spelled = [(word(other, language), word(other, DEFAULT_LANGUAGE)) for other in listed(glossary)]
    uses, seen = [], set()
    for entry in sorted(checked(entries or glossary), key=lambda entry: -len(word(entry, language))):
        own, english = word(entry, language), word(entry, DEFAULT_LANGUAGE)
        if own.casefold() == english.casefold() or own in seen:
            continue  # a name kept in Latin letters is its own original; a word of two entries (bias) counts once
        seen.add(own)
        pattern, senses = (
            word_pattern(own, language),
            other_senses(entry, language, inside_longer(own, english, spelled)),
        )
        for index, (number, line) in enumerate(body):
            before = body[index - 1][1] if index and body[index - 1][0] == number - 1 else ""
            after = body[index + 1][1] if index + 1 < len(body) and body[index + 1][0] == number + 1 else ""
            # A term, a longer word holding it, or its original may go on over a line break of the paragraph.
            start, wrapped = len(before) + 1, f"{before} {line} {after}"
            match = next((m for m in pattern.finditer(senses(wrapped)) if start <= m.start() < start + len(line)), None)
            if match:
                break
        else:
            continue
        given = bool(original_after(entry).match(wrapped, match.end()))
        end = WORD_END.match(wrapped, match.end()).end() - start
        if end > len(line):  # the word ends on the next line
            number, end = number + 1, end - len(line) - 1
        uses.append({"own": own, "english": english, "line": number, "end": end, "given": given})
    return uses


def inside_longer(own: str, english: str, spelled: list[tuple[str, str]]) -> list[str]:
    """The longer glossary words (``spelled``: each listed term as (the page's word, the English word)) that hold
    ``own`` but whose English does not hold ``english``: শ্রেণি (class) in শ্রেণিবিন্যাস (classification) is a use of
    classification, not of class. (লস in লস ফাংশন is a use of লস: "loss function" holds "loss".)"""
    holds = re.compile(rf"(?<![\w-]){re.escape(english)}(?![\w-])", re.I)
    return [other for other, other_english in spelled if own in other and not holds.search(other_english)]


def other_senses(entry: dict, language: str, also: list[str] = ()):
    """A function blanking out, in a line, the phrases where the term's word has another meaning
    (``bn_other_senses: ["উত্তর যাচাই"]``: "check the answer" is not validation)."""
    phrases = [*(entry.get(f"{language}_other_senses") or []), *also]
    if not phrases:
        return lambda line: line
    pattern = re.compile("|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)))
    return lambda line: pattern.sub(lambda m: " " * len(m.group()), line)


def original_after(entry: dict) -> re.Pattern:
    """The English original after a use: right after the word, or after the rest of a longer term that holds it
    ("লস ফাংশন (loss function)" gives the original of লস too). The original is the word or one of its forms
    (losses, logged, standardised, standardisation, slicing; not classification for class) or the entry's qualifier
    ("slice (slicing)")."""
    english = word(entry, DEFAULT_LANGUAGE)
    qualifier = re.search(r"\(([^)]*)\)\s*$", entry.get("term", ""))
    stem = re.escape(english[:-1] if english.endswith("e") else english)
    doubled = re.escape(english[-1]) + "?"  # logged, fitting
    forms = rf"{stem}{doubled}(?:e|es|s|ed|d|ing|ation|ations)?"
    if qualifier:
        forms += "|" + re.escape(qualifier.group(1))
    return re.compile(ORIGINAL_AFTER.format(letters=LETTERS, english=f"(?:{forms})(?![\\w])"), re.I)


def first_use_problems(path: Path, markdown: str, language: str, glossary: list[dict]) -> list[str]:
    """The glossary terms whose first use in the running text of a Bengali or Hindi page has no English original
    after it; one line each, with the file, the line and the fix."""
    return [
        f"{path}:{use['line']}: first use of '{use['own']}' without its English original: "
        f"write '{use['own']} ({use['english']})'"
        for use in sorted(first_uses(markdown, language, glossary), key=lambda use: use["line"])
        if not use["given"]
    ]


def add_originals(markdown: str, language: str, glossary: list[dict]) -> tuple[str, int]:
    """The page with " (english)" written after each first use that lacks it, and how many were added. A first
    draft for the translator to read through: a sentence may read better with the original elsewhere."""
    added = 0
    # One term at a time, longer first: an added original may give a shorter term's too.
    for entry in sorted(checked(glossary), key=lambda entry: -len(word(entry, language))):
        missing = [use for use in first_uses(markdown, language, glossary, [entry]) if not use["given"]]
        if not missing:
            continue
        use = missing[0]
        lines = markdown.split("\n")
        line = lines[use["line"] - 1]
        lines[use["line"] - 1] = f"{line[: use['end']]} ({use['english']}){line[use['end'] :]}"
        markdown = "\n".join(lines)
        added += 1
    return markdown, added
