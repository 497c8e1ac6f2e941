"""The site as published and as translators preview it, from one build made as the publishing workflow makes it
(SITE_URL, REPO_URL) in preview mode (LESSON_FIGURES=cached) over a figure cache holding one snippet's run:
sitemap, canonical URLs, descriptions, 404 pages per language, edit links, the translation status page,
cached figures and labelled placeholders."""

import functools
import http.server
import io
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from mkdocs.config import load_config

from lessonkit import DOCS_DIR, REPO_ROOT
from lessonkit.cli import STATE_MARK
from lessonkit.figures.build import build_figures
from lessonkit.figures.cache import FigureCache
from lessonkit.site.edit_links import without_repository
from lessonkit.translation_files import load_site_strings
from lessonkit.translations.records import all_states
from tests.support.browser_support import CHROMIUM, CHROMIUM_ARGS, SCRIPTS, QuietHandler
from tests.support.site_build import build_site, notebook_pages, site_pages

pytestmark = pytest.mark.site
SITE_URL, REPO_URL = "https://example.org/lesson/", "https://github.com/example/lesson"
from lessonkit.languages import LANGUAGES  # noqa: E402

CACHED_MODULE = "snippets.overfitting.five_points"  # its run is in the preview's cache; no other snippet's is
STRINGS = load_site_strings()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    cache = FigureCache(tmp_path_factory.mktemp("figure-cache"))
    runs = build_figures({CACHED_MODULE: {"docs/overfitting.md"}}, cache=cache, root=REPO_ROOT, log=lambda _: None)
    site_dir = tmp_path_factory.mktemp("published-site")
    settings = {
        "SITE_URL": SITE_URL,
        "REPO_URL": REPO_URL,
        "LESSON_FIGURES": "cached",
        "LESSON_FIGURE_CACHE": str(cache.root),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        result = build_site(site_dir)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr[-5000:]}"
    return site_dir, runs[CACHED_MODULE]


def page_path(page: str, language: str) -> str:
    """The page's address below the site root: ``bn/low-level/training/``."""
    prefix = "" if language == "en" else f"{language}/"
    return prefix + ("" if page == "index" else f"{page}/")


def test_sitemap_lists_every_page_of_every_language_by_absolute_url_with_its_alternates(published):
    site_dir, _ = published
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site_dir / "sitemap.xml").getroot().findall("s:url", ns)
    listed = {u.find("s:loc", ns).text: u for u in urls}
    assert all(loc.startswith(SITE_URL) for loc in listed), [loc for loc in listed if not loc.startswith(SITE_URL)]
    for page in site_pages():
        for language in LANGUAGES:
            url = listed.get(SITE_URL + page_path(page, language))
            assert url is not None, f"{page} ({language}) is not in sitemap.xml"
            alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
            assert alternates == {lang: SITE_URL + page_path(page, lang) for lang in LANGUAGES}, page
    assert not any("translation-status" in loc for loc in listed), "the contributors' page is not for search engines"


def _head(html: str, pattern: str) -> str | None:
    match = re.search(pattern, html)
    return match[1] if match else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_canonical_url_and_its_languages_description(published, language):
    site_dir, _ = published
    for page in site_pages():
        html = (site_dir / page_path(page, language) / "index.html").read_text(encoding="utf-8")
        assert _head(html, r'<link rel="canonical" href="([^"]*)"') == SITE_URL + page_path(page, language), page
        description = _head(html, r'<meta name="description" content="([^"]*)"')
        words = re.sub(r"PyTorch|TensorFlow|Keras|Lightning", "", description)
        assert re.search(SCRIPTS[language], words), f"{page} ({language}): description {description!r}"
        if language != "en":
            assert not re.search(r"\b(lesson|code|with)\b", description), f"{page} ({language}): English description"


def test_a_not_found_page_in_each_language(published):
    site_dir, _ = published
    for language, path in (("en", "404.html"), ("bn", "bn/404.html"), ("hi", "hi/404.html")):
        html = (site_dir / path).read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, path
        assert f"<h1>{STRINGS['not_found']['title'][language]}</h1>" in html, path
        home = "/lesson/" if language == "en" else f"/lesson/{language}/"
        assert f'href="{home}"' in html, f"{path} links to its language's home page"
    assert "fetch(base + language" in (site_dir / "404.html").read_text(encoding="utf-8")


