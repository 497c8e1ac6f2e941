"""A glossary page per language, made at build time from translations/glossary.yml.

A Bengali or Hindi reader who meets "লস" or "ग्रेडिएंट" finds it here with its English original (the word to
search for elsewhere), a one-line meaning and links to the pages where the lesson teaches it. Every glossary
entry with a ``meaning`` is listed (entries marked ``on_glossary_page: false`` are words for translators). The
page is in the readers' navigation and in search; ``glossary.md``, ``glossary.bn.md`` and ``glossary.hi.md`` are
written to ``.cache/glossary/`` once per build, and each language's build adds its own as ``glossary.md`` (the
name in mkdocs.yml's nav) at ``<lang>/glossary/``, after the i18n plugin sorted the files (it takes only files of
docs/ for pages).
"""

import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.atomic_write import write_atomically
from lessonkit.translations.glossary_terms import listed, running_text, word, word_pattern

GLOSSARY_PAGE = "glossary"
MAX_LINKS = 3


def page_uri(language: str) -> str:
    return f"{GLOSSARY_PAGE}.md" if language == DEFAULT_LANGUAGE else f"{GLOSSARY_PAGE}.{language}.md"


def is_glossary_page(src_uri: str) -> bool:
    return src_uri in {page_uri(language) for language in LANGUAGES}


def add_glossary_page(files: Files, config: MkDocsConfig, language: str, written: dict[str, Path]) -> None:
    """Add the glossary page of ``language`` (its file in ``written``) to that language's build."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    page = File.generated(config, page_uri(DEFAULT_LANGUAGE), abs_src_path=str(written[page_uri(language)]))
    page.dest_uri = f"{prefix}{GLOSSARY_PAGE}/index.html"
    page.url = f"{prefix}{GLOSSARY_PAGE}/"
    # What the i18n plugin gives its own files; no alternates: its language menu leads to each language's home.
    page.locale, page.alternates, page.locale_alternate_of = language, {}, ""
    if existing := files.get_file_from_path(page.src_uri):
        files.remove(existing)
    files.append(page)


BOLD = re.compile(r"\*\*(.+?)\*\*")


def read_page(lines: list[str]) -> tuple[str, str]:
    """A page's prose as one text, and the part of it that teaches: its headings and its bold words (searched once
    per term, not once per line: the glossary has hundreds of terms)."""
    emphasised = [line if line.lstrip().startswith("#") else " ".join(BOLD.findall(line)) for line in lines]
    return "\n".join(lines), "\n".join(text for text in emphasised if text)


def taught_on(pattern: re.Pattern, pages: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """(page address, title) of the pages that teach the word: it is in a heading or in bold there; else the first
    page (in the navigation's order) that uses it. ``pages``: (address, title, prose, headings and bold words)."""
    using = [(uri, title) for uri, title, prose, _ in pages if pattern.search(prose)]
    teaching = [(uri, title) for uri, title, _, emphasised in pages if pattern.search(emphasised)]
    return (teaching or using[:1])[:MAX_LINKS]


def glossary_markdown(
    glossary: list[dict], language: str, pages: list[tuple[str, str, str]], strings: dict[str, str]
) -> str:
    """The page of ``language``. ``pages``: (English address ``low-level/training.md``, title, Markdown of the
    page in ``language``) in the navigation's order; ``strings``: ``title`` and ``intro`` in ``language``."""
    read = [(uri, title, *read_page([line for _, line in running_text(markdown)])) for uri, title, markdown in pages]
    items = []
    for entry in listed(glossary):
        own, english = word(entry, language), entry["term"]
        links = taught_on(word_pattern(own, language), read)
        shown = english if language == DEFAULT_LANGUAGE else entry[language]
        original = "" if language == DEFAULT_LANGUAGE or own == word(entry, DEFAULT_LANGUAGE) else f" ({english})"
        where = " — " + ", ".join(f"[{title}]({uri})" for uri, title in links) if links else ""
        items.append((own.casefold(), f"- **{shown}**{original}: {entry['meaning'][language]}{where}"))
    return "\n".join([f"# {strings['title']}", "", strings["intro"], "", *(item for _, item in sorted(items)), ""])


def page_title(markdown: str) -> str:
    return next((line[2:].strip() for _, line in running_text(markdown) if line.startswith("# ")), "")


INPUTS_FILE = "inputs.sha256"  # what the pages in the folder were made from: a warm build reuses them


def glossary_pages(
    pages: dict[str, str], nav_order: list[str], glossary: list[dict], strings: dict, out_dir: Path
) -> dict[str, Path]:
    """Write the glossary page of every language; their addresses in the docs -> the files. ``pages``: every page's
    Markdown by ``src_uri`` (``x.md``, ``x.bn.md``); ``nav_order``: the English pages in the navigation's order.
    Made again only when the pages, the glossary, the strings or this module changed (the search for where each
    term is taught reads every page for every term: about a second)."""
    inputs = json.dumps(
        [pages, nav_order, glossary, strings, Path(__file__).read_text(encoding="utf-8")], sort_keys=True
    )
    digest = hashlib.sha256(inputs.encode("utf-8")).hexdigest()
    written = {page_uri(language): out_dir / page_uri(language) for language in LANGUAGES}
    stamp = out_dir / INPUTS_FILE
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest and all(p.exists() for p in written.values()):
        return written
    for language in LANGUAGES:
        suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
        own = [
            (uri, text)
            for uri in nav_order
            if (text := pages.get(uri.removesuffix(".md") + suffix + ".md")) is not None
        ]
        shown = [(uri, page_title(text), text) for uri, text in own]
        language_strings = {key: value[language] for key, value in strings.items()}
        markdown = glossary_markdown(glossary, language, shown, language_strings)
        write_atomically(out_dir / page_uri(language), markdown)
    write_atomically(stamp, digest)
    return written
