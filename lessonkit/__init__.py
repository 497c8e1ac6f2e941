"""Build machinery of the lesson site: figure runner and cache, mkdocs hooks, translation checks, CLI."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = REPO_ROOT / "snippets"
DOCS_DIR = REPO_ROOT / "docs"
TRANSLATIONS_DIR = REPO_ROOT / "translations"
LANGUAGES = ("en", "bn", "hi")
DEFAULT_LANGUAGE = "en"
