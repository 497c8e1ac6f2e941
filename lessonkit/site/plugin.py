"""The lesson's mkdocs plugin (mkdocs-material style: settings in ``LessonConfig``, state on the instance).

The i18n plugin runs every event once per language; what does not depend on the language (reading the pages,
the snippet runs, the notebooks) is computed in the first language's build and reused (lessonkit.site.once_per_build).
Each event below says why it is there; the work is done by the pipeline's steps.
"""

import functools
import html
import json
import logging
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.figures.build import FigureRun, SnippetFailed, build_figures
from lessonkit.figures.cache import FigureCache
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
from lessonkit.notebooks.cloud_links import cloud_links, download_paragraph, rendered_notebook_download
from lessonkit.notebooks.files import (
    as_rendered_pages,
    download_links,
    is_rendered_notebook,
    language_suffix,
    page_notebooks,
)
from lessonkit.notebooks.render import render_from_cache
from lessonkit.site.config import PREVIEW, LessonConfig, environment_overrides
from lessonkit.site.edit_links import link_own_source, without_repository
from lessonkit.site.glossary_page import add_glossary_page, glossary_pages, is_glossary_page, page_uri
from lessonkit.site.lazy_figures import lazy_figures
from lessonkit.site.narrow_figures import narrow_figures, narrow_uri
from lessonkit.site.not_found_pages import NotFoundPages
from lessonkit.site.offline import offline_control, write_offline
from lessonkit.site.once_per_build import OncePerBuild, in_language_build
from lessonkit.site.preview import cached_runs, preview_figures
from lessonkit.site.quiz_html import QuizError, link_assets, render_quizzes
from lessonkit.site.search_index import fix_search_indexes, link_own_index
from lessonkit.site.sitemap import Sitemap
from lessonkit.site.status_page import add_status_page
from lessonkit.translation_files import load_glossary, load_site_strings
from lessonkit.translations.records import english_path, translation_state
from lessonkit.translations.staleness import changed_sections, english_changes

log = logging.getLogger("mkdocs.plugins.lessonkit")

