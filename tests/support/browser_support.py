"""A local HTTP server for the built site (gzip, as GitHub Pages serves it) and a headless Chromium driven by Playwright."""

import contextlib
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Headless, and no background connections: this machine has no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).parent.parent / "browser/node_modules/axe-core/axe.min.js"
SCRIPTS = {"bn": r"[\u0980-\u09ff]", "hi": r"[\u0900-\u097f]", "en": r"[A-Za-z]"}


# What GitHub Pages compresses (text formats); other images and fonts are sent as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Sends text files gzip-compressed when the browser accepts it, as GitHub Pages does; logs nothing."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (
            path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
            and self.guess_type(str(path)).startswith(COMPRESSED_TYPES)
        ):
            return super().send_head()  # directory redirects, 404s, uncompressed files
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def setup(self):
        super().setup()
        self.wfile = _CountedWriter(self.wfile)

    def finish(self):
        super().finish()
        if self.server.traffic is not None and hasattr(self, "path"):
            self.server.traffic.record(self.path, self.wfile.count)

    def log_message(self, *args):
        pass


class _CountedWriter:
    """A response stream that counts the bytes written to it (status line, headers and body)."""

    def __init__(self, stream):
        self.stream, self.count = stream, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class Traffic:
    """What the server sent, response by response: (path, bytes on the wire, compressed, headers included)."""

    def __init__(self):
        self.responses: list[tuple[str, int]] = []
        self._lock = threading.Lock()

    def record(self, path: str, size: int) -> None:
        with self._lock:
            self.responses.append((path, size))

    def clear(self) -> None:
        with self._lock:
            self.responses.clear()

    def total(self) -> int:
        with self._lock:
            return sum(size for _, size in self.responses)

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.responses]

    def wait_until_quiet(self, page, quiet_ms: int = 1000) -> None:
        """Wait until the server has sent nothing for ``quiet_ms`` (late requests: the search worker, lazy figures)."""
        while True:
            count = len(self.paths())
            page.wait_for_timeout(quiet_ms)
            if len(self.paths()) == count:
                return


@contextlib.contextmanager
def serve(directory: Path, traffic: Traffic | None = None):
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL. ``traffic`` records every response."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory))
    )
    server.traffic = traffic
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_url(base: str, page: str, language: str) -> str:
    prefix = "" if language == "en" else f"{language}/"
    folder = "" if page == "index" else page.removesuffix("/index") + "/"
    return f"{base}{prefix}{folder}"


class PageProblems:
    """Collects console errors, failed requests and HTTP errors while a page is open."""

    def __init__(self, page):
        self.items = []
        page.on("console", lambda m: m.type == "error" and self.items.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: self.items.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.items.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.items.append(f"HTTP {r.status}: {r.url}"))


# A phone as the issue measures it: 390×844 CSS pixels, touch, a high-density screen.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
SEARCH_INDEX = "/search/search_index.json"


def open_first_view(context, url: str, traffic: Traffic):
    """Open ``url`` and wait until the network is quiet, without scrolling or typing; ``traffic`` then holds the
    responses of this first view only."""
    page = context.new_page()
    traffic.clear()
    page.goto(url, wait_until="networkidle")
    traffic.wait_until_quiet(page)
    return page


def read_whole_page(page, traffic: Traffic) -> None:
    """Scroll to the end a screen at a time, then load every image (hidden tabs, closed blocks) and wait for all."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, page.viewport_size["height"]):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
    page.evaluate("Promise.all([...document.images].map(img => img.decode().catch(() => null)))")
    traffic.wait_until_quiet(page)


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium (Playwright), one per test module."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
