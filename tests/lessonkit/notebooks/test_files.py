"""Notebooks made from pages: one framework's code, prose in the page's language, and they run on their own;
built again only when what they are made from changed, and the lab's rendered once per change."""

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from mkdocs.config.defaults import MkDocsConfig

import lessonkit.notebooks.render as render
from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.notebooks.convert import page_notebook
from lessonkit.notebooks.files import page_notebooks
from lessonkit.notebooks.sources import frameworks_of, helper_sources
from tests.support.notebook_pages import SETUP_NOTES


def notebook(page: str, framework: str, language: str = "en"):
    suffix = "" if language == "en" else f".{language}"
    markdown = (DOCS_DIR / f"{page}{suffix}.md").read_text(encoding="utf-8")
    return page_notebook(markdown, framework, language, "Run the next cell first.", root=REPO_ROOT)


def code_of(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_a_framework_notebook_holds_only_that_frameworks_code():
    assert frameworks_of((DOCS_DIR / "overfitting.md").read_text(encoding="utf-8")) == ["PyTorch", "TensorFlow"]
    pytorch, tensorflow = notebook("overfitting", "PyTorch"), notebook("overfitting", "TensorFlow")
    nbformat.validate(pytorch)
    assert "import torch" in code_of(pytorch) and "import keras" not in code_of(pytorch).split("HELPERS")[-1]
    assert "import keras" in code_of(tensorflow) and "import torch" not in code_of(tensorflow).split("HELPERS")[-1]


def test_markdown_cells_are_plain_markdown_in_the_pages_language():
    nb = notebook("lab", "TensorFlow", "bn")
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    shown_code = code_of(nb).split("HELPERS")[-1].split('write_text(text, encoding="utf-8")')[-1]
    assert "ল্যাব" in prose and "{." not in prose and "{#" not in prose
    assert '--8<-- "' not in shown_code, "includes are expanded"


def test_a_downloaded_notebook_runs_on_its_own(tmp_path):
    from nbclient import NotebookClient

    nb = notebook("overfitting", "PyTorch")
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "7 parameters: training error 0.00" in outputs
    images = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    page = (DOCS_DIR / "overfitting.md").read_text(encoding="utf-8")
    figures = {f for f in re.findall(r"figures/overfitting/([\w-]+)\.svg", page) if "tensorflow" not in f}
    assert images == len(figures), f"{images} figures drawn, the page shows {len(figures)} for PyTorch"
    assert (tmp_path / "snippets/common/plotting.py").exists(), "the setup cell wrote the shared helpers"


@pytest.mark.site
def test_the_site_offers_notebooks_in_every_language(site):
    site_dir, _ = site
    for language in ("", ".bn", ".hi"):
        for framework in ("pytorch", "tensorflow"):
            path = site_dir / f"notebooks/low-level/training-{framework}{language}.ipynb"
            nbformat.validate(nbformat.read(path, as_version=4))
    assert (site_dir / "bn/lab-notebook-pytorch/index.html").is_file()


def test_a_notebook_is_built_again_only_when_its_page_changed(tmp_path):
    pages = {name: (DOCS_DIR / name).read_text(encoding="utf-8") for name in ("overfitting.md", "overfitting.bn.md")}
    logs = []
    first = page_notebooks(pages, tmp_path, SETUP_NOTES, logs.append, root=REPO_ROOT)
    assert page_notebooks(pages, tmp_path, SETUP_NOTES, logs.append, root=REPO_ROOT) == first
    pages["overfitting.md"] += "\nA sentence added after the first build.\n"
    third = page_notebooks(pages, tmp_path, SETUP_NOTES, logs.append, root=REPO_ROOT)
    assert logs == [
        "notebooks: 4 built, 0 unchanged",
        "notebooks: 0 built, 4 unchanged",
        "notebooks: 2 built, 2 unchanged",
    ]  # PyTorch and TensorFlow, in English and Bengali
    for framework in ("pytorch", "tensorflow"):
        english = nbformat.read(third[f"notebooks/overfitting-{framework}.ipynb"], as_version=4)
        assert "A sentence added after the first build." in english.cells[-1].source
        assert (
            third[f"notebooks/overfitting-{framework}.bn.ipynb"] == first[f"notebooks/overfitting-{framework}.bn.ipynb"]
        )


def test_the_lab_notebook_is_rendered_once_and_again_when_its_cache_entry_is_damaged(lab_notebook_page, monkeypatch):
    rendered, cache = lab_notebook_page
    first = rendered()
    assert "load_iris" in first.content and first.toc.items, "mkdocs-jupyter's HTML and table of contents"
    entries = list(cache.glob("*.json"))
    assert len(entries) == 1

    real_renderer = render._render_with_mkdocs_jupyter
    monkeypatch.setattr(render, "_render_with_mkdocs_jupyter", lambda *args: pytest.fail("rendered again"))
    second = rendered()
    assert second.content == first.content and [i.title for i in second.toc] == [i.title for i in first.toc]

    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:100], encoding="utf-8")  # cut short
    monkeypatch.setattr(render, "_render_with_mkdocs_jupyter", real_renderer)
    assert rendered().content == first.content
    stored = json.loads(entries[0].read_text(encoding="utf-8"))
    assert first.content.endswith(stored["content"]) and stored["css"], "the HTML again, its CSS kept apart"