class GitHubPagesHandler(QuietHandler):
    """Serves the site below /lesson/, and the root 404.html for any missing address, as GitHub Pages does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if self.path.startswith("/lesson/") and path.exists():
            return super().send_head()
        body = (Path(self.directory) / "lesson/404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.mark.browser
def test_github_pages_404_shows_the_page_in_the_language_of_the_missing_address(published, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    site_dir, _ = published
    (tmp_path / "lesson").symlink_to(site_dir)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GitHubPagesHandler, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/lesson/"
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for language, missing in (
                ("bn", "bn/no-such-page/"),
                ("hi", "hi/low-level/gone/"),
                ("en", "no-such-page/"),
            ):
                page.goto(base + missing)
                page.wait_for_function(f"document.documentElement.lang === {language!r}")
                assert page.locator("h1").first.inner_text() == STRINGS["not_found"]["title"][language]
                assert page.url == base + missing, "the reader keeps the address they typed"
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def own_source(page: str, language: str) -> str:
    """The file a translator edits for this page: its language's own file, the English one if there is none."""
    name = "lab" if page in notebook_pages() else page
    translated = f"{name}.{language}.md"
    return translated if language != "en" and (DOCS_DIR / translated).is_file() else f"{name}.md"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_editing_its_own_languages_source(published, language):
    site_dir, _ = published
    for page in site_pages():
        html = (site_dir / page_path(page, language) / "index.html").read_text(encoding="utf-8")
        edit = _head(html, r'<a href="([^"]*)" title="[^"]*" class="md-content__button md-icon" rel="edit"')
        assert edit == f"{REPO_URL}/edit/main/docs/{own_source(page, language)}", f"{page} ({language})"


def test_without_repo_url_there_are_no_edit_links(monkeypatch):
    for repo_url, edit_uri in ((None, None), (REPO_URL, "edit/main/docs/")):
        if repo_url:
            monkeypatch.setenv("REPO_URL", repo_url)
        else:
            monkeypatch.delenv("REPO_URL", raising=False)
        config = load_config(str(REPO_ROOT / "mkdocs.yml"))
        without_repository(config)
        assert (config.repo_url, config.edit_uri) == (repo_url, edit_uri)


def test_translation_status_page_shows_every_page_and_language_from_the_records(published):
    site_dir, _ = published
    html = (site_dir / "translation-status/index.html").read_text(encoding="utf-8")
    rows = {
        m[1]: re.findall(r"<td>(?:<a [^>]*>)?([^<]*)", m[2])
        for m in re.finditer(r"<tr>\s*<td><a [^>]*>([^<]+)</a></td>(.*?)</tr>", html, re.S)
    }
    states = all_states(DOCS_DIR)
    assert rows == {
        s.english.relative_to(DOCS_DIR).as_posix(): [STATE_MARK[t.state] for t in states if t.english == s.english]
        for s in states
    }
    assert not (site_dir / "bn/translation-status").exists(), "English only"
    assert "translation-status" not in (site_dir / "index.html").read_text(encoding="utf-8"), "not in the readers' nav"
    switcher = set(re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', html))
    assert switcher == {("/lesson/", "en"), ("/lesson/bn/", "bn"), ("/lesson/hi/", "hi")}, "language menu: home pages"


def test_preview_shows_cached_figures_and_labelled_placeholders_in_the_readers_language(published):
    site_dir, run = published
    cached = site_dir / "figures/overfitting/five_points-1.bn.svg"
    assert cached.read_bytes() == run.figure_path(1, ".bn").read_bytes(), "the cached run's Bengali figure"
    placeholder = (site_dir / "figures/low_level/linear_regression_pytorch-1.bn.svg").read_text(encoding="utf-8")
    assert STRINGS["preview_placeholder"]["figure"]["bn"] in placeholder
    assert "<svg" in placeholder and 'width="' in placeholder
    bn_training = (site_dir / "bn/low-level/training/index.html").read_text(encoding="utf-8")
    assert STRINGS["preview_placeholder"]["output"]["bn"] in bn_training, "printed output: labelled, in Bengali"
    english_training = (site_dir / "low-level/training/index.html").read_text(encoding="utf-8")
    assert "The network has … parameters" in english_training, "a number from a run not cached: '…', never made up"
    bn_overfitting = (site_dir / "bn/overfitting/index.html").read_text(encoding="utf-8")
    assert "7 parameters" in bn_overfitting, "the cached run's printed output"


def test_the_site_hooks_load_without_any_framework_numpy_or_matplotlib():
    blocked = ["torch", "tensorflow", "keras", "pytorch_lightning", "numpy", "matplotlib", "sklearn"]
    code = f"import sys\nfor m in {blocked}: sys.modules[m] = None\nimport lessonkit.site.mkdocs_hooks"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_preview_installs_the_site_tools_only():
    from lessonkit.requirements import REQUIREMENT_NAME, canonical_name, extra_requirements

    site = {canonical_name(REQUIREMENT_NAME.match(r)[1]) for r in extra_requirements("site")}
    assert not site & {"torch", "tensorflow", "tensorflow-cpu", "keras", "pytorch-lightning", "numpy", "matplotlib"}
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert 'extra_requirements("site")' in makefile and "LESSON_FIGURES=cached" in makefile
