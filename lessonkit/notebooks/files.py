"""Notebook downloads: one .ipynb per hands-on page, language and framework, added to the site as generated files.

Each notebook is kept in ``.cache/notebooks/`` under a hash of everything it is made from (the page, the snippets
it shows and the helpers they import, the setup note, the converter and nbformat's version): a notebook whose
inputs did not change is not built again. The lab's notebooks are also shown as pages (lessonkit.notebooks.render).
"""

import hashlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from lessonkit import DEFAULT_LANGUAGE, REPO_ROOT
from lessonkit.atomic_write import write_atomically
from lessonkit.languages import language_suffix, root_prefix, split_language
from lessonkit.markdown.includes import includes
from lessonkit.notebooks.publish import SITE_FOLDER
from lessonkit.notebooks.sources import FRAMEWORK_TABS, frameworks_of, helper_sources

NOTEBOOK_DIR = SITE_FOLDER  # where the publishing step finds them (lessonkit.notebooks.publish)
# Pages whose notebooks are also shown on the site (rendered by mkdocs-jupyter): page -> name of the rendered page.
RENDERED = {"lab": "lab-notebook"}
LESSONKIT_DIR = Path(__file__).resolve().parent.parent


def _converter() -> bytes:
    """The code that turns pages into notebooks, and the pins its install cell copies from pyproject.toml."""
    files = sorted(
        [
            *(LESSONKIT_DIR / "notebooks").glob("*.py"),
            *(LESSONKIT_DIR / "markdown").glob("*.py"),
            *LESSONKIT_DIR.glob("*.py"),
            REPO_ROOT / "pyproject.toml",
        ]
    )
    return b"".join(_read(path) for path in files) + metadata.version("nbformat").encode()


def notebook_cache_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / ".cache" / "notebooks"


__all__ = ["language_suffix"]  # imported from here by older callers; its home is lessonkit.languages


def _page_and_language(src_uri: str) -> tuple[str, str]:
    """``low-level/training.bn.md`` -> (``low-level/training``, ``bn``)."""
    english, language = split_language(src_uri)
    return english.removesuffix(".md"), language


def notebook_uri(page: str, framework: str, language: str) -> str:
    return f"{NOTEBOOK_DIR}/{page}-{framework.lower()}{language_suffix(language)}.ipynb"


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b"<absent>"  # a missing include fails in page_notebook


def _snippets_digest(markdown: str, root: Path) -> bytes:
    """A hash of the snippet files the page shows and of the helpers they import (what the setup cell writes)."""
    digest = hashlib.sha256()
    for path in sorted({inc.path for inc in includes(markdown)}):
        digest.update(f"{path}\0".encode() + _read(root / "snippets" / path) + b"\0")
    for name, text in helper_sources(markdown, root).items():
        digest.update(f"{name}\0{text}\0".encode())
    return digest.digest()


def page_notebooks(
    pages: dict[str, str],
    cache: Path,
    setup_notes: dict[str, str],
    log: Callable[[str], None] = print,
    site_notes: dict[str, str] | None = None,
    rendered: dict[str, str] = RENDERED,
    tabs: tuple[str, ...] = FRAMEWORK_TABS,
    *,
    root: Path,
) -> dict[str, Path]:
    """Every notebook of the pages (``src_uri`` -> Markdown), by its address in the site; built where its inputs
    changed. The lab's notebooks appear twice: as a download, and as the site shows them (their helpers' text left
    out, the setup note followed by ``site_notes``) under the name of the page that shows them."""
    converter = _converter()
    snippets: dict[frozenset, bytes] = {}  # the translations of a page show the same snippets
    notebooks, built = {}, 0

    def notebook(markdown: str, shown: bytes, framework: str, language: str, note: str, on_site: bool) -> Path:
        nonlocal built
        texts = (markdown, framework, language, note, "site" if on_site else "download", ",".join(tabs))
        key = hashlib.sha256(b"\0".join([converter, shown, *(t.encode() for t in texts)])).hexdigest()
        path = cache / f"{key[:20]}.ipynb"
        if not path.is_file():
            write_atomically(path, _build_notebook(markdown, framework, language, note, on_site, tabs, root))
            built += 1
        return path

    for src_uri, markdown in sorted(pages.items()):
        page, language = _page_and_language(src_uri)
        shown = frozenset(inc.path for inc in includes(markdown))
        if shown not in snippets:
            snippets[shown] = _snippets_digest(markdown, root)
        for framework in frameworks_of(markdown, tabs):
            notebooks[notebook_uri(page, framework, language)] = notebook(
                markdown, snippets[shown], framework, language, setup_notes[language], on_site=False
            )
            if page in rendered:
                note = f"{setup_notes[language]} {site_notes[language]}" if site_notes else setup_notes[language]
                notebooks[f"{rendered[page]}-{framework.lower()}{language_suffix(language)}.ipynb"] = notebook(
                    markdown, snippets[shown], framework, language, note, on_site=True
                )
    log(f"notebooks: {built} built, {len(set(notebooks.values())) - built} unchanged")
    return notebooks


