"""The notebook pages' stylesheet, pruned to what the page can use, draws the page exactly as nbconvert's whole
stylesheet does: the same pixels in Chromium, on a phone and on a desktop screen."""

import pytest

import lessonkit.notebooks.render as render
from tests.support.browser_support import serve

pytestmark = pytest.mark.browser
SCREENS = ({"width": 390, "height": 844}, {"width": 1280, "height": 900})


def test_the_pruned_stylesheet_draws_the_notebook_as_the_whole_one(lab_notebook_page, browser, monkeypatch):
    from PIL import Image, ImageChops

    rendered, cache = lab_notebook_page
    pruned = rendered()
    for entry in cache.glob("*.json"):
        entry.unlink()
    monkeypatch.setattr(render, "used_css", lambda css, names: css)
    whole = rendered()
    assert len(whole.content) < len(pruned.content) + 100, "the same HTML, another stylesheet"
    site = cache.parent / "site"
    (site / "lab-notebook-pytorch").mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, page in (("pruned", pruned), ("whole", whole)):
        stylesheet = site / page.content.split('href="../', 1)[1].split('"', 1)[0]
        sizes[name] = stylesheet.stat().st_size
        (site / "lab-notebook-pytorch" / f"{name}.html").write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>'
            f'<body><article class="md-typeset">{page.content}</article></body></html>',
            encoding="utf-8",
        )
    assert sizes["pruned"] * 10 < sizes["whole"], sizes

    with serve(site) as base:
        for screen in SCREENS:
            context = browser.new_context(viewport=screen)
            shots = {}
            for name in sizes:
                page = context.new_page()
                page.goto(f"{base}lab-notebook-pytorch/{name}.html", wait_until="networkidle")
                shot = cache.parent / f"{name}-{screen['width']}.png"
                page.screenshot(path=shot, full_page=True)
                shots[name] = Image.open(shot).convert("RGB")
            context.close()
            assert shots["pruned"].size == shots["whole"].size, f"{screen['width']} px wide: the page's height differs"
            assert ImageChops.difference(shots["pruned"], shots["whole"]).getbbox() is None, (
                f"{screen['width']} px wide: the pruned stylesheet draws other pixels (see {cache.parent})"
            )