# <link rel="alternate" hreflang> tags: material's script reads them as the roots of other sites and fetches
# "<page>/sitemap.xml" for each (a 404 per language on every page). The language menu already links each page to
# its translation, and the i18n plugin's sitemap.xml lists the alternates for search engines.
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class LessonPlugin(BasePlugin[LessonConfig]):
    def __init__(self):
        super().__init__()
        self.build = OncePerBuild()
        self.runs: dict[str, FigureRun] = {}  # the latest build's snippet runs, by module
        self.not_found = NotFoundPages()
        self.strings: dict = {}
        self.project = Path()

    # --- settings and per-build state --------------------------------------------------------------------------

    def configure(self, options: dict, config_file_path: str | None) -> None:
        """Validate ``options`` (with the environment's overrides on top) into ``self.config``; a bad value or an
        unknown option (a typo) stops the build with the option's name."""
        errors, warnings = self.load_config({**options, **environment_overrides()}, config_file_path)
        if errors or warnings:
            problems = [*errors, *warnings]
            raise PluginError("lessonkit: " + "; ".join(f"{name}: {problem}" for name, problem in problems))

    def folder(self, option: str) -> Path:
        """A folder option, relative to the project (the folder of mkdocs.yml)."""
        return self.project / self.config[option]

    # Why: a build starts here (not in the i18n plugin's builds of the other languages), so the state of the last
    # build (a `mkdocs serve` rebuild) is dropped and the site strings are read again.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not in_language_build(config):
            self.project = Path(config.config_file_path).resolve().parent
            self.strings = load_site_strings()
            self.runs.clear()
            self.not_found = NotFoundPages()
            _recorded_values.cache_clear()
        self.build.start(config)
        without_repository(config)  # no repo_url: no edit links
        return config

    def _current_language(self, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE

    # --- files: figures and notebooks ----------------------------------------------------------------------------

    # Why before the i18n plugin (default priority): it sorts the files by language, the generated ones included.
    def add_generated_files(self, files: Files, config: MkDocsConfig) -> Files:
        for uri, source in self.build.get("generated files", lambda: self._generated_files(files, config)).items():
            if existing := files.get_file_from_path(uri):
                files.remove(existing)
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        return files

    def _generated_files(self, files: Files, config: MkDocsConfig) -> dict[str, Path]:
        """Figures and notebooks of every page in every language: their address in the site -> the file in a cache."""
        pages = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8") for f in files.documentation_pages()}
        if self.config.figures == PREVIEW:  # make preview: what the figure cache has, no snippet runs
            self.runs.clear()
            self.runs.update(cached_runs(pages, FigureCache(self.folder("figure_cache"))))
            figures = preview_figures(
                pages, self.runs, self.strings["preview_placeholder"]["figure"], self.folder("preview_cache")
            )
        else:
            figures = self._figures(pages, config)
        notebooks = page_notebooks(
            self._with_values(pages, config),
            self.folder("notebook_cache"),
            self.strings["notebook_setup"],
            log.info,
            self.strings["notebook_setup_on_site"],
            rendered=self.config.rendered_notebooks,
            tabs=tuple(self.config.framework_tabs),
            root=self.project,
        )
        return {**figures, **notebooks}

    def _with_values(self, pages: dict[str, str], config: MkDocsConfig) -> dict[str, str]:
        """The pages with their value tokens filled in, as the notebooks show them (a notebook has no build step)."""
        try:
            return {
                uri: insert_values(text, f"{Path(config.docs_dir).name}/{uri}", self._values_of_run, page_language(uri))
                for uri, text in pages.items()
            }
        except MissingValue as missing:
            raise PluginError(str(missing)) from None

    def _figures(self, pages: dict[str, str], config: MkDocsConfig) -> dict[str, Path]:
        docs_dir = Path(config.docs_dir)
        refs, users = [], defaultdict(set)
        for src_uri, markdown in pages.items():
            page = f"{docs_dir.name}/{src_uri}"
            refs.extend(figure_refs(markdown, src_uri))
            for module in output_modules(markdown) | value_modules(markdown):
                users[module].add(page)
        for ref in refs:
            users[ref.module].add(f"{docs_dir.name}/{ref.page}")
        try:
            runs = build_figures(
                users,
                cache=FigureCache(self.folder("figure_cache")),
                root=self.project,
                log=log.info,
                timeout_s=self.config.snippet_timeout,
            )
        except SnippetFailed as failure:
            raise PluginError(str(failure)) from None
        self.runs.clear()
        self.runs.update(runs)
        _check_figure_numbers(refs, runs, docs_dir.name)
        wide = {
            ref.localized_uri(suffix): runs[ref.module].figure_path(ref.number, suffix)
            for ref in refs
            for suffix in map(language_suffix, LANGUAGES)
        }
        narrow = {  # phones get these (lessonkit.site.narrow_figures)
            narrow_uri(ref.localized_uri(suffix)): path
            for ref in refs
            for suffix in map(language_suffix, LANGUAGES)
            if (path := runs[ref.module].narrow_path(ref.number, suffix))
        }
        return {**wide, **narrow}

    # Why after the i18n plugin's on_files (-100): it takes .ipynb files for plain files of each language.
    @event_priority(-150)
    def notebooks_as_pages(self, files: Files, config: MkDocsConfig) -> Files:
        return as_rendered_pages(files, config, rendered=self.config.rendered_notebooks)

    # Why after the i18n plugin's on_files: the status page is English only, added once the files are sorted.
    @event_priority(-150)
    def contributor_pages(self, files: Files, config: MkDocsConfig) -> Files:
        if self._current_language(config) == DEFAULT_LANGUAGE:
            add_status_page(files, config)
        return files

    # Why after the i18n plugin's on_files: it takes only Markdown files of docs/ for pages, so each language's
    # glossary page (made from translations/glossary.yml, once per build) is added to that language's files.
    @event_priority(-150)
    def glossary_page(self, files: Files, config: MkDocsConfig) -> Files:
        if page_uri(DEFAULT_LANGUAGE) not in _nav_order(config.nav or []):
            return files  # a site whose navigation has no glossary gets none (a one-page test project, say)
        written = self.build.get("glossary pages", lambda: self._glossary_pages(config))
        add_glossary_page(files, config, self._current_language(config), written)
        return files

    def _glossary_pages(self, config: MkDocsConfig) -> dict[str, Path]:
        docs_dir = Path(config.docs_dir)
        pages = {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8") for p in docs_dir.rglob("*.md")}
        return glossary_pages(
            pages,
            _nav_order(config.nav or []),
            load_glossary(),
            self.strings["glossary"],
            self.folder("glossary_cache"),
        )

    on_files = CombinedEvent(add_generated_files, notebooks_as_pages, contributor_pages, glossary_page)

    # --- pages -----------------------------------------------------------------------------------------------------

    # Why: the edit link of a rendered notebook opens its page's source; its HTML comes from the render cache.
    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        link_own_source(page, config, rendered=self.config.rendered_notebooks)
        if is_glossary_page(page.file.src_uri):
            page.edit_url = None  # made from translations/glossary.yml, not a file of docs/
        if is_rendered_notebook(page.file):
            render_from_cache(page, self.folder("notebook_cache") / "rendered")
        return page

    # Why: values, printed output, notebook links (with Colab and Kaggle) and quiz questions go in before Markdown
    # is rendered; a translation that fell back to English or is older than its English page says so.
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not page.file.src_uri.endswith(".md"):
            return markdown  # a rendered notebook: mkdocs-jupyter renders it
        markdown = self._page_markdown(markdown, page, config)
        strings = {key: text[self._current_language(config)] for key, text in self.strings["quiz"].items()}
        try:
            return render_quizzes(markdown, strings, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
        except QuizError as error:
            raise PluginError(str(error)) from None

    def _page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        language = self._current_language(config)
        if is_glossary_page(page.file.src_uri):
            return markdown  # made by the build, in every language: no notices, values or downloads
        markdown = self._insert_values(markdown, page, config, language)
        not_run = self.strings["preview_placeholder"]["output"][language]
        markdown = insert_outputs(markdown, lambda module: self._output(module) if module in self.runs else not_run)
        after_link = functools.partial(cloud_links, config.repo_url, strings=self.strings["open_notebook_in"][language])
        if links := download_links(page.file.src_uri, markdown, after_link, tabs=tuple(self.config.framework_tabs)):
            markdown = _after_title(markdown, f"{self.strings['notebook_download'][language]} {links}\n")
        if language == DEFAULT_LANGUAGE:
            return markdown
        if getattr(page.file, "locale", language) != language:  # the i18n plugin fell back to the English file
            return _after_title(markdown, self._notice("untranslated_notice", page, language))
        english = english_path(Path(page.file.abs_src_path))
        if (state := translation_state(english, language)).state == "outdated":
            return _after_title(
                markdown, self._notice("outdated_notice", page, language, _section_links(state, config))
            )
        return markdown

    def _notice(self, kind: str, page: Page, language: str, changed_sections: str = "") -> str:
        strings = self.strings[kind]
        text = strings["text"][language].format(english_url=_english_url(page, language))
        if changed_sections:
            text += " " + self.strings["outdated_sections"][language].format(sections=changed_sections)
        return f'!!! warning "{strings["title"][language]}"\n\n    {text}\n\n'

    def _output(self, module: str) -> str:
        """What the snippet printed, read once per build (pages in every language show it)."""
        return self.build.get(f"output of {module}", lambda: self.runs[module].output)

    def _insert_values(self, markdown: str, page: Page, config: MkDocsConfig, language: str) -> str:
        """Numbers the prose quotes from runs (``<!-- value: ... -->``)."""
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8").split("\n")
        try:
            return insert_values(
                markdown,
                f"{Path(config.docs_dir).name}/{page.file.src_uri}",
                self._values_of_run,
                language,
                first_line=front_matter_end(source) + 1,
            )
        except MissingValue as missing:
            raise PluginError(str(missing)) from None

    def _values_of_run(self, module: str) -> dict:
        if module in self.runs:
            return _recorded_values(self.runs[module].entry)
        return _NotRun(module)  # the preview, before the snippet's first build

    # --- after the build -------------------------------------------------------------------------------------------

    # Why -200: after the i18n plugin (-100), which builds the other languages in its own post_build.
    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not in_language_build(config):  # the index holds every language once the last one is built
            fix_search_indexes(Path(config.site_dir))
            self.build.get("sitemap", Sitemap).write(Path(config.site_dir))  # every page of every language
            # per language, what "save for offline reading" downloads, and sw.js
            write_offline(Path(config.site_dir), self.folder("offline_cache") / "compressed-sizes.json")

    # Why: every language build renders the theme's 404 page into the root; one per language is kept.
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        return self.not_found.page(output, self._current_language(config), config, self.strings["not_found"])

    # Why: hreflang links out of the head; figures load lazily, sized; search fetches the page's language's index.
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.build.get("sitemap", Sitemap).add(page, self._current_language(config))
        head, end_of_head, body = output.partition("</head>")  # the links are in the head; a notebook page is 800 kB
        output = ALTERNATE_LINK.sub("", head) + end_of_head + body
        output = lazy_figures(output, page.url, Path(config.site_dir))  # figures load when the reader gets to them
        output = link_assets(output, page.url)  # the quiz script and style, on pages with a quiz only
        output = narrow_figures(output, page.url, Path(config.site_dir))  # phones get figures drawn for their width
        language = self._current_language(config)
        if is_rendered_notebook(page.file):  # the lab notebook pages: their download, Colab and Kaggle after the title
            output = self._notebook_download(output, page, config, language)
        output = offline_control(output, page.url, language, self.strings["offline"])  # save for offline reading
        return link_own_index(output, page.url)  # search fetches the page's language's index, on first use

    def _notebook_download(self, output: str, page: Page, config: MkDocsConfig, language: str) -> str:
        if not (found := rendered_notebook_download(page.file.src_uri, self.config.rendered_notebooks)):
            return output
        framework, site_uri = found
        link = f'<a href="{root_prefix(page.url)}{site_uri}">{framework}</a>'
        cloud = cloud_links(config.repo_url, site_uri, self.strings["open_notebook_in"][language])
        return download_paragraph(output, f"{self.strings['notebook_download'][language]} {link}", cloud)


def _nav_order(nav: list) -> list[str]:
    """The pages of mkdocs.yml's ``nav``, in its order."""
    order = []
    for item in nav:
        for value in item.values() if isinstance(item, dict) else [item]:
            order += _nav_order(value) if isinstance(value, list) else [value] if value.endswith(".md") else []
    return order


def _check_figure_numbers(refs, runs: dict[str, FigureRun], docs_name: str) -> None:
    """A page that shows figure N of a snippet that draws fewer stops the build, naming page and line."""
    for ref in refs:
        count = runs[ref.module].figure_count
        if ref.number > count:
            raise PluginError(
                f"{docs_name}/{ref.page}:{ref.line}: shows {ref.uri}, but {ref.module} draws "
                f"{count} figure(s). Use a number from 1 to {count}, or make the snippet draw the figure."
            )


def _english_url(page: Page, language: str) -> str:
    """Relative link from a page of the ``language`` build to the same page in English."""
    english = page.url.removeprefix(f"{language}/")
    return root_prefix(page.url) + english


def _section_links(state, config: MkDocsConfig) -> str:
    """Links to the sections of a translation whose English changed since it was stamped (ids as toc makes them)."""
    slugify = config.mdx_configs.get("toc", {}).get("slugify", toc_slugify)
    sections = changed_sections(english_changes(state, Path(config.config_file_path).resolve().parent) or [])
    return ", ".join(
        f'<a href="#{anchor or slugify(title, "-")}">{html.escape(title)}</a>' for title, anchor in sections
    )


@cache  # an entry's folder name holds its cache key: its contents never change
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
