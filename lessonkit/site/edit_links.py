"""Edit links: with ``repo_url`` set, every page's edit button opens its own language's source file.

mkdocs makes the link from ``repo_url`` + ``edit_uri`` + the page's source (``overfitting.bn.md`` on the Bengali
page, as the i18n plugin gives each language build its own files). The lab's notebook pages are made from the lab
page, so their link opens the lab page of their language. Without ``repo_url`` there are no edit links.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from lessonkit.languages import split_language, translation_path
from lessonkit.notebooks.files import RENDERED, is_rendered_notebook


def without_repository(config: MkDocsConfig) -> None:
    """No repository, no edit links (mkdocs would warn on every page about an ``edit_uri`` without a ``repo_url``)."""
    if not config.repo_url:
        config.edit_uri = None


def link_own_source(page: Page, config: MkDocsConfig, rendered: dict[str, str] = RENDERED) -> None:
    if page.edit_url and is_rendered_notebook(page.file):
        source = notebook_source(page.file.src_uri, Path(config.docs_dir), rendered)
        page.edit_url = page.edit_url.removesuffix(page.file.src_uri) + source


def notebook_source(src_uri: str, docs_dir: Path, rendered: dict[str, str] = RENDERED) -> str:
    """``lab-notebook-pytorch.bn.ipynb`` -> ``lab.bn.md`` (``lab.md`` while the lab has no Bengali translation)."""
    english, language = split_language(src_uri)
    page = next(page for page, shown in rendered.items() if english.startswith(f"{shown}-"))
    translated = translation_path(Path(f"{page}.md"), language).as_posix()
    return translated if (docs_dir / translated).is_file() else f"{page}.md"
