"""Figures readable on a phone: every letter of every figure renders at 9 CSS px or more on a 390 px screen, in
every language (wide figures come as a narrow rendition there: lessonkit.site.narrow_figures), and on a desktop
screen the side-by-side figure is kept, just as readable."""

import pytest

from tests.support.browser_support import PHONE, page_url, serve  # noqa: F401
from tests.support.site_build import built_page, site_pages

pytestmark = pytest.mark.browser
LANGUAGES = ("en", "bn", "hi")
SMALLEST_TEXT_PX = 9.0
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# Every figure on the page: the rendition the browser chose, its width on the screen, and its text sizes. The SVG
# is in points (its viewBox); each text is a <text> element with its size in its style ("font-size: 10px", in
# points: lessonkit.figures.light_svg).
FIGURE_TEXT = """async () => {
  const figures = [];
  for (const img of document.querySelectorAll("article img")) {
    if (!img.currentSrc.includes("/figures/")) continue;
    const svg = await (await fetch(img.currentSrc)).text();
    const viewBoxWidth = +svg.match(/viewBox="[-\\d.]+ [-\\d.]+ ([\\d.]+) /)[1];
    const sizes = [...svg.matchAll(/<text [^>]*font-size: ([\\d.]+)px/g)].map(m => +m[1]);
    figures.push({src: img.currentSrc, width: img.getBoundingClientRect().width, viewBoxWidth, sizes});
  }
  return figures;
}"""


@pytest.fixture(scope="module")
def served(site):
    with serve(site[0]) as url:
        yield url


def pages_with_figures(site_dir, language: str) -> list[str]:
    return [name for name in site_pages() if "/figures/" in built_page(site_dir, name, language).read_text("utf-8")]


def figure_text(context, url: str) -> list[dict]:
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    # every tab's figure laid out in the column it would have when its tab is chosen; every figure loaded
    page.add_style_tag(content=".md-typeset .tabbed-block { display: block !important; }")
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
    page.wait_for_function("[...document.images].every(img => img.complete)", timeout=20_000)
    figures = page.evaluate(FIGURE_TEXT)
    page.close()
    return figures


def too_small(figures: list[dict]) -> list[str]:
    problems = []
    for figure in figures:
        assert figure["sizes"], f"{figure['src']}: no text found in the SVG (is text drawn as glyph outlines again?)"
        smallest = min(figure["sizes"]) * figure["width"] / figure["viewBoxWidth"]
        if smallest < SMALLEST_TEXT_PX:
            problems.append(f"{figure['src'].split('/figures/')[1]}: {smallest:.1f} px at {figure['width']:.0f} px")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_text_is_at_least_9_css_px_on_a_390_px_phone(browser, served, site, language):
    context = browser.new_context(**PHONE)
    problems, narrow = [], 0
    for name in pages_with_figures(site[0], language):
        figures = figure_text(context, page_url(served, name, language))
        problems += [f"{language}/{name}: {problem}" for problem in too_small(figures)]
        narrow += sum("-narrow" in figure["src"] for figure in figures)
    context.close()
    assert not problems, "figure text under 9 CSS px on a phone:\n" + "\n".join(problems)
    assert narrow, "no figure came in its narrow rendition on the phone"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_desktop_keeps_the_side_by_side_figures_and_their_text_is_as_readable(browser, served, site, language):
    context = browser.new_context(**DESKTOP)
    problems = []
    for name in pages_with_figures(site[0], language):
        figures = figure_text(context, page_url(served, name, language))
        assert not [f["src"] for f in figures if "-narrow" in f["src"]], f"{name}: narrow figure on a desktop"
        problems += [f"{language}/{name}: {problem}" for problem in too_small(figures)]
    context.close()
    assert not problems, "figure text under 9 CSS px on a desktop:\n" + "\n".join(problems)
