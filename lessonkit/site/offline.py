"""Offline reading on request: each language's whole lesson, saved by a service worker when the reader asks.

After the build (``write_offline``): for each language, ``offline/<lang>.json`` lists every URL of that language's
lesson (its pages, the figures, stylesheets, scripts and images they use, the search worker and the language's
search index), each with a hash of its content and its compressed size; the manifest's ``version`` is a hash of
them all, so any change makes a new version. A wide figure's two renditions are marked ``screen: wide|narrow``: a
phone saves the narrow ones, a wider screen the wide ones (``bytes`` gives both totals). ``sw.js`` (lessonkit/site/offline_sw.js) goes to the site's root.
On every page (``offline_control``), a "save this lesson for offline reading" control in the page's language,
run by javascripts/offline.js: it shows the size first, downloads with progress, and can remove the copy.
"""

import gzip
import hashlib
import json
import posixpath
import re
from pathlib import Path

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.atomic_write import write_atomically
from lessonkit.site.narrow_figures import NARROW_SCREEN, narrow_uri
from lessonkit.site.search_index import index_path

MANIFEST_DIR = "offline"
WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("offline_sw.js")
REFERENCE = re.compile(r'\b(?:src|href|srcset|data-src)="([^"#?]+)[^"]*"')
SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+\.js)"')  # material's __config names its search worker
SAVED_KINDS = (".css", ".js", ".svg", ".png", ".jpg", ".ico", ".woff2", ".json", ".webmanifest")
COMPRESSED_KINDS = (".html", ".css", ".js", ".svg", ".json")  # what GitHub Pages sends gzip-compressed
NOT_READERS = ("translation-status/",)  # pages for contributors


def manifest_url(language: str) -> str:
    return f"{MANIFEST_DIR}/{language}.json"


def _language_of(url: str) -> str:
    return next((lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE and url.startswith(f"{lang}/")), "en")


def _pages(site_dir: Path, language: str) -> list[str]:
    """The reader's pages of ``language``, as site-relative URLs (``bn/overfitting/``; ``./`` for the home page)."""
    urls = []
    for html in sorted(site_dir.rglob("index.html")):
        url = html.parent.relative_to(site_dir).as_posix() + "/"
        url = "./" if url == "./" else url
        if _language_of(url.removeprefix("./")) == language and not url.startswith(NOT_READERS):
            urls.append(url)
    return urls


def _used_files(site_dir: Path, page_url: str, html: str) -> set[str]:
    """Site-relative paths of the files a page uses (not other pages, nor notebook downloads)."""
    used = set()
    base = "/" + page_url.removeprefix("./")
    for target in [*REFERENCE.findall(html), *SEARCH_WORKER.findall(html)]:
        if "://" in target or target.startswith(("data:", "mailto:", "//")):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(base), target)).lstrip("/")
        if path.endswith(SAVED_KINDS) and (site_dir / path).is_file():
            used.add(path)
    return used


def _entry(site_dir: Path, url: str, sizes: dict[str, int], known: dict[str, int]) -> dict:
    """A file's manifest entry. ``sizes``: this build's compressed sizes by content hash, filled as files are read (a
    file the languages share is compressed once); ``known``: the last build's (an unchanged file is not compressed)."""
    path = site_dir / (url.removeprefix("./") + "index.html" if url.endswith("/") else url)
    data = path.read_bytes()
    revision = hashlib.sha256(data).hexdigest()[:16]
    if revision not in sizes:
        compressed = path.suffix in COMPRESSED_KINDS
        sizes[revision] = known.get(revision) or (
            len(gzip.compress(data, compresslevel=6, mtime=0)) if compressed else len(data)
        )
    return {"url": url, "revision": revision, "bytes": sizes[revision]}


def language_manifest(
    site_dir: Path, language: str, sizes: dict[str, int] | None = None, known: dict[str, int] | None = None
) -> dict:
    sizes, known = ({} if sizes is None else sizes), (known or {})
    pages = _pages(site_dir, language)
    files = {index_path(language).as_posix()}
    for url in pages:
        files |= _used_files(site_dir, url, (site_dir / url.removeprefix("./") / "index.html").read_text("utf-8"))
    entries = [_entry(site_dir, url, sizes, known) for url in [*pages, *sorted(files)]]
    for entry in entries:  # a screen shows one rendition of a wide figure: it saves that one
        narrow = narrow_uri(entry["url"])
        if "-narrow" in entry["url"]:
            entry["screen"] = "narrow"
        elif narrow and narrow in files:
            entry["screen"] = "wide"
    version = hashlib.sha256("".join(f"{e['url']} {e['revision']}\n" for e in entries).encode()).hexdigest()[:16]
    return {
        "language": language,
        "version": version,
        "narrow_screen": NARROW_SCREEN,
        "bytes": {screen: screen_bytes(entries, screen) for screen in SCREENS},
        "files": entries,
    }


SCREENS = ("narrow", "wide")


def screen_bytes(entries: list[dict], screen: str) -> int:
    """What a screen of that kind downloads: every file but the other kind's renditions of wide figures."""
    return sum(e["bytes"] for e in entries if e.get("screen", screen) == screen)


def write_offline(site_dir: Path, sizes_file: Path | None = None) -> dict[str, dict]:
    """Write every language's manifest and the service worker into the built site; the manifests by language.
    ``sizes_file``: the compressed sizes of the last build's files, by content hash (kept between builds)."""
    (site_dir / MANIFEST_DIR).mkdir(exist_ok=True)
    known = json.loads(sizes_file.read_text(encoding="utf-8")) if sizes_file and sizes_file.exists() else {}
    sizes: dict[str, int] = {}
    manifests = {language: language_manifest(site_dir, language, sizes, known) for language in LANGUAGES}
    if sizes_file:
        write_atomically(sizes_file, json.dumps(sizes, sort_keys=True))  # only this build's files: it does not grow
    for language, manifest in manifests.items():
        (site_dir / manifest_url(language)).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (site_dir / WORKER).write_text(WORKER_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return manifests


BUTTONS = ("save", "download", "cancel", "update", "remove")


def offline_control(html: str, page_url: str, language: str, strings: dict[str, dict[str, str]]) -> str:
    """``html`` with the save control (hidden until offline.js runs) at the end of the page's article."""
    up = "../" * page_url.count("/")
    text = {key: value[language] for key, value in strings.items()}
    buttons = "".join(
        f'<button type="button" class="md-button" data-action="{action}" hidden>{text[action]}</button>'
        for action in BUTTONS
    )
    messages = json.dumps({key: text[key] for key in text if key not in BUTTONS}, ensure_ascii=False)
    control = (
        f'<div class="lesson-offline" hidden data-language="{language}" data-manifest="{up}{manifest_url(language)}"'
        f" data-worker=\"{up}{WORKER}\" data-strings='{_attribute(messages)}'>"
        f'<p class="lesson-offline__title">{text["title"]}</p>{buttons}'
        f'<progress hidden value="0" max="1" aria-label="{text["title"]}"></progress>'
        '<p role="status" aria-live="polite"></p></div>'
    )
    head, end, rest = html.rpartition("</article>")
    return f"{head}{control}{end}{rest}" if end else html


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;")
