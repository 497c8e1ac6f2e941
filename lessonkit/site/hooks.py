"""MkDocs hooks (see ``hooks:`` in mkdocs.yml).

- on_files (before the i18n plugin): runs the snippets whose figures or printed output the pages show (cached by content hash,
  so the three language builds run each changed snippet once) and adds the figures and the notebook
  downloads as generated files; (after it) turns the rendered notebooks back into pages.
- on_page_markdown: inserts printed output; in a Bengali or Hindi build, marks pages that fall back
  to English and translations made from an older English page.
- on_post_page: drops hreflang <link> tags that make material fetch missing sitemaps.
- on_post_build: makes the search index work for Bengali and Hindi.
"""
import logging
import os
import re
from collections import defaultdict
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS_DIR
from lessonkit.figures.build import FigureRun, SnippetFailed, build_figures
from lessonkit.figures.cache import FigureCache, cache_dir
from lessonkit.markdown.refs import figure_refs, insert_outputs, output_modules
from lessonkit.notebooks.files import add_notebooks, as_rendered_pages, download_links
from lessonkit.site.search_index import fix_search_indexes
from lessonkit.translations.records import english_path, translation_state

log = logging.getLogger("mkdocs.plugins.lessonkit")
_runs: dict[str, FigureRun] = {}  # the latest build's snippet runs, by module
# LESSON_FIGURES=off: run no snippet, show a placeholder for each figure (the benchmark's baseline build).
FIGURES_SWITCH = "LESSON_FIGURES"
PLACEHOLDER_SVG = Path(__file__).parent.parent / "figures" / "placeholder.svg"
SITE_STRINGS = yaml.safe_load((TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8"))


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    if os.environ.get(FIGURES_SWITCH) == "off":
        _placeholder_figures(files, config)
    else:
        _add_figures(files, config)
    add_notebooks(files, config, SITE_STRINGS["notebook_setup"])
    return files


def _add_figures(files: Files, config: MkDocsConfig) -> None:
    docs_dir = Path(config.docs_dir)
    refs, users = [], defaultdict(set)
    for file in files.documentation_pages():
        markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
        page = f"{docs_dir.name}/{file.src_uri}"
        refs.extend(figure_refs(markdown, file.src_uri))
        for module in output_modules(markdown):
            users[module].add(page)
    for ref in refs:
        users[ref.module].add(f"{docs_dir.name}/{ref.page}")
    root = Path(config.config_file_path).parent
    try:
        runs = build_figures(users, cache=FigureCache(cache_dir(root)), root=root, log=log.info)
    except SnippetFailed as failure:
        raise PluginError(str(failure)) from None
    _runs.clear()
    _runs.update(runs)

    for ref in refs:
        count = runs[ref.module].figure_count
        if ref.number > count:
            raise PluginError(
                f"{docs_dir.name}/{ref.page}:{ref.line}: shows {ref.uri}, but {ref.module} draws "
                f"{count} figure(s). Use a number from 1 to {count}, or make the snippet draw the figure."
            )
    added = set()
    for ref in refs:
        for language in LANGUAGES:
            suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
            uri = ref.localized_uri(suffix)
            if uri in added:
                continue
            added.add(uri)
            if existing := files.get_file_from_path(uri):
                files.remove(existing)
            source = runs[ref.module].figure_path(ref.number, suffix)
            files.append(File.generated(config, uri, abs_src_path=str(source)))


@event_priority(-150)  # after the i18n plugin's on_files (-100)
def notebooks_as_pages(files: Files, config: MkDocsConfig) -> Files:
    return as_rendered_pages(files, config)


on_files = CombinedEvent(add_generated_files, notebooks_as_pages)


def _placeholder_figures(files: Files, config: MkDocsConfig) -> None:
    uris = set()
    for file in files.documentation_pages():
        for ref in figure_refs(Path(file.abs_src_path).read_text(encoding="utf-8"), file.src_uri):
            uris.update(ref.localized_uri("" if lang == DEFAULT_LANGUAGE else f".{lang}") for lang in LANGUAGES)
    for uri in sorted(uris):
        files.append(File.generated(config, uri, abs_src_path=str(PLACEHOLDER_SVG)))


def _english_url(page: Page, language: str) -> str:
    """Relative link from a page of the ``language`` build to the same page in English."""
    english = page.url.removeprefix(f"{language}/")
    return "../" * page.url.count("/") + english


def _notice(kind: str, page: Page, language: str) -> str:
    strings = SITE_STRINGS[kind]
    text = strings["text"][language].format(english_url=_english_url(page, language))
    return f'!!! warning "{strings["title"][language]}"\n\n    {text}\n\n'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".md"):
        return markdown  # a rendered notebook: mkdocs-jupyter renders it
    markdown = insert_outputs(markdown, lambda module: _runs[module].output if module in _runs else "")
    language = _current_language(config)
    if links := download_links(page.file.src_uri, markdown):
        markdown = _after_title(markdown, f"{SITE_STRINGS['notebook_download'][language]} {links}\n")
    if language == DEFAULT_LANGUAGE:
        return markdown
    if getattr(page.file, "locale", language) != language:  # the i18n plugin fell back to the English file
        return _after_title(markdown, _notice("untranslated_notice", page, language))
    english = english_path(Path(page.file.abs_src_path))
    if translation_state(english, language).state == "outdated":
        return _after_title(markdown, _notice("outdated_notice", page, language))
    return markdown


def _after_title(markdown: str, block: str) -> str:
    """Insert ``block`` right after the page's first ``# Title`` line (at the top if it has none)."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join(lines[: title + 1] + ["", block] + lines[title + 1:])


@event_priority(-200)  # after the i18n plugin (-100), which builds the other languages in its own post_build
def on_post_build(config: MkDocsConfig) -> None:
    fix_search_indexes(Path(config.site_dir))


# <link rel="alternate" hreflang> tags: material's script reads them as the roots of other sites and fetches
# "<page>/sitemap.xml" for each (a 404 per language on every page). The language menu already links each page to
# its translation, and the i18n plugin's sitemap.xml lists the alternates for search engines.
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return ALTERNATE_LINK.sub("", output)
