"""What a reader on a phone downloads, and Lighthouse's scores, for the built site: written to bench/page_report.md.

    make build && .venv/bin/python bench/page_report.py [--site DIR] [--output FILE]

Every page in every language is opened in Chromium as a phone (390×844) from a local server that compresses
like GitHub Pages (gzip). "First view" is what the browser transferred before the reader scrolls or types;
"whole page" adds scrolling to the end and every figure in hidden tabs and closed blocks; "search index" is what
the first use of the search box fetches. The report then runs Lighthouse (npm, tests/browser/node_modules) with the
mobile preset (simulated slow 4G, mid-range phone CPU) and the desktop preset on the heaviest page of each language,
the heaviest notebook page of each language and the home page. Scores vary between runs and with the load of the
machine: these are measurements, not tests. "Offline bundle": what "save this lesson for offline reading" downloads
per language (offline/<lang>.json, written by the build: every page, figure, asset and the search index), compressed
as GitHub Pages sends it; limit 1 MiB. ``--offline-only`` prints that table alone (no browser).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.support.browser_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    Traffic,
    open_first_view,
    page_url,
    read_whole_page,
    serve,
)
from tests.support.site_build import notebook_pages, site_pages  # noqa: E402

LIGHTHOUSE = REPO / "tests/browser/node_modules/.bin/lighthouse"
from lessonkit.languages import LANGUAGES  # noqa: E402

KiB = 1024


def page_weights(browser, base: str, traffic: Traffic, page: str, language: str) -> dict:
    context = browser.new_context(**PHONE)
    tab = open_first_view(context, page_url(base, page, language), traffic)
    first_view, requests = traffic.total(), len(traffic.paths())
    read_whole_page(tab, traffic)
    whole = traffic.total()
    tab.locator(".md-search__input").focus()  # the first use of the search box: the index arrives
    tab.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('search_index.json'))")
    traffic.wait_until_quiet(tab)
    context.close()
    return {
        "page": page,
        "language": language,
        "first_view": first_view,
        "whole": whole,
        "search": traffic.total() - whole,
        "requests": requests,
    }


def lighthouse(url: str, preset: str) -> dict:
    """Lighthouse's performance and accessibility scores and its largest contentful paint, for one preset."""
    preset_flags = ["--preset=desktop"] if preset == "desktop" else []  # mobile is Lighthouse's default
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility",
                *preset_flags,
                f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
        )
        result = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100) for name, category in result["categories"].items()}
    return {**scores, "lcp": result["audits"]["largest-contentful-paint"]["numericValue"] / 1000}


def chosen_rows(weights: list[dict]) -> list[dict]:
    """The home page, the heaviest page (whole page) of each language, and the heaviest rendered notebook page of
    each language (another renderer: mkdocs-jupyter's HTML)."""
    rows = [w for w in weights if w["page"] == "index"]
    notebooks = set(notebook_pages())
    for language in LANGUAGES:
        rows.append(max((w for w in weights if w["language"] == language), key=lambda w: w["whole"]))
    for language in LANGUAGES:
        rows.append(
            max(
                (w for w in weights if w["language"] == language and w["page"] in notebooks),
                key=lambda w: w["first_view"],
            )
        )
    return list({(row["page"], row["language"]): row for row in rows}.values())


def offline_table(site: Path) -> list[str]:
    """Per language: files and compressed bytes of the offline bundle (lessonkit.site.offline)."""
    lines = ["| offline bundle | screen | files | compressed | limit |", "|---|---|---:|---:|---|"]
    for language in LANGUAGES:
        manifest = json.loads((site / "offline" / f"{language}.json").read_text(encoding="utf-8"))
        for screen, size in manifest["bytes"].items():  # a phone saves the narrow figures, a desktop the wide ones
            files = sum(f.get("screen", screen) == screen for f in manifest["files"])
            verdict = "met" if size <= KiB * KiB else "NOT met"
            lines.append(f"| {language} | {screen} | {files} | {size / KiB:.0f} KiB | 1024 KiB: {verdict} |")
    return lines


def report(weights: list[dict], rows: list[dict], site: Path) -> str:
    heaviest_first_view = max(weights, key=lambda w: w["first_view"])
    lines = [
        "# Page weight and Lighthouse scores",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/page_report.py` on the built site "
        "(local server with gzip, Debian Chromium). Weights: a 390×844 phone, bytes on the wire. "
        "Lighthouse mobile: simulated slow 4G and a 4× slower CPU; desktop: its desktop preset.",
        "",
        f"Every page in every language ({len(weights)} pages): first view at most "
        f"{heaviest_first_view['first_view'] / KiB:.0f} KiB ({heaviest_first_view['language']}/"
        f"{heaviest_first_view['page']}); limit 150 KiB.",
        "",
        "| page | language | first view (requests) | whole page | search index | mobile perf. | mobile a11y "
        "| mobile LCP | desktop perf. | desktop a11y |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        m, d = r["mobile"], r["desktop"]
        lines.append(
            f"| {r['page']} | {r['language']} | {r['first_view'] / KiB:.0f} KiB ({r['requests']}) "
            f"| {r['whole'] / KiB:.0f} KiB "
            f"| {r['search'] / KiB:.0f} KiB | {m['performance']} | {m['accessibility']} | {m['lcp']:.1f} s "
            f"| {d['performance']} | {d['accessibility']} |"
        )
    lines += ["", *offline_table(site)]
    return "\n".join(lines) + "\n"


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, default=REPO / "bench/page_report.md")
    parser.add_argument("--offline-only", action="store_true", help="print the offline bundle table only")
    args = parser.parse_args()
    if args.offline_only:
        print("\n".join(offline_table(args.site)))
        return
    traffic = Traffic()
    with serve(args.site, traffic) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        weights = [
            page_weights(browser, base, traffic, page, language) for page in site_pages() for language in LANGUAGES
        ]
        browser.close()
        rows = chosen_rows(weights)
        for row in rows:
            url = page_url(base, row["page"], row["language"])
            row["mobile"], row["desktop"] = lighthouse(url, "mobile"), lighthouse(url, "desktop")
            print(row, flush=True)
    text = report(weights, rows, args.site)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
