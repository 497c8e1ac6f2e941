"""Notebooks made from pages: one framework's code, prose in the page's language, and they run on their own."""
import nbformat
import pytest

from lessonkit import DOCS_DIR
from lessonkit.notebooks.convert import frameworks_of, page_notebook


def notebook(page: str, framework: str, language: str = "en"):
    suffix = "" if language == "en" else f".{language}"
    markdown = (DOCS_DIR / f"{page}{suffix}.md").read_text(encoding="utf-8")
    return page_notebook(markdown, framework, language, "Run the next cell first.")


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
    shown_code = code_of(nb).split("HELPERS")[-1].split("write_text(text, encoding=\"utf-8\")")[-1]
    assert "ল্যাব" in prose and "{." not in prose and "{#" not in prose
    assert '--8<-- "' not in shown_code, "includes are expanded"


def test_a_downloaded_notebook_runs_on_its_own(tmp_path):
    from nbclient import NotebookClient

    nb = notebook("overfitting", "PyTorch")
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "7 parameters: training error 0.00" in outputs
    assert (tmp_path / "snippets/common/plotting.py").exists(), "the setup cell wrote the shared helpers"


@pytest.mark.site
def test_the_site_offers_notebooks_in_every_language(site):
    site_dir, _ = site
    for language in ("", ".bn", ".hi"):
        for framework in ("pytorch", "tensorflow"):
            path = site_dir / f"notebooks/low-level/training-{framework}{language}.ipynb"
            nbformat.validate(nbformat.read(path, as_version=4))
    assert (site_dir / "bn/lab-notebook-pytorch/index.html").is_file()
