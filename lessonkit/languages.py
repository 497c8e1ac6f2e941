"""The site's languages and the rules that follow from them, in one place.

- The languages are the i18n plugin's list in ``mkdocs.yml`` (the default one first): add a language there, and the
  build, the checks, the notebooks and the tests follow.
- A page in a language other than the default is ``page.<lang>.md`` next to ``page.md`` (``docs_structure: suffix``);
  its figures are ``name-1.<lang>.svg``, its notebooks ``page-pytorch.<lang>.ipynb``.
- Digits: Bengali and Devanagari digits read as digits (``to_latin_digits``); Bengali prose writes counts in
  Bengali digits (``counting_digits``, the glossary's rule).
- Links between the language builds are relative: ``root_prefix(url)`` climbs from a page's address to the site root.
"""

import re
from functools import cache
from pathlib import Path

import yaml

_MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"
NATIVE_DIGITS = {"bn": "০১২৩৪৫৬৭৮৯", "hi": "०१२३४५६७८९"}
COUNTS_IN_NATIVE_DIGITS = ("bn",)  # the glossary's rule: Hindi prose writes counts in Latin digits
_TO_LATIN = str.maketrans("".join(NATIVE_DIGITS.values()), "0123456789" * len(NATIVE_DIGITS))


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags (``!ENV``, ``!relative``, ``!!python/...``) read as plain values: only the list matters."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@cache
def site_languages(mkdocs_yml: Path = _MKDOCS_YML) -> tuple[str, ...]:
    """The i18n plugin's languages in ``mkdocs_yml``, the default first."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            locales = [(entry["locale"], entry.get("default", False)) for entry in plugin["i18n"]["languages"]]
            default = next((locale for locale, is_default in locales if is_default), locales[0][0])
            return (default, *(locale for locale, _ in locales if locale != default))
    raise ValueError(f"{mkdocs_yml}: no i18n plugin with a list of languages")


LANGUAGES = site_languages()
DEFAULT_LANGUAGE = LANGUAGES[0]
TRANSLATED_LANGUAGES = LANGUAGES[1:]


def language_suffix(language: str) -> str:
    """``""`` for the default language, ``".bn"`` for Bengali: what goes before a file's extension."""
    return "" if language == DEFAULT_LANGUAGE else f".{language}"


def split_language(name: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, str]:
    """``training.bn.md`` -> (``training.md``, ``bn``); ``training.md`` -> (``training.md``, the default language).
    Works on any extension (``.md``, ``.svg``, ``.ipynb``) and on paths given as text (``low-level/training.bn.md``)."""
    match = re.fullmatch(r"(?P<stem>.*?)\.(?P<language>[a-z]{2,3}(?:[-_][A-Za-z]+)?)(?P<ext>\.[^./]+)", name)
    if match and match["language"] in languages and match["language"] != languages[0]:
        return match["stem"] + match["ext"], match["language"]
    return name, languages[0]


def page_language(path: Path | str) -> str:
    """The language of a page file: ``page.bn.md`` -> ``bn``, ``page.md`` -> the default language."""
    return split_language(Path(path).name)[1]


def is_translation(path: Path | str) -> bool:
    return page_language(path) != DEFAULT_LANGUAGE


def translation_path(english: Path, language: str) -> Path:
    """``page.md`` -> ``page.<language>.md`` beside it."""
    return english.with_name(f"{english.stem}{language_suffix(language)}{english.suffix}")


def english_path(translation: Path) -> Path:
    """``page.<language>.md`` -> ``page.md`` beside it."""
    return translation.with_name(split_language(translation.name)[0])


def english_pages(docs_dir: Path) -> list[Path]:
    """The pages in the default language (the ones translations are made from)."""
    return sorted(page for page in docs_dir.rglob("*.md") if not is_translation(page))


def translated_pages(docs_dir: Path) -> list[Path]:
    return sorted(page for page in docs_dir.rglob("*.md") if is_translation(page))


def to_latin_digits(text: str) -> str:
    """Bengali and Devanagari digits as 0-9 (one number, whichever script a page writes it in)."""
    return text.translate(_TO_LATIN)


def counting_digits(text: str, language: str) -> str:
    """A count (a whole number) as ``language``'s prose writes it: Bengali digits on Bengali pages."""
    if language in COUNTS_IN_NATIVE_DIGITS:
        return text.translate(str.maketrans("0123456789", NATIVE_DIGITS[language]))
    return text


def root_prefix(url: str) -> str:
    """The relative path from a page at ``url`` (``bn/overfitting/``) to the site root (``../../``)."""
    return "../" * url.count("/")


def url_language(url: str) -> str:
    """The language of a site address: ``bn/overfitting/#what-helps`` is Bengali, ``overfitting/`` the default."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE
