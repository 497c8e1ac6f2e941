"""MkDocs hooks (see ``hooks:`` in mkdocs.yml): thin, they call the pipeline's steps.

The i18n plugin runs every event once per language; what does not depend on the language (reading the pages,
the snippet runs, the notebooks) is computed in the first language's build and reused (lessonkit.site.once_per_build).

- on_config: starts a build (not in the i18n plugin's builds of the other languages).
- on_files (before the i18n plugin): runs the snippets whose figures or printed output the pages show (cached by
  content hash) and adds the figures and the notebook downloads as generated files; (after it) makes the lab's
  notebooks pages of the language being built.
- on_pre_page: the notebook pages take their HTML from the render cache (mkdocs-jupyter runs only on a change).
- on_page_markdown: inserts printed output; in a Bengali or Hindi build, marks pages that fall back
  to English and translations made from an older English page.
- on_post_page: drops hreflang <link> tags that make material fetch missing sitemaps; figures load lazily, sized;
  names the page's own language's search index.
- on_post_build: one search index per language, searchable in Bengali and Hindi, Unicode-normalised; sitemap.xml.
- on_post_template: a 404 page per language (lessonkit.site.not_found_pages). Also: edit links to each page's
  own language's source (on_pre_page), the contributors' translation status page (on_files, English build) and
  the translators' preview, LESSON_FIGURES=cached (lessonkit.site.preview).
"""

import functools
import html
import json
import logging
import os
import re
from collections import defaultdict
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.figures.build import FigureRun, SnippetFailed, build_figures
from lessonkit.figures.cache import FigureCache, cache_dir
from lessonkit.figures.entry_files import RESULTS_FILE
from lessonkit.languages import page_language, root_prefix
from lessonkit.markdown.refs import (
    MissingValue,
    figure_refs,
    insert_outputs,
    insert_values,
    output_modules,
    value_modules,
)
from lessonkit.markdown.structure import front_matter_end
from lessonkit.notebooks.files import (
    as_rendered_pages,
    download_links,
    is_rendered_notebook,
    language_suffix,
    notebook_cache_dir,
    page_notebooks,
)
from lessonkit.notebooks.render import render_from_cache
from lessonkit.site.edit_links import link_own_source, without_repository
from lessonkit.site.lazy_figures import lazy_figures
from lessonkit.site.not_found_pages import NotFoundPages
from lessonkit.site.once_per_build import OncePerBuild, in_language_build
from lessonkit.site.preview import PREVIEW, cached_runs, preview_figures
from lessonkit.site.search_index import fix_search_indexes, link_own_index
from lessonkit.site.sitemap import Sitemap
from lessonkit.site.status_page import add_status_page
from lessonkit.translation_files import load_site_strings
from lessonkit.translations.records import english_path, translation_state
from lessonkit.translations.staleness import changed_sections, english_changes

log = logging.getLogger("mkdocs.plugins.lessonkit")
_build = OncePerBuild()
_runs: dict[str, FigureRun] = {}  # the latest build's snippet runs, by module
FIGURES_SWITCH = "LESSON_FIGURES"  # =cached: the translators' preview (lessonkit.site.preview)
SITE_STRINGS = load_site_strings()


def _current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.start(config)
    without_repository(config)  # no repo_url: no edit links
    return config


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    for uri, source in _build.get("generated files", lambda: _generated_files(files, config)).items():
        if existing := files.get_file_from_path(uri):
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(source)))
    return files


def _generated_files(files: Files, config: MkDocsConfig) -> dict[str, Path]:
    """Figures and notebooks of every page in every language: their address in the site -> the file in a cache."""
    pages = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8") for f in files.documentation_pages()}
    if os.environ.get(FIGURES_SWITCH) == PREVIEW:  # make preview: what the figure cache has, no snippet runs
        _runs.clear()
        _runs.update(cached_runs(pages, FigureCache(cache_dir(Path(config.config_file_path).parent))))
        figures = preview_figures(
            pages,
            _runs,
            SITE_STRINGS["preview_placeholder"]["figure"],
            Path(config.config_file_path).parent / ".cache" / "preview",
        )
    else:
        figures = _figures(pages, config)
    notebooks = page_notebooks(
        _with_values(pages, config),
        notebook_cache_dir(config),
        SITE_STRINGS["notebook_setup"],
        log.info,
        SITE_STRINGS["notebook_setup_on_site"],
    )
    return {**figures, **notebooks}


def _with_values(pages: dict[str, str], config: MkDocsConfig) -> dict[str, str]:
    """The pages with their value tokens filled in, as the notebooks show them (a notebook has no build step)."""

    try:
        return {
            uri: insert_values(text, f"{Path(config.docs_dir).name}/{uri}", _values_of_run, page_language(uri))
            for uri, text in pages.items()
        }
    except MissingValue as missing:
        raise PluginError(str(missing)) from None


def _figures(pages: dict[str, str], config: MkDocsConfig) -> dict[str, Path]:
    docs_dir = Path(config.docs_dir)
    refs, users = [], defaultdict(set)
    for src_uri, markdown in pages.items():
        page = f"{docs_dir.name}/{src_uri}"
        refs.extend(figure_refs(markdown, src_uri))
        for module in output_modules(markdown) | value_modules(markdown):
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
    return {
        ref.localized_uri(suffix): runs[ref.module].figure_path(ref.number, suffix)
        for ref in refs
        for suffix in map(language_suffix, LANGUAGES)
    }


@event_priority(-150)  # after the i18n plugin's on_files (-100)
def notebooks_as_pages(files: Files, config: MkDocsConfig) -> Files:
    return as_rendered_pages(files, config)


@event_priority(-150)  # after the i18n plugin's on_files: in the English build only
def contributor_pages(files: Files, config: MkDocsConfig) -> Files:
    if _current_language(config) == DEFAULT_LANGUAGE:
        add_status_page(files, config)
    return files


on_files = CombinedEvent(add_generated_files, notebooks_as_pages, contributor_pages)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    link_own_source(page, config)  # the edit link opens the page's own language's source
    if is_rendered_notebook(page.file):
        render_from_cache(page, notebook_cache_dir(config) / "rendered")
    return page


def _english_url(page: Page, language: str) -> str:
    """Relative link from a page of the ``language`` build to the same page in English."""
    english = page.url.removeprefix(f"{language}/")
    return root_prefix(page.url) + english


def _notice(kind: str, page: Page, language: str, changed_sections: str = "") -> str:
    strings = SITE_STRINGS[kind]
    text = strings["text"][language].format(english_url=_english_url(page, language))
    if changed_sections:
        text += " " + SITE_STRINGS["outdated_sections"][language].format(sections=changed_sections)
    return f'!!! warning "{strings["title"][language]}"\n\n    {text}\n\n'


def _section_links(state, config: MkDocsConfig) -> str:
    """Links to the sections of a translation whose English changed since it was stamped (ids as toc makes them)."""
    slugify = config.mdx_configs.get("toc", {}).get("slugify", toc_slugify)
    sections = changed_sections(english_changes(state) or [])
    return ", ".join(
        f'<a href="#{anchor or slugify(title, "-")}">{html.escape(title)}</a>' for title, anchor in sections
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".md"):
        return markdown  # a rendered notebook: mkdocs-jupyter renders it
    language = _current_language(config)
    markdown = _insert_values(markdown, page, config, language)
    not_run = SITE_STRINGS["preview_placeholder"]["output"][language]
    markdown = insert_outputs(markdown, lambda module: _output(module) if module in _runs else not_run)
    if links := download_links(page.file.src_uri, markdown):
        markdown = _after_title(markdown, f"{SITE_STRINGS['notebook_download'][language]} {links}\n")
    if language == DEFAULT_LANGUAGE:
        return markdown
    if getattr(page.file, "locale", language) != language:  # the i18n plugin fell back to the English file
        return _after_title(markdown, _notice("untranslated_notice", page, language))
    english = english_path(Path(page.file.abs_src_path))
    if (state := translation_state(english, language)).state == "outdated":
        return _after_title(markdown, _notice("outdated_notice", page, language, _section_links(state, config)))
    return markdown


def _output(module: str) -> str:
    """What the snippet printed, read once per build (pages in every language show it)."""
    return _build.get(f"output of {module}", lambda: _runs[module].output)


def _insert_values(markdown: str, page: Page, config: MkDocsConfig, language: str) -> str:
    """Numbers the prose quotes from runs (``<!-- value: ... -->``)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8").split("\n")
    try:
        return insert_values(
            markdown,
            f"{Path(config.docs_dir).name}/{page.file.src_uri}",
            _values_of_run,
            language,
            first_line=front_matter_end(source) + 1,
        )
    except MissingValue as missing:
        raise PluginError(str(missing)) from None


def _values_of_run(module: str) -> dict:
    return _recorded_values(_runs[module].entry) if module in _runs else _NotRun(module)  # (preview: not cached)


@functools.cache  # an entry's folder name holds its cache key: its contents never change
def _recorded_values(entry: Path) -> dict:
    """What a snippet recorded for the prose (snippets.common.results.record): ``results.json`` in its cache entry."""
    path = entry / RESULTS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


class _NotRun(dict):
    """The values of a snippet that has no run (the preview, before its first build): every name reads as "…"."""

    def __init__(self, module: str):
        super().__init__()

    def __contains__(self, key) -> bool:
        return True

    def __missing__(self, key) -> "_PendingValue":
        return _PendingValue()


class _PendingValue:
    """A number the preview cannot know yet: written as "…" whatever its format (never a made-up 0)."""

    def __format__(self, spec: str) -> str:
        return "…"


def _after_title(markdown: str, block: str) -> str:
    """Insert ``block`` right after the page's first ``# Title`` line (at the top if it has none)."""
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join(lines[: title + 1] + ["", block] + lines[title + 1 :])


@event_priority(-200)  # after the i18n plugin (-100), which builds the other languages in its own post_build
def on_post_build(config: MkDocsConfig) -> None:
    if not in_language_build(config):  # the index holds every language once the last one is built
        fix_search_indexes(Path(config.site_dir))
        _build.get("sitemap", Sitemap).write(Path(config.site_dir))  # every page of every language, alternates


# <link rel="alternate" hreflang> tags: material's script reads them as the roots of other sites and fetches
# "<page>/sitemap.xml" for each (a 404 per language on every page). The language menu already links each page to
# its translation, and the i18n plugin's sitemap.xml lists the alternates for search engines.
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


_not_found = NotFoundPages()


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    return _not_found.page(output, _current_language(config), config, SITE_STRINGS["not_found"])  # one per language


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _build.get("sitemap", Sitemap).add(page, _current_language(config))
    head, end_of_head, body = output.partition("</head>")  # the links are in the head; a notebook page is 800 kB
    output = ALTERNATE_LINK.sub("", head) + end_of_head + body
    output = lazy_figures(output, page.url, Path(config.site_dir))  # figures load when the reader gets to them
    return link_own_index(output, page.url)  # search fetches the page's language's index, on first use
