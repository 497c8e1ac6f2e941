"""Build the real site once per test session (reusing the figure cache) and read what it produced."""

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from lessonkit import DOCS_DIR, REPO_ROOT, languages
from lessonkit.notebooks.files import RENDERED
from lessonkit.notebooks.sources import frameworks_of


def build_site(site_dir: Path, config: Path = REPO_ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


def english_pages() -> list[str]:
    """Page names without language suffix: ``index``, ``overfitting``, ``pytorch/tensors``…"""
    return [p.relative_to(DOCS_DIR).with_suffix("").as_posix() for p in languages.english_pages(DOCS_DIR)]


def notebook_pages() -> list[str]:
    """The rendered notebook pages: ``lab-notebook-pytorch``, ``lab-notebook-tensorflow``."""
    return [
        f"{shown}-{framework.lower()}"
        for page, shown in RENDERED.items()
        for framework in frameworks_of((DOCS_DIR / f"{page}.md").read_text(encoding="utf-8"))
    ]


def site_pages() -> list[str]:
    """Every page a reader can open: the Markdown pages and the rendered notebooks."""
    return [*english_pages(), *notebook_pages()]


def built_page(site_dir: Path, page: str, language: str) -> Path:
    prefix = "" if language == "en" else f"{language}/"
    folder = "" if page == "index" else page.removesuffix("/index") + "/"
    return site_dir / f"{prefix}{folder}index.html"


class PageParts(HTMLParser):
    """The ``<html lang>``, images (src, alt) and links of a built page."""

    def __init__(self, html: str):
        super().__init__()
        self.lang, self.images, self.links = None, [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "img":
            self.images.append((attrs.get("src", ""), attrs.get("alt", "")))
        elif tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
