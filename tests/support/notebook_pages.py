"""A lab notebook page rendered as the hooks render it, for the notebook tests (unit and browser)."""

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import lessonkit.notebooks.render as render
from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.notebooks.files import NotebookPage, page_notebooks

SETUP_NOTES = {"en": "Run the next cell first.", "bn": "আগে পরের সেলটি চালান।", "hi": "पहले अगला सेल चलाएँ।"}


@pytest.fixture
def lab_notebook_page(tmp_path):
    """A rendered lab notebook page (as the hooks make it), with a render cache in ``tmp_path/rendered``."""
    config = MkDocsConfig()
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "test", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    pages = {"lab.md": (DOCS_DIR / "lab.md").read_text(encoding="utf-8")}
    source = page_notebooks(pages, tmp_path / "notebooks", SETUP_NOTES, log=lambda _: None, root=REPO_ROOT)[
        "lab-notebook-pytorch.ipynb"
    ]
    file = File("lab-notebook-pytorch.ipynb", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.abs_src_path = str(source)
    page_file = NotebookPage(file, dest_uri="lab-notebook-pytorch/index.html", url="lab-notebook-pytorch/")

    def rendered() -> Page:
        page = Page(None, page_file, config)
        render.render_from_cache(page, tmp_path / "rendered")
        page.render(config, Files([page_file]))
        return page

    return rendered, tmp_path / "rendered"
