"""One search index per language, searchable in Bengali and Hindi, in one Unicode form.

- The i18n plugin stacks every language's pages into ``search/search_index.json``. Each language gets its own
  index instead: ``search/`` for English, ``bn/search/``, ``hi/search/``; a page's search then finds pages of its
  own language only, and a reader downloads a third of it (lesson.js points material's request at it).
- lunr has no Bengali support: with the default settings every Bengali word is trimmed to nothing. Indexing with
  the English pipeline (stop words only) and a separator that also splits on the danda (।, ॥) keeps Bengali and
  Hindi words whole, and never lets a danda stick to a word.
- Text is stored in Unicode NFC, and lesson.js normalises queries to NFC too. NFC decomposes the nukta letters
  that Unicode excludes from composition (Hindi क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, U+0958-095F; Bengali ড় ঢ় য়, U+09DC, U+09DD,
  U+09DF) into letter + nukta, so a word typed with either form finds the same pages.
"""

import json
import unicodedata
from pathlib import Path

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.languages import root_prefix, url_language

SEARCH_LANGUAGES = ["en"]
SEARCH_SEPARATOR = r"[\s\-।॥]+"
INDEX = Path("search") / "search_index.json"
NORMAL_FORM = "NFC"  # the form lesson.js gives queries


def index_path(language: str) -> Path:
    """Where ``language``'s index lives, relative to the site root."""
    return INDEX if language == DEFAULT_LANGUAGE else language / INDEX


def fix_search_indexes(site_dir: Path) -> list[Path]:
    """Split the combined index under ``site_dir`` into one index per language; returns the files written."""
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    config = {**combined.get("config", {}), "lang": SEARCH_LANGUAGES, "separator": SEARCH_SEPARATOR}
    docs = {language: [] for language in LANGUAGES}
    for doc in combined["docs"]:
        docs[language_of(doc["location"])].append(normalised(doc))
    written = []
    for language in LANGUAGES:
        path = site_dir / index_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"config": config, "docs": docs[language]}, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


language_of = url_language  # a search entry's language, from its location (bn/overfitting/#what-helps: Bengali)


def normalised(doc: dict) -> dict:
    return {
        key: unicodedata.normalize(NORMAL_FORM, value) if key in ("title", "text") else value
        for key, value in doc.items()
    }


def link_own_index(html: str, page_url: str) -> str:
    """Name, in the page's ``<head>``, the index of its language, relative to the page (lesson.js reads it)."""
    href = root_prefix(page_url) + index_path(language_of(page_url)).as_posix()
    return html.replace("</head>", f'<meta name="lesson-search-index" content="{href}">\n</head>', 1)
