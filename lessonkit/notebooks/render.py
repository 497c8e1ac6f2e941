"""The lab notebooks shown as pages: mkdocs-jupyter's HTML, kept by the notebook's content hash.

mkdocs-jupyter converts a notebook with nbconvert (about a second each, after 0.7 s of imports), and the site
shows each notebook in three languages on every build. Its output (HTML and table of contents) is kept in
``.cache/notebooks/rendered/<hash>.json``: a notebook that did not change is never converted again, and mkdocs-jupyter
is only imported when one did. An entry that cannot be read is rendered again.

What the page does not use is left out of what is kept: the rules of nbconvert's stylesheet that no element of
the page or the theme can match (lessonkit.notebooks.used_css: about 590 kB down to about 20 kB), and the scripts
for content the notebook does not have (Mermaid diagrams; MathJax, which mkdocs-jupyter links with an empty
address here).
"""

import ast
import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from lessonkit.atomic_write import write_atomically
from lessonkit.languages import root_prefix
from lessonkit.notebooks.used_css import names_in, used_css

# mkdocs-jupyter's settings (its plugin's options): the notebooks are shown as they are, not run again.
JUPYTER_OPTIONS = {
    "include": ["*.ipynb"],
    "execute": False,
    "allow_errors": False,
    "cache": False,
    "ignore_h1_titles": True,
}
RENDERER_VERSIONS = ("mkdocs-jupyter", "nbconvert", "mkdocs", "mkdocs-material")
# The site's additions: its code colours (for contrast), code cells laid out when near the screen.
PAGE_CSS = Path(__file__).with_name("notebook_page.css")
RENDERER_CODE = (Path(__file__), Path(__file__).with_name("used_css.py"), PAGE_CSS)
# nbconvert puts ~590 kB of JupyterLab CSS into every notebook page: what the page can use of it goes into a
# stylesheet named by its hash, shared by the pages that use the same rules (the search plugin no longer parses it).
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
STYLESHEET_DIR = "assets/stylesheets"
THEME_SUFFIXES = (".html", ".js", ".css")
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
NO_MATHJAX = '<script src=""> </script>'  # mkdocs-jupyter's MathJax tag when no MathJax address is set
# mkdocs-jupyter repeats each code cell's text in a hidden <div> for its copy button (about a sixth of the page):
# the button copies the shown <pre> instead, whose text is the same.
COPY_TEXT = re.compile(
    r'<pre>((?:(?!</pre>).)*</pre></div>\s*)<div class="clipboard-copy-txt" id="([^"]+)">.*?</div>', re.S
)
# Code scrolls sideways on a phone: a code cell's box, and the <pre> of a code block in a Markdown cell. Focusable,
# so that a keyboard scrolls them too, as the site's other code blocks (whose <code> has tabindex="0").
SCROLLING_CODE = re.compile(r'<div (?=class="highlight-ipynb[ "])|(?<=<div class="highlight"><pre)(?=>)')


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
    content = _lighter_html(STYLE_BLOCK.sub("", page.content))
    css = "\n".join(_style_text(block) for block in STYLE_BLOCK.findall(page.content))
    css = used_css(css, names_in(content, *_theme_texts(config)))
    css += "\n" + PAGE_CSS.read_text(encoding="utf-8")
    return {"content": content, "css": css, "toc": _toc_tokens(page.toc.items)}


def _lighter_html(html: str) -> str:
    """mkdocs-jupyter's HTML without idle scripts and the hidden copies of the code, its code boxes focusable."""
    return SCROLLING_CODE.sub(_focusable, COPY_TEXT.sub(r'<pre id="\2">\1', _without_idle_scripts(html)))


def _style_text(block: str) -> str:
    """A <style> block's CSS. mkdocs-jupyter writes the Pygments styles as a Python list of strings
    (``['pre { line-height: 125%; }\\n…']``), which a browser skips, with every rule after it in the same sheet."""
    text = block.strip()
    if text.startswith("["):
        try:
            parts = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return block
        if isinstance(parts, list) and all(isinstance(part, str) for part in parts):
            return "\n".join(parts)
    return block


def _focusable(match: re.Match) -> str:
    return '<div tabindex="0" ' if match[0] else ' tabindex="0"'


def _files_under(folders: list[str]) -> list[Path]:
    return [
        path
        for folder in folders
        for path in sorted(Path(folder).rglob("*"))
        if path.suffix in THEME_SUFFIXES and path.is_file()
    ]


def _site_theme_files(config: MkDocsConfig) -> list[Path]:
    """The site's own templates, scripts and stylesheets: the theme's overrides, and those among the pages (which
    a template may load without naming them in ``extra_javascript``)."""
    return _files_under([folder for folder in (config.theme.custom_dir, config.docs_dir) if folder])


def _theme_files(config: MkDocsConfig) -> list[Path]:
    """Everything that may put classes on a notebook page besides its HTML: the theme's templates, scripts and
    stylesheets, and the site's own."""
    return list(dict.fromkeys([*_files_under(config.theme.dirs), *_site_theme_files(config)]))


def _theme_texts(config: MkDocsConfig) -> list[str]:
    return [path.read_text(encoding="utf-8", errors="replace") for path in _theme_files(config)]


def _without_idle_scripts(html: str) -> str:
    """Leave out nbconvert's scripts for what the notebook does not have: Mermaid diagrams, and MathJax when it has
    no address to load from (its configuration would configure nothing)."""
    content = SCRIPT.sub("", html)

    def idle(script: str) -> bool:
        if ".jp-Mermaid" in script:
            return "jp-Mermaid" not in content
        return NO_MATHJAX in html and (script == NO_MATHJAX or 'type="text/x-mathjax-config"' in script)

    return SCRIPT.sub(lambda match: "" if idle(match[0]) else match[0], html)


def _stylesheet_link(css: str, page: Page, config: MkDocsConfig) -> str:
    """Write the notebook's CSS once into the site (named by its hash) and link it from the page."""
    name = f"{STYLESHEET_DIR}/notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    target = Path(config.site_dir) / name
    if not target.exists():
        write_atomically(target, css).chmod(0o644)  # readable by the web server, as mkdocs' own files are
    return f'<link rel="stylesheet" href="{root_prefix(page.url)}{name}">\n'


def _key(notebook: Path, config: MkDocsConfig) -> str:
    """What the stored HTML and CSS depend on: the notebook, the options, the renderers' versions and code, and the
    site's own theme files (the material theme's own files change with its version)."""
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(json.dumps(JUPYTER_OPTIONS, sort_keys=True).encode())
    digest.update(" ".join(metadata.version(name) for name in RENDERER_VERSIONS).encode())
    for path in [*RENDERER_CODE, *_site_theme_files(config)]:
        digest.update(path.read_bytes())
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
        path = cache / f"{_key(Path(page.file.abs_src_path), config)}.json"
        stored = _stored(path)
        if stored is None:
            stored = _render_with_mkdocs_jupyter(page, config, files)
            write_atomically(path, json.dumps(stored, ensure_ascii=False))
        page.content, page.toc = (
            _stylesheet_link(stored["css"], page, config) + stored["content"],
            get_toc(stored["toc"]),
        )
        # The lab page has the same text: search lists it once, not once more per notebook.
        page.meta.setdefault("search", {})["exclude"] = True

    page.render = render
