"""Open a page's notebook in Colab or Kaggle, one tap from the page: no GPU, nothing to install on the phone.

Both services open a notebook from a path in a GitHub repository. The publishing workflow puts the site's
notebooks on the repository's ``notebooks`` branch (lessonkit.notebooks.publish), each at the path it has under
the site's ``notebooks/`` folder, so that ``notebooks/low-level/training-pytorch.bn.ipynb`` of the site is
``low-level/training-pytorch.bn.ipynb`` on the branch. Without a GitHub ``repo_url`` (a fork before it is set up)
there is nothing to link to, and pages show the downloads alone.
"""

import re

from lessonkit.notebooks.publish import BRANCH, branch_path

GITHUB_REPOSITORY = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<repo>[\w.-]+?)(?:\.git)?/?$")


def repository(repo_url: str | None) -> tuple[str, str] | None:
    """(owner, repository) of a GitHub ``repo_url``; None without one."""
    match = GITHUB_REPOSITORY.match(repo_url or "")
    return (match["owner"], match["repo"]) if match else None


def colab_url(owner: str, repo: str, site_uri: str) -> str:
    return f"https://colab.research.google.com/github/{owner}/{repo}/blob/{BRANCH}/{branch_path(site_uri)}"


def kaggle_url(owner: str, repo: str, site_uri: str) -> str:
    return f"https://kaggle.com/kernels/welcome?src=https://github.com/{owner}/{repo}/blob/{BRANCH}/{branch_path(site_uri)}"


def cloud_links(repo_url: str | None, site_uri: str, strings: dict[str, str]) -> str:
    """`` ([Open in Colab](…), [Open in Kaggle](…))`` after a notebook's download link; empty without a repository.
    ``strings``: ``colab`` and ``kaggle``, the link texts in the page's language."""
    if not (found := repository(repo_url)):
        return ""
    colab, kaggle = colab_url(*found, site_uri), kaggle_url(*found, site_uri)
    return f" ([{strings['colab']}]({colab}), [{strings['kaggle']}]({kaggle}))"


def rendered_notebook_download(src_uri: str, rendered: dict[str, str]) -> tuple[str, str] | None:
    """(framework label, site address of the download) of a rendered notebook page's notebook:
    ``lab-notebook-pytorch.bn.ipynb`` -> (``PyTorch``, ``notebooks/lab-pytorch.bn.ipynb``)."""
    name, _, language = src_uri.removesuffix(".ipynb").partition(".")
    for page, shown in rendered.items():
        if name.startswith(f"{shown}-"):
            framework = name.removeprefix(f"{shown}-")
            label = {"pytorch": "PyTorch", "tensorflow": "TensorFlow"}.get(framework, framework)
            return label, f"notebooks/{page}-{framework}{'.' + language if language else ''}.ipynb"
    return None


def download_paragraph(html: str, label: str, cloud: str) -> str:
    """``html`` of a rendered notebook page with its download (and cloud links, Markdown) after its title."""
    cloud_html = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', cloud)
    paragraph = f'<p class="lesson-notebook-download">{label}{cloud_html}</p>'
    head, end, rest = html.partition("</h1>")
    return f"{head}{end}{paragraph}{rest}" if end else html
