"""Checks of a translated page against its English page. Each problem names file, line, what is wrong and the fix.

The blocks of both pages are lined up once (``alignment.py``); the parity, link, invisible-character and
untranslated-block checks all read that one alignment.
"""

import re
from pathlib import Path

from lessonkit import SNIPPETS_DIR
from lessonkit.languages import page_language
from lessonkit.languages import translated_pages as _translated_pages
from lessonkit.markdown import structure as md
from lessonkit.markdown.includes import include_problem, includes
from lessonkit.translation_files import load_glossary  # noqa: F401 (imported from here by older callers)
from lessonkit.translations.alignment import Alignment, align
from lessonkit.translations.encoding_repair import looks_garbled, repair_line
from lessonkit.translations.invisible import Finding, invisible_characters, stray_no_break_spaces
from lessonkit.translations.parity import block_problems, link_problems, unresolved_link_problems, value_problems
from lessonkit.translations.problems import Problem, capped, shown_path
from lessonkit.translations.quiz_key import quiz_key_problems
from lessonkit.translations.records import english_path
from lessonkit.translations.rule import kept_problems, prose_problems
from lessonkit.translations.style import style_problems
from lessonkit.translations.untranslated import untranslated_problems

DANGEROUS_HTML = re.compile(
    r"<\s*(?P<tag>script|iframe|object|embed|form|style|link|meta|base)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|data\s*:\s*text/html",
    re.I,
)
HTML_TAG = re.compile(r"<\s*(?P<tag>[a-zA-Z][\w-]*)")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ENGLISH_IN_PARENTHESES = re.compile(r"\([A-Za-z][A-Za-z \-–]*\)")
MAX_INVISIBLE = 10  # listed per page; the rest are counted (fix-encoding repairs them all)


