"""The built site: every page in every language, figures from running code, search for all scripts."""

import re

import pytest

from lessonkit import LANGUAGES
from tests.support.site_build import PageParts, build_site, built_page, english_pages

pytestmark = pytest.mark.site


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_with_its_language(site, language):
    site_dir, _ = site
    for page in english_pages():
        path = built_page(site_dir, page, language)
        assert path.is_file(), f"{page} missing in {language}: {path}"
        assert PageParts(path.read_text(encoding="utf-8")).lang == language, f"{path}: wrong <html lang>"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_shown_exists_is_an_svg_and_has_alt_text(site, language):
    site_dir, _ = site
    shown = 0
    for page in english_pages():
        path = built_page(site_dir, page, language)
        for src, alt in PageParts(path.read_text(encoding="utf-8")).images:
            if "figures/" not in src:
                continue
            shown += 1
            figure = (path.parent / src).resolve()
            assert figure.is_file(), f"{path} shows {src}, which is not in the site"
            svg = figure.read_text(encoding="utf-8")
            assert svg.startswith("<?xml") and svg.rstrip().endswith("</svg>") and "<path" in svg
            assert alt.strip(), f"{path}: figure {src} has no alt text"
            if language != "en":
                assert figure.name.endswith(f".{language}.svg"), f"{path}: shows {src}, not the {language} figure"
    assert shown >= 3


def test_localised_figures_differ_from_english_ones(site):
    site_dir, _ = site
    figures = site_dir / "figures"
    for english in figures.rglob("*.svg"):
        if re.search(r"\.(bn|hi)\.svg$", english.name):
            continue
        for language in ("bn", "hi"):
            local = english.with_name(english.name.replace(".svg", f".{language}.svg"))
            assert local.read_bytes() != english.read_bytes(), f"{local.name} is not translated"


def test_each_snippet_runs_once_for_all_three_languages(site):
    _, log = site
    running = re.findall(r"\] running (\S+)", log)
    assert len(running) == len(set(running)), f"a snippet ran more than once: {running}"


def test_printed_output_of_a_snippet_appears_on_the_page(site):
    site_dir, _ = site
    html = built_page(site_dir, "overfitting", "bn").read_text(encoding="utf-8")
    assert re.search(r"7 parameters: training error 0\.00, validation error \d+\.\d\d", html)


def test_work_that_does_not_depend_on_the_language_is_done_once_per_build(site):
    _, log = site
    assert len(re.findall(r"figures: (?!\[)", log)) == 1, "the snippet runs are looked up once, not once per language"
    assert len(re.findall(r"notebooks: \d+ built", log)) == 1, "the notebooks are made once, not once per language"


def test_a_build_with_nothing_changed_makes_and_renders_no_notebook(site, tmp_path):
    site_dir, _ = site
    again = build_site(tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert re.search(r"notebooks: 0 built, \d+ unchanged", again.stderr)
    assert "Converting notebook" not in again.stderr, "mkdocs-jupyter rendered a notebook that did not change"
    for language in LANGUAGES:
        page = built_page(site_dir, "lab-notebook-pytorch", language)
        assert built_page(tmp_path / "again", "lab-notebook-pytorch", language).read_text(
            encoding="utf-8"
        ) == page.read_text(encoding="utf-8")
