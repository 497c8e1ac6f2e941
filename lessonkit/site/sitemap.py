"""``sitemap.xml``: every page of every language by its absolute URL, with its hreflang alternates.

The i18n plugin's sitemap knows only the pages it sorted into languages, not those added after it (the lab's
notebook pages). We record each page as it is written, in every language build, and write the sitemap once the
last language is built. The contributors' pages are left out: they are not for readers arriving from a search.
"""

import gzip
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from mkdocs.structure.pages import Page

from lessonkit import LANGUAGES
from lessonkit.site.status_page import STATUS_PAGE

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


class Sitemap:
    def __init__(self):
        self._urls: dict[str, dict[str, str]] = {}  # page address without language prefix -> language -> URL

    def add(self, page: Page, language: str) -> None:
        if page.canonical_url and page.file.src_uri != STATUS_PAGE:
            self._urls.setdefault(page.url.removeprefix(f"{language}/"), {})[language] = page.canonical_url

    def write(self, site_dir: Path) -> None:
        lines = [HEADER]
        for _, by_language in sorted(self._urls.items()):
            alternates = [
                f'    <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(by_language[lang])}/>'
                for lang in LANGUAGES
                if lang in by_language
            ]
            for language in (lang for lang in LANGUAGES if lang in by_language):
                lines += ["  <url>", f"    <loc>{escape(by_language[language])}</loc>", *alternates, "  </url>"]
        text = "\n".join([*lines, "</urlset>", ""]).encode("utf-8")
        (site_dir / "sitemap.xml").write_bytes(text)
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text, mtime=0))
