"""Work that does not depend on the language, done once per build.

The i18n plugin builds the site once per language: in its ``on_post_build`` of the first (English) build it runs
mkdocs' whole build again for each other language, and every event (``on_config``, ``on_files``, ...) runs again.
What the hooks compute from the pages, snippets and caches is the same in each of these language builds: it is
computed in the first and kept until the next build starts (``mkdocs build`` again, or a ``mkdocs serve`` rebuild,
which loads the configuration afresh, so edits are picked up).
"""

from collections.abc import Callable
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig

T = TypeVar("T")


def in_language_build(config: MkDocsConfig) -> bool:
    """True inside one of the i18n plugin's builds of another language (it sets ``building`` while they run)."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


class OncePerBuild:
    def __init__(self):
        self._results: dict[str, object] = {}

    def start(self, config: MkDocsConfig) -> None:
        """From ``on_config``: forget the previous build's results, unless this is a language build of the same one."""
        if not in_language_build(config):
            self._results.clear()

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The result of ``compute()`` for this build, computed on the first call."""
        if name not in self._results:
            self._results[name] = compute()
        return self._results[name]
