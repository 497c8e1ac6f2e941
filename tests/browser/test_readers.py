"""Readers on phones and slow connections, in their own language: light first view, lazy figures, search per language."""

import json
import re
import unicodedata

import pytest

from tests.support.browser_support import PHONE, SEARCH_INDEX, Traffic, open_first_view, page_url, serve  # noqa: F401
from tests.support.site_build import site_pages

pytestmark = pytest.mark.browser
from lessonkit.languages import LANGUAGES  # noqa: E402

FIRST_VIEW_LIMIT = 150 * 1024  # bytes on the wire before the reader scrolls or types (issue 12)
DANDA = "।"


@pytest.fixture(scope="module")
def served(site):
    traffic = Traffic()
    with serve(site[0], traffic) as url:
        yield url, traffic


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", site_pages())
def test_first_view_on_a_phone_is_at_most_150_kib(phone, served, name, language):
    base, traffic = served
    open_first_view(phone, page_url(base, name, language), traffic)
    largest = sorted(traffic.responses, key=lambda response: -response[1])[:6]
    assert traffic.total() <= FIRST_VIEW_LIMIT, (
        f"{language}/{name}: {traffic.total() / 1024:.0f} KiB before scrolling; largest: "
        + ", ".join(f"{path} {size / 1024:.0f} KiB" for path, size in largest)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_is_fetched_when_the_search_box_is_first_used_and_only_the_page_language(phone, served, language):
    base, traffic = served
    page = open_first_view(phone, page_url(base, "overfitting", language), traffic)
    assert not [path for path in traffic.paths() if path.endswith(SEARCH_INDEX)], "index fetched before any search"
    page.locator(".md-search__input").focus()
    page.wait_for_function(f"performance.getEntriesByType('resource').some(e => e.name.endsWith('{SEARCH_INDEX}'))")
    traffic.wait_until_quiet(page, quiet_ms=300)
    own = SEARCH_INDEX if language == "en" else f"/{language}{SEARCH_INDEX}"
    assert [path for path in traffic.paths() if path.endswith(SEARCH_INDEX)] == [own]


def search(page, query: str) -> tuple[str, list[str]]:
    """Type ``query`` in the search box: (the count line, the results' links)."""
    field = page.locator(".md-search__input")
    field.click()
    field.fill(query)
    page.keyboard.press("End")  # material searches on key events
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d")).wait_for(timeout=15_000)
    results = page.locator(".md-search-result__item > a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    return page.locator(".md-search-result__meta").inner_text(), hrefs


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.mark.parametrize("language", ["bn", "hi", "en"])
def test_search_results_are_all_in_the_page_language(desktop, served, language):
    base, _ = served
    page = desktop.new_page()
    page.goto(page_url(base, "index", language))
    _, hrefs = search(page, "PyTorch")  # a word every language's pages use
    assert hrefs
    paths = [href.removeprefix(base) for href in hrefs]
    if language == "en":
        assert not [p for p in paths if p.startswith(("bn/", "hi/"))], paths
    else:
        assert all(p.startswith(f"{language}/") for p in paths), paths


@pytest.mark.parametrize(
    "language, decomposed",
    [
        ("hi", "फ़ंक्शन"),
        ("hi", "ग़लत"),
        ("hi", "ज़रूरत"),
        ("bn", "গ্রেডিয়েন্ট"),
        ("bn", "বড়"),
    ],
)
def test_precomposed_and_decomposed_nukta_letters_find_the_same_pages(desktop, served, language, decomposed):
    precomposed = decomposed
    for letter in ("\u095a", "\u095b", "\u095e", "\u09dc", "\u09df"):  # ग़ ज़ फ़ ড় য়, single code points
        precomposed = precomposed.replace(unicodedata.normalize("NFD", letter), letter)
    assert precomposed != decomposed
    base, _ = served
    page = desktop.new_page()
    page.goto(page_url(base, "index", language))
    found = search(page, decomposed)
    assert found[1], f"{decomposed!r} found nothing"
    assert search(page, precomposed) == found


@pytest.mark.parametrize("language", ["bn", "hi"])
def test_a_danda_does_not_stick_to_the_word_before_it(desktop, served, site, language):
    index = json.loads((site[0] / language / "search/search_index.json").read_text(encoding="utf-8"))
    word = word_also_found_without_danda(index["docs"])
    base, _ = served
    page = desktop.new_page()
    page.goto(page_url(base, "index", language))
    assert search(page, word + DANDA) == search(page, word)


def word_also_found_without_danda(docs: list[dict]) -> str:
    """A word that some sections have just before a danda and others have only without one."""
    with_danda, without = {}, {}
    for doc in docs:
        for token in re.split(r"[\s\-]+", doc["text"]):
            if token.endswith(DANDA) and len(token) > 4:
                with_danda.setdefault(token[:-1], set()).add(doc["location"])
            elif len(token) > 3:
                without.setdefault(token, set()).add(doc["location"])
    return next(word for word in sorted(with_danda) if without.get(word, set()) - with_danda[word])


def test_a_figure_in_a_hidden_tab_loads_when_its_tab_is_opened(desktop, served):
    base, traffic = served
    page = open_first_view(desktop, page_url(base, "low-level/training", "en"), traffic)
    hidden = page.locator("article img[src$='classification_tensorflow-1.svg']")
    hidden.evaluate("img => img.closest('.tabbed-set').scrollIntoView()")
    traffic.wait_until_quiet(page, quiet_ms=500)
    assert hidden.get_attribute("loading") == "lazy"
    assert not [p for p in traffic.paths() if p.endswith("classification_tensorflow-1.svg")], "loaded while hidden"
    hidden.evaluate("img => img.closest('.tabbed-set').querySelector('.tabbed-labels label:nth-child(2)').click()")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=hidden.element_handle(), timeout=10_000)
    traffic.wait_until_quiet(page, quiet_ms=300)
    assert [p for p in traffic.paths() if p.endswith("classification_tensorflow-1.svg")]
