"""Bengali pages number ordered lists in Bengali digits (docs/stylesheets/lesson.css), over mkdocs-material's own
stylesheet, in Chromium; English and Hindi pages keep 1, 2, 3 (Hindi uses international digits throughout)."""

import shutil
from pathlib import Path

import pytest
import yaml

from lessonkit import DOCS_DIR, REPO_ROOT
from tests.support.browser_support import serve

pytestmark = pytest.mark.browser
MATERIAL_CSS = next((Path(yaml.__file__).parents[1] / "material/templates/assets/stylesheets").glob("main.*.min.css"))


def test_the_site_loads_the_lesson_stylesheet():
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "extra_css:\n  - stylesheets/lesson.css" in config


@pytest.mark.parametrize(("language", "numbering"), [("bn", "bengali"), ("hi", "decimal"), ("en", "decimal")])
def test_ordered_lists_number_in_the_pages_digits(language, numbering, browser, tmp_path):
    shutil.copy(MATERIAL_CSS, tmp_path / "material.css")
    shutil.copy(DOCS_DIR / "stylesheets" / "lesson.css", tmp_path / "lesson.css")
    (tmp_path / "page.html").write_text(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>list</title>'
        '<link rel="stylesheet" href="material.css"><link rel="stylesheet" href="lesson.css"></head>'
        '<body><article class="md-typeset"><ol><li>one</li><li>two</li></ol></article></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base:
        page = browser.new_page()
        try:
            page.goto(base + "page.html")
            style = page.eval_on_selector("ol", "ol => getComputedStyle(ol).listStyleType")
        finally:
            page.close()
    assert style == numbering
