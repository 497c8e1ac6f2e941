"""Light SVG figures: dense artists become a picture inside the SVG; text, axes, lines and points stay vectors.

A filled contour of a 200×200 grid is tens of thousands of polygon vertices: as SVG paths one decision-boundary
figure weighs ~500 KB (~115 KiB compressed). Drawn as an embedded PNG at two image pixels per CSS pixel it looks
the same (smooth colour areas) and weighs a fraction of that. What counts as dense is decided by an artist's size
in the SVG, not by its kind.

Text is written as text (``svg.fonttype: none``), drawn by the reader's browser with the page's fonts: as glyph
outlines (matplotlib's default) every figure carried its own copy of each letter's shape, half of its bytes in
Bengali and Hindi. The browser shapes Bengali and Devanagari itself, and a reader of those pages has a font for
them. Positions are kept to 0.01 pt (a hundredth of a CSS pixel) instead of matplotlib's 0.000001.
"""

import base64
import io
import re
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from PIL import Image

# An artist with more drawn points than this becomes a picture: a contour line has a few hundred vertices, a
# scatter of 200 points 200 marker copies; the filled contour levels of a 200×200 grid have tens of thousands.
DENSE_POINTS = 5000
# SVG units are points (1/72 inch); a CSS pixel is 1/96 inch: 192 dpi is two image pixels per CSS pixel.
RASTER_DPI = 192
EMBEDDED_PNG = re.compile(r'(xlink:href="data:image/png;base64,)([A-Za-z0-9+/=\s]+)(")')
METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
# Attributes holding positions in points; a transform's translate() and rotate() too (never a scale or matrix).
POSITIONS = re.compile(r'\b(d|x|y|width|height|viewBox|points)="([^"]*)"')
MOVES = re.compile(r"\b(translate|rotate)\(([^)]*)\)")
LONG_DECIMAL = re.compile(r"(\d\.\d\d)\d+")
INDENT = re.compile(r">\n\s*<")  # matplotlib's indentation between tags (text content never holds a line break)
FONT_FAMILY = re.compile(r"font-family: ([^;\"]*)")
GENERIC = ("serif", "sans-serif", "monospace", "cursive", "fantasy")


def save_light_svg(figure: Figure, path: Path, **savefig_options) -> None:
    """``figure.savefig(path)`` as SVG, with its dense artists drawn as pixels and their pictures stored compactly."""
    dense = [artist for artist in figure.findobj(Collection) if drawn_points(artist) > DENSE_POINTS]
    for artist in dense:
        artist.set_rasterized(True)
    svg = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(svg, format="svg", **savefig_options, **({"dpi": RASTER_DPI} if dense else {}))
    Path(path).write_text(compact_svg(EMBEDDED_PNG.sub(_smaller_png, svg.getvalue())), encoding="utf-8")


def compact_svg(svg: str) -> str:
    """The same drawing in fewer bytes: no metadata, positions to 0.01 pt, path data on one line, no indentation;
    each list of fonts ends with a generic family, so a reader without DejaVu Sans gets a sans-serif font."""
    svg = METADATA.sub("", svg)
    svg = POSITIONS.sub(lambda m: f'{m.group(1)}="{" ".join(_rounded(m.group(2)).split())}"', svg)
    svg = MOVES.sub(lambda m: f"{m.group(1)}({_rounded(m.group(2))})", svg)
    svg = FONT_FAMILY.sub(_with_generic_family, svg)
    return INDENT.sub("><", svg)


def _rounded(numbers: str) -> str:
    return LONG_DECIMAL.sub(r"\1", numbers)


def _with_generic_family(match: re.Match) -> str:
    families = match.group(1).strip()
    last = families.rsplit(",", 1)[-1].strip()
    return match.group(0) if last in GENERIC else f"font-family: {families}, sans-serif"


def drawn_points(collection: Collection) -> int:
    """How many points the SVG holds for ``collection``: the vertices of its paths plus one per copy (offset) of
    them (a scatter's marker is written once and placed at each offset)."""
    return sum(len(path.vertices) for path in collection.get_paths()) + len(collection.get_offsets())


def _smaller_png(match: re.Match) -> str:
    png = base64.b64decode(match.group(2))
    smaller = palette_png(png)
    return match.group(1) + base64.b64encode(smaller if len(smaller) < len(png) else png).decode() + match.group(3)


def palette_png(png: bytes) -> bytes:
    """The same pixels as an indexed-colour PNG when the image has at most 256 colours (flat areas of a plot);
    otherwise the PNG unchanged. Lossless either way."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    pixels = np.asarray(image).reshape(-1, 4)
    colours, indices = np.unique(pixels, axis=0, return_inverse=True)
    if len(colours) > 256:
        return png
    indexed = Image.fromarray(indices.reshape(image.height, image.width).astype(np.uint8), mode="P")
    indexed.putpalette(colours[:, :3].ravel().tolist())
    out = io.BytesIO()
    indexed.save(out, format="png", optimize=True, transparency=bytes(colours[:, 3].tolist()))
    return out.getvalue()
