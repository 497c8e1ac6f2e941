"""Build machinery of the lesson site: figure runner and cache, mkdocs hooks, translation checks, CLI."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = REPO_ROOT / "snippets"
DOCS_DIR = REPO_ROOT / "docs"
TRANSLATIONS_DIR = REPO_ROOT / "translations"
from lessonkit.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402 (read from mkdocs.yml: lessonkit/languages.py)

__all__ = ["DEFAULT_LANGUAGE", "DOCS_DIR", "LANGUAGES", "REPO_ROOT", "SNIPPETS_DIR", "TRANSLATIONS_DIR"]
