"""The built site is light for readers on slow connections and searchable in each language (see also
tests/browser/test_readers.py): light figures, sized lazy images, one Unicode-normalised index per language."""

import gzip
import io
import json
import re
import unicodedata

import matplotlib
import numpy as np
import pytest
from PIL import Image

from lessonkit.figures.light_svg import palette_png, save_light_svg
from lessonkit.site.search_index import language_of
from tests.support.site_build import built_page, english_pages

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FIGURE_LIMIT = 40 * 1024  # compressed, as served (issue 12)
from lessonkit.languages import LANGUAGES  # noqa: E402


def test_no_figure_is_over_40_kib_compressed(site):
    figures = sorted((site[0] / "figures").rglob("*.svg"))
    assert figures
    heavy = {f.relative_to(site[0]).as_posix(): len(gzip.compress(f.read_bytes(), 6)) for f in figures}
    heavy = {name: size for name, size in heavy.items() if size > FIGURE_LIMIT}
    assert not heavy, f"figures over {FIGURE_LIMIT // 1024} KiB gzip: {heavy}"


def test_decision_boundary_figures_keep_their_text_as_text_and_the_shading_as_a_picture(site):
    for language in ("", ".bn", ".hi"):
        svg = (site[0] / f"figures/low_level/mlp_pytorch-1{language}.svg").read_text(encoding="utf-8")
        assert svg.count("<image") == 2, "one picture of the shaded probability per panel"
        assert not re.search(r"<path id=\"[A-Za-z]+-[0-9a-f]+\"", svg), "no glyph outlines: text is text"
        script = {"": "a-z", ".bn": "\u0980-\u09ff", ".hi": "\u0900-\u097f"}[language]
        assert re.search(rf"<text [^>]*>[^<]*[{script}]", svg), "the figure's words are text in the page's script"


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_load_lazily_with_the_size_of_their_svg(site, language):
    for name in english_pages():
        html = built_page(site[0], name, language).read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", html):
            src = re.search(r'src="([^"]+)"', tag).group(1)
            assert 'loading="lazy"' in tag, f"{language}/{name}: {src} is not lazy"
            if "figures/" not in src:
                continue
            width, height = (int(re.search(rf'\b{a}="(\d+)"', tag).group(1)) for a in ("width", "height"))
            svg = (built_page(site[0], name, language).parent / src).resolve().read_text(encoding="utf-8")
            svg_width, svg_height = (
                float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
            )
            assert abs(width / height - svg_width / svg_height) < 0.01, f"{src}: {width}×{height} is not its shape"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_normalised_search_index(site, language):
    folder = site[0] if language == "en" else site[0] / language
    index = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
    assert (
        index["config"]["lang"] == ["en"]
        and "।" in index["config"]["separator"]
        and "॥" in index["config"]["separator"]
    )
    assert index["docs"] and {language_of(doc["location"]) for doc in index["docs"]} == {language}
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    assert unicodedata.is_normalized("NFC", text)
    assert not re.search("[\u0958-\u095f\u09dc\u09dd\u09df]", text), "nukta letters precomposed"
    html = built_page(site[0], "overfitting", language).read_text(encoding="utf-8")
    own = "search/search_index.json" if language == "en" else f"{language}/search/search_index.json"
    link = re.search(r'<meta name="lesson-search-index" content="((?:\.\./)*)([^"]+)">', html)
    assert link and link.group(2) == own and len(link.group(1)) == 3 * (1 if language == "en" else 2), link


def test_nfc_decomposes_every_nukta_letter_that_lesson_js_and_the_index_must_match():
    for letter in [*map(chr, range(0x958, 0x960)), "\u09dc", "\u09dd", "\u09df"]:
        assert len(unicodedata.normalize("NFC", letter)) == 2, f"U+{ord(letter):04X} stays precomposed"


def test_palette_png_keeps_every_pixel_and_is_smaller():
    rng = np.random.default_rng(0)
    colours = np.array([[255, 0, 0, 90], [0, 0, 255, 90], [255, 255, 255, 0]], dtype=np.uint8)
    pixels = colours[rng.integers(0, 3, size=(60, 80))]
    png = io.BytesIO()
    Image.fromarray(pixels, mode="RGBA").save(png, format="png")
    smaller = palette_png(png.getvalue())
    assert len(smaller) < len(png.getvalue())
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(smaller)).convert("RGBA")), pixels)


def test_a_dense_filled_contour_becomes_a_picture_and_a_scatter_stays_vectors(tmp_path):
    x0, x1 = np.meshgrid(np.linspace(-3, 3, 200), np.linspace(-3, 3, 200))
    fig, ax = plt.subplots()
    ax.contourf(x0, x1, np.sin(3 * x0) * np.cos(2 * x1), levels=10, alpha=0.35)
    ax.scatter(*np.random.default_rng(1).normal(size=(2, 50)))
    ax.set_title("boundary")
    heavy, light = tmp_path / "heavy.svg", tmp_path / "light.svg"
    fig.savefig(heavy, format="svg")
    save_light_svg(fig, light)
    plt.close(fig)
    svg = light.read_text(encoding="utf-8")
    assert svg.count("<image") == 1 and svg.count('<g id="PathCollection') == 1 and '<g id="text_' in svg
    assert len(gzip.compress(light.read_bytes())) < len(gzip.compress(heavy.read_bytes())) / 3
