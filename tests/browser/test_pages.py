"""The built site as readers use it, in headless Chromium: every page and language, switcher, tabs, search, copy, a11y."""

import re

import pytest

from tests.support.browser_support import AXE_SCRIPT, SCRIPTS, PageProblems, page_url, serve
from tests.support.site_build import english_pages, site_pages

pytestmark = pytest.mark.browser
from lessonkit.languages import LANGUAGES  # noqa: E402


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site[0]) as url:
        yield url


@pytest.fixture
def context(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    yield context
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", site_pages())
def test_page_loads_cleanly_with_figures_alt_text_and_no_serious_a11y_violations(context, base_url, name, language):
    page = context.new_page()
    problems = PageProblems(page)
    page.goto(page_url(base_url, name, language), wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == language

    figures = page.locator("article img[src*='figures/']")
    page.evaluate("document.querySelectorAll('article img').forEach(img => img.loading = 'eager')")  # lazy: load all
    fallback = page.locator(".admonition.warning").count() > 0 and language != "en"
    for i in range(figures.count()):
        figure = figures.nth(i)  # figures in hidden tabs and closed details too: wait for each to finish
        width = figure.evaluate(
            "img => img.complete ? img.naturalWidth : new Promise(done => {"
            " img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })"
        )
        assert width > 0, f"{figure.get_attribute('src')} did not load"
        alt = figure.get_attribute("alt") or ""
        assert alt.strip(), f"{figure.get_attribute('src')} has no alt text"
        if not fallback:
            assert re.search(SCRIPTS[language], alt), f"alt text not in {language}: {alt!r}"

    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    assert not violations, "\n".join(violations)
    assert not problems.items, "\n".join(problems.items)


def test_language_switcher_goes_to_the_same_page_in_the_other_language(context, base_url):
    page = context.new_page()
    page.goto(page_url(base_url, "overfitting", "en"))
    for language in ("bn", "hi", "en"):
        page.hover(".md-header__option .md-select")
        page.locator(f".md-select__link[hreflang='{language}']").first.click()
        page.wait_for_load_state()
        assert page.url == page_url(base_url, "overfitting", language)
        assert page.locator("html").get_attribute("lang") == language


def pages_with_tabs():
    from lessonkit import DOCS_DIR

    # pages whose tabs are not inside a collapsed block
    return [n for n in english_pages() if '\n=== "TensorFlow"' in (DOCS_DIR / f"{n}.md").read_text(encoding="utf-8")]


def test_choosing_tensorflow_is_remembered_on_the_next_page(context, base_url):
    first, second = pages_with_tabs()[:2]
    page = context.new_page()
    page.goto(page_url(base_url, first, "en"))
    page.locator(".tabbed-labels label:visible", has_text="TensorFlow").first.click()
    for url in (page.url, page_url(base_url, second, "en")):
        page.goto(url)
        shown = page.locator(".tabbed-set .tabbed-block:visible").first.text_content()  # code not yet laid out too
        assert re.search(r"import (tensorflow|keras)", shown), f"{url}: the TensorFlow tab is not the one shown"


@pytest.mark.parametrize(
    "language, word, expected",
    [
        ("en", "memorise", "overfitting/"),
        ("hi", "ओवरफ़िटिंग", "hi/overfitting/"),
        ("bn", "ওভারফিটিং", "bn/overfitting/"),
    ],
)
def test_search_finds_words_in_every_language(context, base_url, language, word, expected):
    page = context.new_page()
    page.goto(page_url(base_url, "index", language))
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill(word)
    page.keyboard.press("End")  # material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(expected in href for href in hrefs), f"{word!r}: {hrefs}"


def test_copy_button_copies_the_snippet_code(context, base_url):
    page = context.new_page()
    page.goto(page_url(base_url, "overfitting", "en"))
    block = page.locator("article .highlight").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("import matplotlib.pyplot as plt") and "default_rng(18)" in copied


def test_a_notebook_cells_copy_button_copies_exactly_its_code(context, base_url, site):
    import nbformat

    downloaded = nbformat.read(site[0] / "notebooks/lab-pytorch.ipynb", as_version=4)
    install = downloaded.cells[0].source  # on the site: the first code cell, after the title
    page = context.new_page()
    page.goto(page_url(base_url, "lab-notebook-pytorch", "en"))
    cell = page.locator(".jp-CodeCell").first
    cell.hover()
    cell.locator("clipboard-copy").click()
    assert page.evaluate("navigator.clipboard.readText()").rstrip("\n") == install