def _build_notebook(
    markdown: str, framework: str, language: str, setup_note: str, on_site: bool, tabs: tuple[str, ...], root: Path
) -> str:
    import nbformat  # with the converter, 0.25 s to import: only when a notebook is built

    from lessonkit.notebooks.convert import page_notebook

    return nbformat.writes(page_notebook(markdown, framework, language, setup_note, on_site, tabs, root=root))


def _rendered_variant(file: File, rendered: dict[str, str]) -> tuple[str, str] | None:
    """(``lab-notebook-pytorch``, ``bn``) for ``lab-notebook-pytorch.bn.ipynb``; None for other files."""
    english, language = split_language(file.src_uri)
    name = english.removesuffix(".ipynb")
    if file.src_uri.endswith(".ipynb") and any(name.startswith(f"{page}-") for page in rendered.values()):
        return name, language
    return None


class NotebookPage(File):
    """A rendered notebook as a page of the site (mkdocs only takes Markdown files for pages).

    It stands for the i18n plugin's file (whose language and alternates the language menu reads) and gives it the
    page's address; lessonkit.notebooks.render supplies its HTML.
    """

    def __init__(self, file: File, dest_uri: str, url: str):  # File.__init__ not called: `file` holds the rest
        self.file = file
        self.abs_src_path = file.abs_src_path
        self.dest_uri, self.url = dest_uri, url

    def __getattr__(self, name: str):
        return getattr(self.file, name)

    def is_documentation_page(self) -> bool:
        return True


def as_rendered_pages(files: Files, config: MkDocsConfig, rendered: dict[str, str] = RENDERED) -> Files:
    """Make the rendered notebooks pages of the current language, after the i18n plugin sorted the files by language
    (it takes .ipynb files for plain files, to be copied)."""
    language = getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    variants: dict[str, dict[str, File]] = {}
    for file, (page, variant) in [(f, v) for f in files if (v := _rendered_variant(f, rendered))]:
        variants.setdefault(page, {})[variant] = file
        files.remove(file)
    for page, by_language in variants.items():
        file = by_language.get(language) or by_language.get(DEFAULT_LANGUAGE) or next(iter(by_language.values()))
        files.append(NotebookPage(file, dest_uri=f"{prefix}{page}/index.html", url=f"{prefix}{page}/"))
    return files


def is_rendered_notebook(file: File) -> bool:
    return isinstance(file, NotebookPage)


def download_links(
    src_uri: str,
    markdown: str,
    after_link: Callable[[str], str] = lambda uri: "",
    tabs: tuple[str, ...] = FRAMEWORK_TABS,
) -> str:
    """Markdown links from the page to its notebooks (the English names; the i18n plugin picks each language's),
    each followed by ``after_link(address in the site of the notebook in the page's language)``."""
    page, language = _page_and_language(src_uri)
    up = root_prefix(src_uri)
    return " · ".join(
        f"[{framework}]({up}{notebook_uri(page, framework, DEFAULT_LANGUAGE)})"
        + after_link(notebook_uri(page, framework, language))
        for framework in frameworks_of(markdown, tabs)
    )
