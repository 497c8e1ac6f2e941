"""A local HTTP server for the built site and a headless Debian Chromium driven by Playwright."""
import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Headless, and no background connections: this machine has no network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE_SCRIPT = Path(__file__).parent / "browser/node_modules/axe-core/axe.min.js"
SCRIPTS = {"bn": r"[\u0980-\u09ff]", "hi": r"[\u0900-\u097f]", "en": r"[A-Za-z]"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
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
