"""The built site with a GitHub repository set (as the publishing workflow builds it): every notebook download has
its "open in Colab" and "open in Kaggle" links, to the notebooks branch path of the page's language; every
language's navigation leads to its glossary page."""

import os
import re
import subprocess
import sys

import pytest

from lessonkit import REPO_ROOT
from lessonkit.translations.checks import load_glossary
from lessonkit.translations.glossary_terms import listed
from tests.support.site_build import built_page, site_pages

REPO_URL = "https://github.com/owner/lesson"
COLAB = re.compile(r'href="https://colab\.research\.google\.com/github/owner/lesson/blob/notebooks/([^"]+\.ipynb)"')
KAGGLE = re.compile(
    r'href="https://kaggle\.com/kernels/welcome\?src=https://github\.com/owner/lesson/blob/notebooks/([^"]+)"'
)
DOWNLOAD = re.compile(r'href="((?:\.\./)*notebooks/[^"]+\.ipynb)"')


@pytest.fixture(scope="module")
def site_with_repository(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("site-with-repository")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=REPO_URL)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


@pytest.mark.parametrize("language", ["en", "bn", "hi"])
def test_every_notebook_download_has_colab_and_kaggle_links_to_the_notebooks_branch(site_with_repository, language):
    checked = 0
    for name in site_pages():
        path = built_page(site_with_repository, name, language)
        html = path.read_text(encoding="utf-8")
        downloads = DOWNLOAD.findall(html)
        colab, kaggle = COLAB.findall(html), KAGGLE.findall(html)
        assert len(colab) == len(kaggle) == len(downloads), f"{language}/{name}"
        for download, target in zip(downloads, colab, strict=True):
            site_file = (path.parent / download).resolve().relative_to(site_with_repository.resolve())
            assert site_file.as_posix() == f"notebooks/{target}", f"{language}/{name}: {download} vs {target}"
            assert (site_with_repository / site_file).is_file()
            checked += 1
    assert checked >= 10, "pages with notebooks"


def test_without_a_repository_there_are_no_cloud_links(site):
    assert "colab.research.google.com" not in built_page(site[0], "lab", "bn").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "bn", "hi"])
def test_the_glossary_page_is_in_the_navigation_and_lists_every_term(site_with_repository, language):
    prefix = "" if language == "en" else f"{language}/"
    home = (site_with_repository / prefix / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="glossary/"', home), "linked from the navigation"
    glossary = (site_with_repository / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
    assert f'lang="{language}"' in glossary
    assert glossary.count("<li><strong>") == len(listed(load_glossary()))
