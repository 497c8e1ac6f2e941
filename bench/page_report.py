"""Page weight and Lighthouse scores of the built site, one page per language, written to bench/page_report.md.

    make build && .venv/bin/python bench/page_report.py [PAGE ...]   (default: the overfitting page)

Lighthouse (npm, tests/browser/node_modules) drives Debian's Chromium. Page weight is what the browser
transferred for the page and everything it loaded (HTML, CSS, JS, fonts, figures), measured with Playwright.
Scores vary a little between runs: these are measurements, not tests.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, page_url, serve  # noqa: E402

LIGHTHOUSE = REPO / "tests/browser/node_modules/.bin/lighthouse"


def transferred_bytes(browser, url: str) -> tuple[int, int]:
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")  # figures in hidden tabs load too (no lazy loading)
    entries = page.evaluate("""() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .map(e => e.transferSize || e.encodedBodySize || 0)""")
    page.close()
    return sum(entries), len(entries)


def lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=performance,accessibility", "--preset=desktop",
             f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True,
        )
        categories = json.loads(report.read_text())["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def main(pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(REPO / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page in pages:
            for language in ("en", "bn", "hi"):
                url = page_url(base, page, language)
                weight, requests = transferred_bytes(browser, url)
                scores = lighthouse(url)
                rows.append((page, language, weight, requests, scores["performance"], scores["accessibility"]))
                print(rows[-1], flush=True)
        browser.close()
    lines = [
        "# Page weight and Lighthouse scores", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/page_report.py` on the built site "
        "(local server, desktop preset, Debian Chromium).", "",
        "| page | language | transferred | requests | performance | accessibility |", "|---|---|---:|---:|---:|---:|",
        *(f"| {p} | {lang} | {w / 1024:.0f} KiB | {n} | {perf} | {a11y} |" for p, lang, w, n, perf, a11y in rows),
    ]
    (REPO / "bench/page_report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:] or ["overfitting"])
