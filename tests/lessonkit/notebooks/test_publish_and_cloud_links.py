"""Notebooks one tap from Colab and Kaggle: the links after each download, the notebooks branch they point at
(lessonkit.notebooks.publish, run into a temporary git repository), and notebooks that ask for a GPU runtime."""

import json
import re
import subprocess

import pytest

from lessonkit import DOCS_DIR, LANGUAGES, REPO_ROOT
from lessonkit.notebooks.cloud_links import cloud_links, colab_url, kaggle_url, repository
from lessonkit.notebooks.convert import page_notebook, uses_gpu
from lessonkit.notebooks.files import download_links, page_notebooks
from lessonkit.notebooks.publish import BRANCH, publish
from tests.support.notebook_pages import SETUP_NOTES

STRINGS = {"colab": "open in Colab", "kaggle": "open in Kaggle"}
COLAB = re.compile(r"https://colab\.research\.google\.com/github/owner/lesson/blob/notebooks/(?P<path>[^)\s]+\.ipynb)")


def test_links_follow_each_download_only_with_a_github_repository():
    links = download_links("low-level/training.bn.md", '=== "PyTorch"\n\n=== "TensorFlow"\n', lambda uri: f" <{uri}>")
    assert (
        "[PyTorch](../notebooks/low-level/training-pytorch.ipynb) <notebooks/low-level/training-pytorch.bn.ipynb>"
        in links
    )
    assert cloud_links(None, "notebooks/lab-pytorch.ipynb", STRINGS) == ""
    assert cloud_links("https://gitlab.com/owner/lesson", "notebooks/lab-pytorch.ipynb", STRINGS) == ""
    assert repository("https://github.com/owner/lesson.git/") == ("owner", "lesson")
    shown = cloud_links("https://github.com/owner/lesson", "notebooks/lab-pytorch.hi.ipynb", STRINGS)
    assert shown == (
        " ([open in Colab](https://colab.research.google.com/github/owner/lesson/blob/notebooks/lab-pytorch.hi.ipynb),"
        " [open in Kaggle](https://kaggle.com/kernels/welcome?src=https://github.com/owner/lesson/blob/notebooks/"
        "lab-pytorch.hi.ipynb))"
    )


@pytest.fixture(scope="module")
def all_notebooks(tmp_path_factory):
    """Every notebook of every page, language and framework, as the build makes them: site address -> file."""
    pages = {p.relative_to(DOCS_DIR).as_posix(): p.read_text(encoding="utf-8") for p in DOCS_DIR.rglob("*.md")}
    made = page_notebooks(pages, tmp_path_factory.mktemp("notebooks"), SETUP_NOTES, log=lambda _: None, root=REPO_ROOT)
    return {uri: path for uri, path in made.items() if uri.startswith("notebooks/")}


def git(repo, *args) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def test_the_notebooks_branch_holds_every_notebook_at_the_path_its_links_use(all_notebooks, tmp_path):
    site = tmp_path / "site"
    for uri, path in all_notebooks.items():
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        (site / uri).write_bytes(path.read_bytes())
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "kept.txt").write_text("the working tree and main are not touched\n")
    commit = publish(site, repo)
    on_branch = set(git(repo, "ls-tree", "-r", "--name-only", BRANCH).split())
    linked = {COLAB.search(colab_url("owner", "lesson", uri))["path"] for uri in all_notebooks}
    assert linked and linked <= on_branch, sorted(linked - on_branch)
    assert on_branch - linked == {"README.md"}
    assert {"lab-pytorch.ipynb", "lab-tensorflow.bn.ipynb", "low-level/training-pytorch.hi.ipynb"} <= on_branch
    for uri, path in all_notebooks.items():  # byte for byte what the site offers
        assert git(
            repo, "show", f"{BRANCH}:{COLAB.search(colab_url('owner', 'lesson', uri))['path']}"
        ) == path.read_text(encoding="utf-8")
    assert git(repo, "status", "--porcelain") == "?? kept.txt\n"
    assert f"{BRANCH}/" in kaggle_url("owner", "lesson", "notebooks/lab-pytorch.ipynb")
    (site / "notebooks" / "lab-pytorch.ipynb").write_text("{}")
    second = publish(site, repo)
    assert second != commit and git(repo, "rev-list", "--count", BRANCH).strip() == "1", "rewritten, no history"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_language_and_framework_has_a_notebook_to_link(all_notebooks, language):
    suffix = "" if language == "en" else f".{language}"
    assert f"notebooks/lab-pytorch{suffix}.ipynb" in all_notebooks
    assert f"notebooks/overfitting-tensorflow{suffix}.ipynb" in all_notebooks


def test_a_notebook_that_uses_the_gpu_asks_colab_and_kaggle_for_one(all_notebooks):
    gpu = json.loads(all_notebooks["notebooks/low-level/tensors-and-gradients-pytorch.ipynb"].read_text("utf-8"))
    assert gpu["metadata"]["accelerator"] == "GPU" and gpu["metadata"]["colab"]["gpuType"] == "T4"
    assert gpu["metadata"]["kaggle"]["isGpuEnabled"] is True
    assert all(nb["metadata"]["kaggle"]["isInternetEnabled"] for nb in [gpu]), "the install cell needs pip"
    plain = page_notebook((DOCS_DIR / "index.md").read_text(encoding="utf-8"), "PyTorch", "en", "note", root=REPO_ROOT)
    assert not uses_gpu(plain.cells) and "accelerator" not in plain.metadata
    first = gpu["cells"][0]
    assert first["cell_type"] == "code" and "pip" in "".join(first["source"]), "the install cell comes first"
