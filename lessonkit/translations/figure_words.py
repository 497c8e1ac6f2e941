"""Figure words against the glossary: a figure on a page must say a term the way the glossary (and the page) does.

The figure runner puts figure text into Bengali and Hindi with ``translations/plot_strings.yml``. A string whose
English holds a glossary term ("the two moons") must hold that term's translation too ("दो अर्धचंद्र"), or the
figure and the prose beside it name one thing two ways. A page's figures are found from its image paths; the
strings each figure uses are the plot strings quoted in its snippet's source or in the local helpers it imports.
"""

import re
from pathlib import Path

from lessonkit import REPO_ROOT
from lessonkit.markdown.refs import figure_refs
from lessonkit.snippets import local_source_closure
from lessonkit.translation_files import PLOT_STRINGS, PlotString, load_plot_strings, nfc, translations_dir
from lessonkit.translations.problems import Problem, shown_path

__all__ = ["PlotString", "load_plot_strings", "nfc"]  # their home is lessonkit.translation_files

PLOT_STRINGS_FILE = translations_dir() / PLOT_STRINGS
QUALIFIER = re.compile(r"\s*\([^)]*\)$")  # "fit (verb)", "bias (bias term)": the term is the words before


def _english_pattern(term: str) -> re.Pattern:
    """The term as a whole word or phrase in English, plural included (probability, probabilities)."""
    forms = [re.escape(term) + "(?:s|es)?"]
    if term.endswith("y"):
        forms.append(re.escape(term[:-1]) + "ies")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})(?![\w-])", re.I)


def glossary_terms(glossary: list[dict], language: str) -> list[tuple[str, re.Pattern, set[str]]]:
    """(term, its English pattern, the accepted translations), longest term first; entries sharing a term
    ("bias (bias term)", "bias (statistical bias)") accept either translation."""
    by_term: dict[str, set[str]] = {}
    for entry in glossary:
        wanted = entry.get(language)
        if not wanted or "`" in wanted or "term" not in entry:
            continue
        by_term.setdefault(QUALIFIER.sub("", entry["term"]), set()).add(nfc(wanted))
    return [
        (term, _english_pattern(term), wanted) for term, wanted in sorted(by_term.items(), key=lambda t: -len(t[0]))
    ]


def figure_word_mismatches(string: PlotString, language: str, terms) -> list[tuple[str, set[str]]]:
    """The glossary terms in ``string``'s English whose translation its ``language`` text does not contain."""
    english, translated = string.english, string.translations.get(language)
    if not translated:
        return []
    mismatches = []
    for term, pattern, wanted in terms:
        if pattern.search(english):
            english = pattern.sub(lambda m: " " * len(m.group(0)), english)  # a longer term hides its parts
            if not any(w in translated for w in wanted):
                mismatches.append((term, wanted))
    return mismatches


def _strings_quoted_in(module: str, keys) -> set[str]:
    """The plot strings written as literals in the snippet's source or its local helpers."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in local_source_closure(module, REPO_ROOT))
    return {k for k in keys if f'"{k}"' in sources or f"'{k}'" in sources}


def figure_word_problems(
    path: Path, text: str, language: str, glossary: list[dict], plot_strings: dict[str, PlotString] | None = None
) -> list[Problem]:
    """For each figure on the page: plot strings it uses that say a glossary term another way."""
    plot_strings = load_plot_strings() if plot_strings is None else plot_strings
    terms = glossary_terms(glossary, language)
    page_text = nfc(text)
    problems, seen = [], set()
    for ref in figure_refs(text, shown_path(path)):
        for key in sorted(_strings_quoted_in(ref.module, plot_strings)):
            string = plot_strings[key]
            for term, wanted in figure_word_mismatches(string, language, terms):
                if (key, term) in seen:
                    continue
                seen.add((key, term))
                said = " or ".join(repr(w) for w in sorted(wanted))
                on_page = " (as this page does)" if any(w in page_text for w in wanted) else ""
                problems.append(
                    Problem(
                        path,
                        ref.line,
                        f"figure {ref.uri} writes {string.translations[language]!r} for {key!r}: the glossary term for "
                        f"'{term}' is {said}{on_page}",
                        f"use {said} in the {language} text of {key!r} in {shown_path(PLOT_STRINGS_FILE)} line "
                        f"{string.line}, or change the glossary (translations/glossary.yml) and the pages together",
                    )
                )
    return problems
