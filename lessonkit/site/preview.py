"""The translators' preview (``make preview``): the site with live reload, without PyTorch or TensorFlow.

With ``LESSON_FIGURES=cached`` no snippet runs. A figure, printed output or number on a page comes from the newest
verified entry of its snippet in the figure cache (``FigureCache.latest_verified``), whatever its key: what the
last full build on this machine drew. Where the cache has none, the page shows a placeholder labelled in the
reader's language (``preview_placeholder`` in translations/site_strings.yml).
"""

import html
from pathlib import Path

from lessonkit import LANGUAGES
from lessonkit.atomic_write import write_atomically
from lessonkit.figures.build import FigureRun
from lessonkit.figures.cache import FigureCache
from lessonkit.markdown.refs import FigureRef, figure_refs, output_modules, value_modules
from lessonkit.notebooks.files import language_suffix

PREVIEW = "cached"  # the value of LESSON_FIGURES that selects the preview
PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="640" height="160" viewBox="0 0 640 160">
<rect x="2" y="2" width="636" height="156" rx="8" fill="#f5f5f5" stroke="#757575" stroke-width="2" stroke-dasharray="8 6"/>
<text x="320" y="86" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#424242">{label}</text>
</svg>
"""


def cached_runs(pages: dict[str, str], cache: FigureCache) -> dict[str, FigureRun]:
    """The snippet runs the cache holds for the modules the pages show (figures, printed output, numbers)."""
    modules = set()
    for src_uri, markdown in pages.items():
        modules |= {ref.module for ref in figure_refs(markdown, src_uri)} | output_modules(markdown)
        modules |= value_modules(markdown)
    runs = {}
    for module in sorted(modules):
        if entry := cache.latest_verified(module):
            runs[module] = FigureRun(module, entry, manifest=cache.verify(entry))
    return runs


def preview_figures(
    pages: dict[str, str], runs: dict[str, FigureRun], labels: dict[str, str], placeholder_dir: Path
) -> dict[str, Path]:
    """Every figure the pages show, in every language: the cached figure, or the placeholder of its language."""
    placeholders = {
        language: write_atomically(
            placeholder_dir / f"placeholder{language_suffix(language)}.svg",
            PLACEHOLDER_SVG.format(label=html.escape(labels[language])),
        )
        for language in LANGUAGES
    }
    figures = {}
    for src_uri, markdown in pages.items():
        for ref in figure_refs(markdown, src_uri):
            for language in LANGUAGES:
                figures[ref.localized_uri(language_suffix(language))] = (
                    _cached_figure(ref, language, runs) or placeholders[language]
                )
    return figures


def _cached_figure(ref: FigureRef, language: str, runs: dict[str, FigureRun]) -> Path | None:
    run = runs.get(ref.module)
    if run is None or ref.number > run.figure_count:
        return None
    return run.figure_path(ref.number, language_suffix(language))
