"""Figures that load when the reader gets to them, in a box of the right size from the start.

Every ``<img>`` of a page gets ``loading="lazy"`` (the browser fetches it when it comes near the screen, or when
its hidden tab is opened) and ``decoding="async"``; a figure of the site also gets the ``width`` and ``height``
of its SVG, so the page keeps its layout while figures arrive (the CSS scales them to the column).
"""

import posixpath
import re
from pathlib import Path

IMG_TAG = re.compile(r"<img\b(?P<attributes>[^>]*?)\s*/?>")
SRC = re.compile(r'\bsrc="(?P<src>[^"]+)"')
SVG_SIZE = re.compile(
    r'<svg\b[^>]*?\bwidth="(?P<width>[\d.]+)(?P<unit>pt|px)?"[^>]*?\bheight="(?P<height>[\d.]+)(?:pt|px)?"'
)
CSS_PIXELS_PER_UNIT = {"pt": 96 / 72, "px": 1.0, None: 1.0}


def lazy_figures(html: str, page_url: str, site_dir: Path) -> str:
    """``html`` of the page at ``page_url`` (relative to the site root) with lazy images sized from their SVG."""

    def lazy(match: re.Match) -> str:
        attributes = match.group("attributes")
        if "loading=" in attributes:
            return match.group(0)
        added = ' loading="lazy" decoding="async"'
        src = SRC.search(attributes)
        if src and "width=" not in attributes and (size := svg_size(site_dir, page_url, src.group("src"))):
            added += f' width="{size[0]}" height="{size[1]}"'
        return f"<img{attributes}{added} />"

    return IMG_TAG.sub(lazy, html)


def svg_size(site_dir: Path, page_url: str, src: str) -> tuple[int, int] | None:
    """The size in CSS pixels of the site's SVG file that ``src`` (relative to the page) points at, if any."""
    if not src.endswith(".svg") or "://" in src or src.startswith(("/", "data:")):
        return None
    path = site_dir / posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), src)).lstrip("/")
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as svg:
        size = SVG_SIZE.search(svg.read(4096))
    if not size:
        return None
    scale = CSS_PIXELS_PER_UNIT[size.group("unit")]
    return round(float(size.group("width")) * scale), round(float(size.group("height")) * scale)