def check_encoding(path: Path) -> tuple[str | None, list[Problem]]:
    """The page's text (None if it is not UTF-8) and its garbled lines, with the repaired text where one exists."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                f"not valid UTF-8 (byte {raw[error.start]:#04x})",
                "save the file as UTF-8 (without changing the text)",
            )
        ]
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not looks_garbled(line):
            continue
        repaired = repair_line(line)
        if repaired:
            problems.append(
                Problem(
                    path,
                    number,
                    "garbled text (mojibake: UTF-8 read with the wrong code page)",
                    f"replace the line with:\n    {repaired}\n    "
                    f"or run: lessonkit translations fix-encoding {shown_path(path)}",
                )
            )
        else:
            problems.append(
                Problem(
                    path,
                    number,
                    "garbled or replaced characters (U+FFFD or mojibake) with no automatic repair",
                    "copy the line again from the original translation",
                )
            )
    return text, problems


def english_text_by_line(alignment: Alignment) -> dict[int, str]:
    """For each line of the translation that belongs to a block, the text of the English block it stands for."""
    by_line = {}
    for placed in alignment.right:  # outer blocks first: a block inside overrides its container's lines
        block, english = placed.block, alignment.counterpart(placed.block)
        for offset in range(len(block.text.split("\n"))):
            by_line[block.start + offset] = english.text if english else ""
    return by_line


def findings_to_repair(text: str, english_text: str) -> list[Finding]:
    """Every character the invisible-character check reports (``fix-encoding`` replaces each one)."""
    english_of = english_text_by_line(align(english_text, text))
    return invisible_characters(text) + stray_no_break_spaces(text, lambda line: english_of.get(line, ""))


def check_invisible(path: Path, text: str, english_text: str) -> list[Problem]:
    command = f"lessonkit translations fix-encoding {shown_path(path)}"
    findings = findings_to_repair(text, english_text)
    problems = []
    returns = [f for f in findings if f.char == "\r"]
    if returns:
        problems.append(
            Problem(
                path,
                returns[0].line,
                f"carriage return (U+000D) at column {returns[0].column}, on "
                f"{len(returns)} line(s) in all: the file has Windows (CR LF) line endings",
                f"save the file with Unix (LF) line endings, or run: {command}",
            )
        )
    for finding in (f for f in findings if f.char != "\r"):
        how = "type a plain space instead" if finding.replacement == " " else "delete it (it is invisible)"
        problems.append(
            Problem(
                path,
                finding.line,
                f"{finding.what} {finding.name} at column {finding.column}",
                f"{how}, or run: {command}",
            )
        )
    return capped(path, problems, "invisible-character", MAX_INVISIBLE)


def check_parity(path: Path, text: str, english_text: str, alignment: Alignment) -> list[Problem]:
    english = english_path(path)
    english_file = shown_path(english)
    problems = block_problems(path, alignment, english_file)
    for include in includes(text):
        if problem := include_problem(include, SNIPPETS_DIR):
            problems.append(
                Problem(path, include.line, problem, "point the include at an existing snippet file and section")
            )
    problems += link_problems(path, alignment, english_file)
    problems += unresolved_link_problems(path, alignment, english)
    problems += value_problems(path, text, english_text, english_file)
    problems += quiz_key_problems(path, text, english_text, english_file)
    return problems


def check_raw_html(path: Path, text: str, english_text: str) -> list[Problem]:
    english_tags = {m["tag"].lower() for m in HTML_TAG.finditer(english_text)}
    problems = []
    for item in md.prose_lines(text):
        for match in DANGEROUS_HTML.finditer(item.text):
            if match.group(0).lower() not in english_text.lower():
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"raw HTML {match.group(0)!r} is not allowed in a translation",
                        "remove it: translations change prose only",
                    )
                )
        for match in HTML_TAG.finditer(item.text):
            tag = match["tag"].lower()
            if tag not in english_tags and not DANGEROUS_HTML.match(match.group(0)):
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"HTML tag <{tag}> that the English page does not have",
                        "use Markdown, or the same HTML as the English page",
                    )
                )
    return problems


def check_glossary(path: Path, text: str, language: str, glossary: list[dict]) -> list[Problem]:
    """Report variants the glossary says to avoid, and English terms left in the prose that should be translated."""
    problems = []
    prose = [md.Item(i.line, md.INLINE_CODE.sub("", LINK_TARGET.sub("]", i.text))) for i in md.prose_lines(text)]
    for entry in glossary:
        wanted = entry.get(language)
        for variant in entry.get(f"{language}_avoid", []) or []:
            for item in prose:
                if variant in item.text:
                    problems.append(
                        Problem(
                            path,
                            item.line,
                            f"uses {variant!r} for '{entry['term']}'",
                            f"use the glossary term {wanted!r} (translations/glossary.yml)",
                        )
                    )
        if entry.get("keep_english") or not wanted:
            continue
        english_word = re.compile(rf"(?<![\w(-]){re.escape(entry['term'])}(?![\w-])", re.I)
        for item in prose:
            # The English term in parentheses after the translation, "গড় বর্গ ত্রুটি (mean squared error)",
            # is a good habit: allowed.
            if english_word.search(ENGLISH_IN_PARENTHESES.sub("", item.text)):
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"English term '{entry['term']}' left in the prose",
                        f"write {wanted!r} (translations/glossary.yml), or mark it keep_english there",
                    )
                )
    return problems


def check_translation(path: Path, glossary: list[dict] | None = None) -> list[Problem]:
    """Every check on one translated page."""
    language = page_language(path)
    text, problems = check_encoding(path)
    if text is None:
        return problems
    english = english_path(path)
    if not english.exists():
        return problems + [
            Problem(
                path,
                1,
                f"no English page {english.name} for this translation",
                "rename the file after its English page, or delete it",
            )
        ]
    english_text = english.read_text(encoding="utf-8")
    glossary = load_glossary() if glossary is None else glossary
    alignment = align(english_text, text)
    problems += check_invisible(path, text, english_text)
    problems += check_parity(path, text, english_text, alignment)
    problems += kept_problems(path, alignment, shown_path(english))
    problems += prose_problems(path, alignment, language, shown_path(english))
    problems += untranslated_problems(path, alignment, shown_path(english), glossary)
    problems += check_raw_html(path, text, english_text)
    problems += check_glossary(path, text, language, glossary)
    problems += style_problems(path, text, language, glossary)
    return problems


def translated_pages(docs_dir: Path) -> list[Path]:
    return _translated_pages(docs_dir)