def test_the_notebook_css_is_one_shared_stylesheet_not_inline(lab_notebook_page):
    rendered, _ = lab_notebook_page
    page = rendered()
    link = re.match(r'<link rel="stylesheet" href="\.\./(assets/stylesheets/notebook-\w+\.css)">', page.content)
    assert link and "<style" not in page.content, "nbconvert's CSS is linked, not repeated in every page"
    stylesheet = Path(page.file.dest_dir) / link.group(1)
    assert "jp-Notebook" in stylesheet.read_text(encoding="utf-8") and stylesheet.stat().st_mode & 0o044 == 0o044
    assert page.meta["search"]["exclude"], "the lab page holds the same text: search shows it once"


def test_the_site_shows_the_helpers_by_name_and_the_download_holds_their_text():
    markdown = (DOCS_DIR / "lab.md").read_text(encoding="utf-8")
    download = page_notebook(markdown, "PyTorch", "en", "Run the next cell first.", root=REPO_ROOT)
    on_site = page_notebook(markdown, "PyTorch", "en", "Run the next cell first.", on_site=True, root=REPO_ROOT)
    helpers = helper_sources(markdown, REPO_ROOT)

    def setup(nb) -> str:
        return next(c.source for c in nb.cells if c.cell_type == "code" and "HELPERS = " in c.source)

    assert ast.literal_eval(setup(download).split("HELPERS = ", 1)[1].split("\n")[0]) == helpers
    listed = setup(on_site)
    ast.parse(listed)  # still Python: the files' texts are `...`
    for name, text in helpers.items():
        count = len(text.splitlines())
        assert f"{name!r}: ...,  # {count} line{'' if count == 1 else 's'}\n" in listed
    assert "def seed_everything" not in listed and len(listed) < len(setup(download)) / 20
    assert on_site.cells[0].cell_type == "markdown" and on_site.cells[0].source.startswith("# ")
    assert on_site.cells[1].source == download.cells[0].source, "the install cell, after the title on the site"
    assert download.cells[1].source == on_site.cells[0].source
    rest = lambda nb: [c.source for c in nb.cells[2:] if "HELPERS = " not in c.source]  # noqa: E731
    assert rest(download) == rest(on_site)


def test_the_lab_page_shows_the_site_variant_and_offers_the_download(tmp_path):
    pages = {"lab.md": (DOCS_DIR / "lab.md").read_text(encoding="utf-8")}
    notes = {"en": "On this page only the names."}
    notebooks = page_notebooks(pages, tmp_path, SETUP_NOTES, lambda _: None, notes, root=REPO_ROOT)
    shown = nbformat.read(notebooks["lab-notebook-pytorch.ipynb"], as_version=4)
    downloaded = nbformat.read(notebooks["notebooks/lab-pytorch.ipynb"], as_version=4)
    assert "Run the next cell first. On this page only the names." in [c.source for c in shown.cells]
    assert "Run the next cell first." in [c.source for c in downloaded.cells]
    site_size, download_size = (
        notebooks[name].stat().st_size for name in ("lab-notebook-pytorch.ipynb", "notebooks/lab-pytorch.ipynb")
    )
    assert site_size * 1.5 < download_size, "the helpers' text is left out of the page"


def test_scripts_for_content_the_notebook_lacks_are_left_out():
    mermaid = '<script type="module">document.querySelectorAll(".jp-Mermaid > pre.mermaid")</script>'
    mathjax = '<script src=""> </script><script type="text/x-mathjax-config">MathJax.Hub.Config({})</script>'
    copy = "<script>document.addEventListener('clipboard-copy', f)</script>"
    cell = '<div class="jp-Cell"><pre>x = 1</pre></div>'
    assert render._without_idle_scripts(copy + mathjax + mermaid + cell) == copy + cell
    diagram = '<div class="jp-Mermaid"><pre class="mermaid">graph LR</pre></div>'
    assert render._without_idle_scripts(mermaid + diagram) == mermaid + diagram
    with_mathjax = (
        '<script src="https://cdn.example/mathjax.js"> </script><script type="text/x-mathjax-config">x</script>'
    )
    assert render._without_idle_scripts(with_mathjax) == with_mathjax


def test_the_pygments_styles_that_mkdocs_jupyter_writes_as_a_python_list_become_css():
    assert render._style_text("\n  ['pre { line-height: 125%; }\\n.highlight-ipynb .k { color: green }']\n") == (
        "pre { line-height: 125%; }\n.highlight-ipynb .k { color: green }"
    )
    for css in (".a { color: red }", "[data-md-color-scheme=slate] .a { color: red }", "['unclosed { }"):
        assert render._style_text(css) == css


def test_the_stored_page_is_rendered_again_when_a_script_or_stylesheet_of_the_site_changes(tmp_path):
    config = MkDocsConfig()
    docs = tmp_path / "docs"
    (docs / "javascripts").mkdir(parents=True)
    config.load_dict({"site_name": "test", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
    assert config.validate() == ([], [])
    notebook = tmp_path / "lab.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    script = docs / "javascripts" / "lesson.js"
    script.write_text("document.body.classList.add('one')", encoding="utf-8")
    first = render._key(notebook, config)
    (docs / "page.md").write_text("# A page\n", encoding="utf-8")
    assert render._key(notebook, config) == first, "a page's text does not change what the notebook can use"
    script.write_text("document.body.classList.add('two')", encoding="utf-8")  # may now add another class
    assert render._key(notebook, config) != first
