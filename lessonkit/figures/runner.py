"""Run one snippet as ``__main__`` and save every matplotlib figure it draws, in every language.

Called in a forked child of a framework's worker process (``lessonkit.figures.worker``).
Like sphinx-gallery, snippets just call ``plt.show()``; here that call saves the open figures instead.
Writes the entry's files (``lessonkit.figures.entry_files``): each figure in every language, the manifest, and the
values the snippet records for the prose (snippets.common.results).
"""

import json
import os
import runpy
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from lessonkit import DEFAULT_LANGUAGE  # noqa: E402
from lessonkit.figures.entry_files import MANIFEST_FILE, NARROW, RESULTS_FILE, figure_file  # noqa: E402
from lessonkit.figures.light_svg import save_light_svg  # noqa: E402
from lessonkit.figures.narrow_layout import reflow_for_narrow  # noqa: E402
from lessonkit.figures.plot_translation import load_plot_strings, restore_texts, translate_figure  # noqa: E402

# Latin text keeps DejaVu Sans; Bengali and Devanagari glyphs fall back to the Noto fonts.
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans Bengali", "Noto Sans Devanagari"]


class FigureCapture:
    """Replaces ``plt.show`` while a snippet runs; saves each figure once in every language."""

    def __init__(self, out_dir: Path, languages: list[str]):
        self.out_dir = out_dir
        self.languages = languages
        self.plot_strings = load_plot_strings()
        self.saved = 0
        self.narrow: list[int] = []  # the figures that also have a narrow rendition
        self.untranslated: dict[str, list[str]] = {}

    def show(self) -> None:
        for number in plt.get_fignums():
            self._save(plt.figure(number))
        plt.close("all")

    def _save(self, figure) -> None:
        self.saved += 1
        self._save_languages(figure, "")
        if reflow_for_narrow(figure):
            self.narrow.append(self.saved)
            self._save_languages(figure, NARROW)

    def _save_languages(self, figure, rendition: str) -> None:
        for language in self.languages:
            originals, missing = (
                ({}, []) if language == DEFAULT_LANGUAGE else translate_figure(figure, language, self.plot_strings)
            )
            for english in missing:
                self.untranslated.setdefault(language, [])
                if english not in self.untranslated[language]:
                    self.untranslated[language].append(english)
            with warnings.catch_warnings():
                # A glyph that no font has would be drawn as an empty box: refuse it.
                warnings.filterwarnings("error", message=r".*missing from font")
                save_light_svg(
                    figure,
                    self.out_dir / figure_file(self.saved, language, rendition),
                    metadata={"Date": None},
                    bbox_inches="tight",
                )
            restore_texts(originals)


def run(module: str, out_dir: Path, languages: list[str]) -> dict:
    plt.rcParams["font.family"] = FONT_FAMILIES
    plt.rcParams["svg.hashsalt"] = module  # same input, same SVG bytes
    capture = FigureCapture(out_dir, languages)

    def show(*args, **kwargs):  # a plain function: pyplot sets attributes on it when it picks a backend
        capture.show()

    plt.show = show
    os.environ["LESSON_RESULTS_FILE"] = str(out_dir / RESULTS_FILE)  # snippets.common.results.record
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    capture.show()  # figures the snippet left open without calling plt.show()
    manifest = {
        "module": module,
        "figures": capture.saved,
        "narrow": capture.narrow,
        "untranslated": capture.untranslated,
    }
    (out_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest
