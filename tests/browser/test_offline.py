"""Offline reading on request (lessonkit.site.offline, javascripts/offline.js, sw.js): a Bengali reader saves the
lesson, the network is cut, and every Bengali page opens with its figures and search; a second build with a
changed page replaces the saved copy as a whole; Save-Data means no download the reader did not agree to."""

import json
import re
import shutil

import pytest
import yaml

from lessonkit import TRANSLATIONS_DIR
from lessonkit.site.offline import write_offline
from tests.support.browser_support import PHONE, Traffic, serve  # noqa: F401

pytestmark = pytest.mark.browser
STRINGS = yaml.safe_load((TRANSLATIONS_DIR / "site_strings.yml").read_text(encoding="utf-8"))["offline"]
LIMIT = 1024 * 1024  # compressed bytes per language (issue 21)
CHANGED = "এই বাক্যটি দ্বিতীয় বিল্ডে যোগ হয়েছে।"
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true}});"


@pytest.fixture(scope="module")
def sites(site, tmp_path_factory):
    """The built site, a second build of it with one Bengali page changed, and a folder served that points at
    one or the other (switched by the test: a new deploy at the same address)."""
    root = tmp_path_factory.mktemp("deploys")
    second = root / "second"
    shutil.copytree(site[0], second)
    page = second / "bn" / "overfitting" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", f"</h1><p>{CHANGED}</p>", 1), "utf-8")
    write_offline(second)  # what the second build's post_build step writes: new manifests
    served = root / "served"
    served.symlink_to(site[0])
    return site[0], second, served


def deploy(served, folder) -> None:
    served.unlink()
    served.symlink_to(folder)


def manifest(folder, language: str) -> dict:
    return json.loads((folder / "offline" / f"{language}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ("en", "bn", "hi"))
def test_each_languages_whole_lesson_is_at_most_1_mib_compressed(site, language):
    saved = manifest(site[0], language)
    urls = [file["url"] for file in saved["files"]]
    prefix = "" if language == "en" else f"{language}/"
    assert f"{prefix}overfitting/" in urls and f"{prefix}search/search_index.json" in urls
    assert any(url.endswith(".svg") and "-narrow" in url for url in urls), "phones' figures are saved too"
    other = {"en": ("bn/", "hi/"), "bn": ("hi/",), "hi": ("bn/",)}[language]
    assert not [url for url in urls if url.startswith(other)], "only this language's pages"
    for screen, size in saved["bytes"].items():
        assert size <= LIMIT, f"{language}, {screen} screen: {size / 1024:.0f} KiB"


def visible_buttons(box) -> list[str]:
    buttons = box.locator("button")
    return [buttons.nth(i).get_attribute("data-action") for i in range(buttons.count()) if buttons.nth(i).is_visible()]


def saved_version(page) -> str:
    page.wait_for_function("document.querySelector('.lesson-offline').dataset.saved", timeout=120_000)
    return page.evaluate("document.querySelector('.lesson-offline').dataset.saved")


def lesson_caches(page) -> list[str]:
    return page.evaluate("caches.keys().then(keys => keys.filter(k => k.startsWith('lesson-offline-')))")


def test_the_saved_bengali_lesson_opens_offline_with_figures_and_search_and_a_new_deploy_replaces_it(
    browser, sites, tmp_path
):
    first, second, served = sites
    traffic = Traffic()
    with serve(served, traffic) as base:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"{base}bn/", wait_until="networkidle")
        box = page.locator(".lesson-offline")
        box.scroll_into_view_if_needed()
        assert not lesson_caches(page), "nothing is saved before the reader asks"
        save = box.locator("button[data-action=save]")
        assert save.inner_text() == STRINGS["save"]["bn"]
        save.click()
        status = box.locator("[role=status]")
        status.filter(has_text=re.compile("KB|MB")).wait_for()
        assert "টি ফাইল" in status.inner_text() and re.search("[০-৯]", status.inner_text()), "size shown first"
        assert visible_buttons(box) == ["download", "cancel"]
        page.screenshot(path=str(tmp_path / "offline-control-bn-phone.png"))
        page.evaluate(
            "window.progressSeen = [];"
            "navigator.serviceWorker.addEventListener('message', e => e.data.type === 'progress' &&"
            " window.progressSeen.push(e.data.done))"
        )
        box.locator("button[data-action=download]").click()
        version = saved_version(page)
        assert version == manifest(first, "bn")["version"]
        assert status.inner_text() == STRINGS["saved"]["bn"]
        assert visible_buttons(box) == ["remove"] and not box.locator("progress").is_visible()
        assert len(page.evaluate("window.progressSeen")) > 1, "progress is shown while it downloads"
        assert lesson_caches(page) == [f"lesson-offline-bn-{version}"]

        context.set_offline(True)
        traffic.clear()  # from here on the server must see nothing: whatever shows comes from the saved copy
        pages = [f["url"] for f in manifest(first, "bn")["files"] if f["url"].endswith("/")]
        assert len(pages) > 10
        for url in pages:
            response = page.goto(f"{base}{url}")
            assert response and response.ok, url
            assert page.evaluate("document.documentElement.lang") == "bn", url
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
            page.wait_for_function("[...document.images].every(img => img.complete)", timeout=20_000)
            broken = page.evaluate(
                "[...document.querySelectorAll('article img')].filter(img => !img.naturalWidth).map(img => img.src)"
            )
            assert not broken, f"{url}: figures missing offline: {broken}"
        page.goto(f"{base}bn/overfitting/")
        page.locator("label.md-header__button[for=__search]").click()  # a phone's search button
        field = page.locator(".md-search__input")
        field.fill("ওভারফিটিং")
        page.keyboard.press("End")
        page.locator(".md-search-result__item > a").first.wait_for(timeout=30_000)
        assert page.locator(".md-search-result__item > a").first.get_attribute("href").startswith(f"{base}bn/")
        # Chromium's own update check of the service worker script is not held back by Playwright's offline
        # emulation (on a phone without a network it just fails, and the installed worker stays): not a page's request.
        reached = [path for path in traffic.paths() if path != "/sw.js"]
        assert not reached, f"requests reached the server while offline: {reached[:5]}"

        deploy(served, second)  # a new deploy: one Bengali page changed
        context.set_offline(False)
        page.goto(f"{base}bn/", wait_until="networkidle")
        new = manifest(second, "bn")["version"]
        assert new != version
        page.wait_for_function(f"document.querySelector('.lesson-offline').dataset.saved === '{new}'", timeout=120_000)
        assert lesson_caches(page) == [f"lesson-offline-bn-{new}"], "the old copy is gone, as a whole"
        context.set_offline(True)
        page.goto(f"{base}bn/overfitting/")
        assert CHANGED in page.content()

        context.set_offline(False)
        page.goto(f"{base}bn/", wait_until="networkidle")
        saved_version(page)
        box.locator("button[data-action=remove]").click()
        status.filter(has_text=STRINGS["removed"]["bn"]).wait_for()
        assert not lesson_caches(page)
        context.close()
        deploy(served, first)


def test_with_save_data_a_new_version_waits_for_the_reader(browser, sites):
    first, second, served = sites
    with serve(served) as base:
        context = browser.new_context(**PHONE)
        context.add_init_script(SAVE_DATA)
        page = context.new_page()
        page.goto(f"{base}hi/", wait_until="networkidle")
        box = page.locator(".lesson-offline")
        box.locator("button[data-action=save]").click()
        box.locator("button[data-action=download]").click()
        version = saved_version(page)
        deploy(served, second)  # a new deploy with a changed Hindi page
        hi_page = second / "hi" / "index.html"
        hi_page.write_text(hi_page.read_text("utf-8").replace("</h1>", "</h1><p>नया</p>", 1), "utf-8")
        write_offline(second)
        page.goto(f"{base}hi/", wait_until="networkidle")
        box.locator("button[data-action=update]").wait_for(state="visible", timeout=30_000)
        assert lesson_caches(page) == [f"lesson-offline-hi-{version}"], "nothing downloaded without the reader"
        box.locator("button[data-action=update]").click()
        page.wait_for_function(
            f"document.querySelector('.lesson-offline').dataset.saved === '{manifest(second, 'hi')['version']}'",
            timeout=120_000,
        )
        context.close()
        deploy(served, first)
