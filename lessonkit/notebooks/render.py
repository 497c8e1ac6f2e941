"""The lab notebooks shown as pages: mkdocs-jupyter's HTML, kept by the notebook's content hash.

mkdocs-jupyter converts a notebook with nbconvert (about a second each, after 0.7 s of imports), and the site
shows each notebook in three languages on every build. Its output (HTML and table of contents) is kept in
``.cache/notebooks/rendered/<hash>.json``: a notebook that did not change is never converted again, and mkdocs-jupyter
is only imported when one did. An entry that cannot be read is rendered again.
"""
import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from lessonkit.notebooks.files import write_atomically

# mkdocs-jupyter's settings (its plugin's options): the notebooks are shown as they are, not run again.
JUPYTER_OPTIONS = {"include": ["*.ipynb"], "execute": False, "allow_errors": False, "cache": False,
                   "ignore_h1_titles": True}
RENDERER_VERSIONS = ("mkdocs-jupyter", "nbconvert", "mkdocs")
# nbconvert puts ~580 kB of JupyterLab CSS into every notebook page: it goes into one shared stylesheet instead, which
# a reader's browser fetches once for all the notebook pages (and the search plugin no longer parses it per page).
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
STYLESHEET_DIR = "assets/stylesheets"


def _toc_tokens(items: list[AnchorLink]) -> list[dict]:
    """The table of contents as mkdocs' toc tokens (what ``get_toc`` reads back)."""
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _toc_tokens(i.children)} for i in items]


def _render_with_mkdocs_jupyter(page: Page, config: MkDocsConfig, files: Files) -> dict:
    from mkdocs_jupyter.plugin import Plugin

    plugin = Plugin()
    errors, _ = plugin.load_config(JUPYTER_OPTIONS)
    if errors:
        raise ValueError(f"lessonkit/notebooks/render.py: JUPYTER_OPTIONS rejected by mkdocs-jupyter: {errors}")
    plugin.on_pre_page(page, config, files)  # gives the page mkdocs-jupyter's render method
    page.render(config, files)
    css = "\n".join(STYLE_BLOCK.findall(page.content))
    return {"content": STYLE_BLOCK.sub("", page.content), "css": css, "toc": _toc_tokens(page.toc.items)}


def _stylesheet_link(css: str, page: Page, config: MkDocsConfig) -> str:
    """Write the notebook's CSS once into the site (named by its hash) and link it from the page."""
    name = f"{STYLESHEET_DIR}/notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    target = Path(config.site_dir) / name
    if not target.exists():
        write_atomically(target, css).chmod(0o644)  # readable by the web server, as mkdocs' own files are
    return f'<link rel="stylesheet" href="{"../" * page.url.count("/")}{name}">\n'


def _key(notebook: Path) -> str:
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(json.dumps(JUPYTER_OPTIONS, sort_keys=True).encode())
    digest.update(" ".join(metadata.version(name) for name in RENDERER_VERSIONS).encode())
    return digest.hexdigest()[:20]


def _stored(path: Path) -> dict | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # absent, or damaged: render again
        return None
    return stored if isinstance(stored, dict) and {"content", "css", "toc"} <= stored.keys() else None


def render_from_cache(page: Page, cache: Path) -> None:
    """Give the notebook page a render method that takes mkdocs-jupyter's output from the cache (rendering it once)."""

    def render(config: MkDocsConfig, files: Files) -> None:
        path = cache / f"{_key(Path(page.file.abs_src_path))}.json"
        stored = _stored(path)
        if stored is None:
            stored = _render_with_mkdocs_jupyter(page, config, files)
            write_atomically(path, json.dumps(stored, ensure_ascii=False))
        page.content, page.toc = _stylesheet_link(stored["css"], page, config) + stored["content"], get_toc(stored["toc"])
        # The lab page has the same text: search lists it once, not once more per notebook.
        page.meta.setdefault("search", {})["exclude"] = True

    page.render = render
