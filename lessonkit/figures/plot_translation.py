"""Put a figure's words (titles, axis labels, legends) into another language, using translations/plot_strings.yml."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lessonkit.translation_files import PlotString, load_plot_strings

__all__ = ["load_plot_strings", "restore_texts", "translate_figure", "words_in"]

if TYPE_CHECKING:  # matplotlib loads where figures are drawn: the site build (and `make preview`) can do without it
    from matplotlib.figure import Figure
    from matplotlib.text import Text

_HAS_LETTERS = re.compile(r"[^\W\d_]")
_TEX_COMMAND = re.compile(r"\\[A-Za-z]+")  # tick labels such as $\mathdefault{10^{-1}}$ hold no words
_SYMBOL = re.compile(r"^\$?[A-Za-z]{1,2}\$?$")  # x, y, $w$: maths symbols, the same in every language


def words_in(figure: Figure) -> list[Text]:
    """Text artists of the figure that hold words (numbers such as tick labels need no translation)."""
    from matplotlib.text import Text

    return [
        t
        for t in figure.findobj(Text)
        if _HAS_LETTERS.search(_TEX_COMMAND.sub("", t.get_text())) and not _SYMBOL.match(t.get_text().strip())
    ]


def translate_figure(
    figure: Figure, language: str, plot_strings: dict[str, PlotString]
) -> tuple[dict[Text, str], list[str]]:
    """Replace each known English string by its translation.

    Returns the original texts (to undo with ``restore_texts``) and the strings that have no translation.
    """
    originals, untranslated = {}, []
    for text in words_in(figure):
        english = text.get_text()
        translated = plot_strings[english].translations.get(language) if english in plot_strings else None
        if translated:
            originals[text] = english
            text.set_text(translated)
        else:
            untranslated.append(english)
    return originals, untranslated


def restore_texts(originals: dict[Text, str]) -> None:
    for text, english in originals.items():
        text.set_text(english)
