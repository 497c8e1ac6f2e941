"""A "page not found" page in each language: ``404.html`` (English), ``bn/404.html``, ``hi/404.html``.

Every language build renders the theme's ``404.html`` into the site's root, the last one winning. We keep the
English one there and write the others into their language's folder. GitHub Pages serves only the root
``404.html`` for a missing page: a small script in it shows the page of the language whose folder the missing
address is in (``/bn/...``, ``/hi/...``), keeping the address the reader typed.
"""

import html
import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES

TEMPLATE = "404.html"
THEME_HEADING = "<h1>404 - Not found</h1>"  # what mkdocs-material's 404.html shows, in every language
# Loads the reader's language's 404 page in place of this one. Placed first in <head>: the English page is
# hidden until the other one is shown (or shown again if that one cannot be fetched).
LANGUAGE_SCRIPT = """<script>
(function () {
  var base = %(base)s, languages = %(languages)s, path = location.pathname;
  var language = path.indexOf(base) === 0 ? path.slice(base.length).split("/")[0] : "";
  if (languages.indexOf(language) < 0) return;
  var root = document.documentElement;
  root.style.visibility = "hidden";
  fetch(base + language + "/404.html")
    .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
    .then(function (page) { document.open(); document.write(page); document.close(); })
    .catch(function () { root.style.visibility = ""; });
})();
</script>"""


class NotFoundPages:
    """Called from ``on_post_template`` of every language build with the theme's rendered 404 page."""

    def __init__(self):
        self._english = None

    def page(self, output: str, language: str, config: MkDocsConfig, strings: dict) -> str:
        """What to write to the root ``404.html``; writes ``<language>/404.html`` for the other languages."""
        base = urlsplit(config.site_url or "/").path
        localized = _with_message(output, language, base, strings)
        if language == DEFAULT_LANGUAGE:
            others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
            script = LANGUAGE_SCRIPT % {"base": json.dumps(base), "languages": json.dumps(others)}
            self._english = localized.replace("<head>", f"<head>\n{script}", 1)
            return self._english
        path = Path(config.site_dir) / language / TEMPLATE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(localized, encoding="utf-8")
        return self._english or output


def _with_message(output: str, language: str, base: str, strings: dict) -> str:
    if THEME_HEADING not in output:
        raise PluginError(
            f"{TEMPLATE}: the theme's page no longer contains {THEME_HEADING!r}, which lessonkit/site/"
            f"{Path(__file__).name} replaces with the message in the reader's language. Update THEME_HEADING there."
        )
    home = base if language == DEFAULT_LANGUAGE else f"{base}{language}/"
    text = strings["text"][language].format(home=html.escape(home))
    message = f"<h1>{html.escape(strings['title'][language])}</h1>\n<p>{text}</p>"
    return output.replace(THEME_HEADING, message, 1)
