"""The files in ``translations/``, each with one loader: the glossary, the figure strings, the site strings.

- ``glossary.yml``: a list of entries ``{term, bn, hi, bn_avoid, hi_avoid, keep_english}``.
- ``plot_strings.yml``: English figure text -> its translations (``PlotString``: with its line, for messages;
  NFC-normalised: য় and य़ have two encodings).
- ``site_strings.yml``: the sentences the build adds to pages (notices, placeholders, the notebook notes).

``project`` is the folder that holds ``translations/`` (the repository, or a throw-away project in a test).
"""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

GLOSSARY = "glossary.yml"
PLOT_STRINGS = "plot_strings.yml"
SITE_STRINGS = "site_strings.yml"
_PROJECT = Path(__file__).resolve().parent.parent


def translations_dir(project: Path | None = None) -> Path:
    return (project or _PROJECT) / "translations"


@dataclass(frozen=True)
class PlotString:
    english: str
    line: int  # in plot_strings.yml
    translations: dict[str, str]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _load_yaml(text: str):
    """YAML with libyaml's loader where PyYAML has it (the glossary takes 0.3 s in pure Python), the same data."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_glossary(path: Path | None = None) -> list[dict]:
    path = path or translations_dir() / GLOSSARY
    return (_load_yaml(path.read_text(encoding="utf-8")) or []) if path.exists() else []


def load_plot_strings(path: Path | None = None) -> dict[str, PlotString]:
    """Each English figure string with its line in the file and its translations."""
    path = path or translations_dir() / PLOT_STRINGS
    if not path.exists():
        return {}
    root = yaml.compose(path.read_text(encoding="utf-8"))
    strings = {}
    for key, value in root.value if root else []:
        translations = {k.value: nfc(v.value) for k, v in value.value}
        strings[key.value] = PlotString(key.value, key.start_mark.line + 1, translations)
    return strings


def load_site_strings(path: Path | None = None) -> dict:
    path = path or translations_dir() / SITE_STRINGS
    return _load_yaml(path.read_text(encoding="utf-8"))
