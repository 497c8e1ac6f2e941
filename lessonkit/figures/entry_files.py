"""The files of a figure cache entry (one snippet run), named once for the runner, the worker, the cache, the build
and the hooks that read them.

- ``figure-N.svg`` (default language) and ``figure-N.<lang>.svg``: the N-th figure the snippet showed; for a wide
  figure also its narrow rendition for phones, ``figure-N-narrow.svg`` and ``figure-N-narrow.<lang>.svg``;
- ``output.txt``: everything it printed, stdout and stderr interleaved;
- ``results.json``: the values it recorded for the prose (``snippets.common.results.record``);
- ``manifest.json``: how many figures, the words left untranslated, and the size and SHA-256 of every other file
  (written by the runner, completed and checked by the cache).
"""

from lessonkit.languages import language_suffix

OUTPUT_FILE = "output.txt"
RESULTS_FILE = "results.json"
MANIFEST_FILE = "manifest.json"
FIGURE_FILE = "figure-{number}{rendition}{suffix}.svg"  # suffix: "" or ".bn" (lessonkit.languages.language_suffix)
NARROW = "-narrow"  # the rendition of a wide figure for phones (lessonkit.figures.narrow_layout): figure-N-narrow.svg


def figure_file(number: int, language: str, rendition: str = "") -> str:
    return FIGURE_FILE.format(number=number, rendition=rendition, suffix=language_suffix(language))
