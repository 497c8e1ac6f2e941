"""Figures readable on phones: a wide figure's narrow rendition is offered to narrow screens with ``<picture>``.

A figure with panels side by side (10 inches wide) would be shrunk to a third on a 390 px screen, its labels to
4-5 CSS px. The figure step also draws such a figure for a phone's width (lessonkit.figures.narrow_layout:
``five_points-1-narrow.svg`` next to ``five_points-1.svg``, and per language ``…-narrow.bn.svg``); here each
``<img>`` of a figure that has one is wrapped in a ``<picture>`` whose ``<source>`` the browser takes on screens
narrower than ``NARROW_SCREEN``. Wider screens (a desktop's content column) keep the side-by-side figure.
"""

import re
from pathlib import Path

from lessonkit.site.lazy_figures import IMG_TAG, SRC, svg_size

# Below material's 60em breakpoint the content column is narrower than ~690 px: a 970 px wide figure would be
# drawn at less than 0.7 of its size there (10 pt text under 9 CSS px).
NARROW_SCREEN = "(max-width: 59.9375em)"
FIGURE = re.compile(r"^(?P<stem>(?:.*/)?figures/[\w/]+/\w+-\d+)(?P<language>\.[a-z]{2})?\.svg$")


def narrow_uri(uri: str) -> str | None:
    """``figures/t/x-1.bn.svg`` -> ``figures/t/x-1-narrow.bn.svg`` (None for what is not a figure of the lesson)."""
    if not (match := FIGURE.match(uri)):
        return None
    return f"{match['stem']}-narrow{match['language'] or ''}.svg"


def narrow_figures(html: str, page_url: str, site_dir: Path) -> str:
    """``html`` with each figure that has a narrow rendition in the site offered to narrow screens."""

    def picture(match: re.Match) -> str:
        src = SRC.search(match.group("attributes"))
        narrow = src and narrow_uri(src.group("src"))
        size = narrow and svg_size(site_dir, page_url, narrow)
        if not size:
            return match.group(0)
        source = f'<source media="{NARROW_SCREEN}" srcset="{narrow}" width="{size[0]}" height="{size[1]}" />'
        return f"<picture>{source}{match.group(0)}</picture>"

    return IMG_TAG.sub(picture, html)
