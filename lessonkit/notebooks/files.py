"""Notebook downloads: one .ipynb per hands-on page, language and framework, added to the site as generated files."""
import hashlib
import os
import tempfile
from pathlib import Path

import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from lessonkit import DEFAULT_LANGUAGE, LANGUAGES
from lessonkit.notebooks.convert import frameworks_of, page_notebook

NOTEBOOK_DIR = "notebooks"
# Pages whose notebooks are also shown on the site (rendered by mkdocs-jupyter): page -> name of the rendered page.
RENDERED = {"lab": "lab-notebook"}
RENDERED_DIR = "rendered"  # folder in .cache/notebooks/ that mkdocs-jupyter's `include` pattern matches


def _page_and_language(src_uri: str) -> tuple[str, str]:
    """``low-level/training.bn.md`` -> (``low-level/training``, ``bn``)."""
    stem = src_uri.removesuffix(".md")
    for language in LANGUAGES:
        if stem.endswith(f".{language}"):
            return stem.removesuffix(f".{language}"), language
    return stem, DEFAULT_LANGUAGE


def notebook_uri(page: str, framework: str, language: str) -> str:
    suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
    return f"{NOTEBOOK_DIR}/{page}-{framework.lower()}{suffix}.ipynb"


def _write_once(root: Path, notebook) -> Path:
    """Store the notebook under a name made from its content: unchanged notebooks are not rewritten."""
    text = nbformat.writes(notebook)
    path = root / f"{hashlib.sha256(text.encode()).hexdigest()[:20]}.ipynb"
    return _write_atomically(path, text)


def _write_atomically(path: Path, text: str) -> Path:
    root = path.parent
    if not path.exists():
        root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=root, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    return path


def add_notebooks(files: Files, config: MkDocsConfig, setup_notes: dict[str, str]) -> None:
    root = Path(config.config_file_path).parent / ".cache" / "notebooks"
    for file in files.documentation_pages():
        markdown = Path(file.abs_src_path).read_text(encoding="utf-8")
        page, language = _page_and_language(file.src_uri)
        for framework in frameworks_of(markdown):
            notebook = page_notebook(markdown, framework, language, setup_notes[language])
            uri = notebook_uri(page, framework, language)
            if existing := files.get_file_from_path(uri):
                files.remove(existing)
            files.append(File.generated(config, uri, abs_src_path=str(_write_once(root, notebook))))
            if page in RENDERED:
                name = f"{RENDERED[page]}-{framework.lower()}"
                suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
                source = _write_atomically(root / RENDERED_DIR / f"{name}{suffix}.ipynb", nbformat.writes(notebook))
                files.append(File.generated(config, f"{name}{suffix}.ipynb", abs_src_path=str(source)))


def as_rendered_pages(files: Files, config: MkDocsConfig) -> Files:
    """Make the rendered notebooks pages again after the i18n plugin reconfigured the files.

    mkdocs-jupyter marks notebooks as pages in its on_files; the i18n plugin, running later, replaces
    the file objects and they would be copied as raw JSON. Runs after the i18n plugin.
    """
    from mkdocs_jupyter.plugin import NotebookFile

    language = getattr(config.plugins.get("i18n"), "current_language", DEFAULT_LANGUAGE)
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    rendered = [f for f in files if f.abs_src_path and Path(f.abs_src_path).parent.name == RENDERED_DIR]
    variants: dict[str, dict[str, File]] = {}
    for file in rendered:
        page, _, rest = file.src_uri.removesuffix(".ipynb").partition(".")
        variants.setdefault(page, {})[rest or DEFAULT_LANGUAGE] = file
        files.remove(file)
    for page, by_language in variants.items():
        file = by_language.get(language) or by_language.get(DEFAULT_LANGUAGE) or next(iter(by_language.values()))
        notebook = NotebookFile(file, use_directory_urls=True, site_dir=config.site_dir)
        notebook.abs_src_path = file.abs_src_path  # a class-level cached property would compute None
        notebook.dest_path = f"{prefix}{page}/index.html"
        notebook.abs_dest_path = os.path.join(config.site_dir, notebook.dest_path)
        notebook.url = f"{prefix}{page}/"
        files.append(notebook)
    return files


def download_links(src_uri: str, markdown: str) -> str:
    """Markdown links from the page to its notebooks (the English names; the i18n plugin picks each language's)."""
    page, _ = _page_and_language(src_uri)
    up = "../" * src_uri.count("/")
    return " · ".join(
        f"[{framework}]({up}{notebook_uri(page, framework, DEFAULT_LANGUAGE)})" for framework in frameworks_of(markdown)
    )
