"""lessonkit.figures.light_svg: text written as text, positions to 0.01 pt, nothing else changed."""

import gzip
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from lessonkit.figures.light_svg import compact_svg, save_light_svg  # noqa: E402
from lessonkit.figures.runner import FONT_FAMILIES  # noqa: E402


def test_text_is_text_in_its_script_and_the_file_is_smaller_than_with_glyph_outlines(tmp_path):
    with matplotlib.rc_context({"font.family": FONT_FAMILIES}):
        figure, axes = plt.subplots(figsize=(4, 3))
        axes.plot([0.123456, 1.5], [2.25, 0.000123])
        axes.set_title("প্রশিক্ষণ লস 0.123456")
        axes.set_xlabel("प्रशिक्षण लॉस")
        save_light_svg(figure, tmp_path / "light.svg")
        with matplotlib.rc_context({"svg.fonttype": "path"}):
            figure.savefig(tmp_path / "outlines.svg")
        plt.close(figure)
    light = (tmp_path / "light.svg").read_text(encoding="utf-8")
    assert ">প্রশিক্ষণ লস 0.123456</text>" in light, "text content is never rounded"
    assert ">प्रशिक्षण लॉस</text>" in light
    assert "<metadata>" not in light and not re.search(r'd="[^"]*\d\.\d{3}', light), "positions to 0.01 pt"
    assert "'Noto Sans Devanagari', sans-serif" in light, "a generic family ends every font list"
    outlines = (tmp_path / "outlines.svg").read_bytes()
    assert len(gzip.compress(light.encode())) < 0.6 * len(gzip.compress(outlines))


def test_compacting_rounds_positions_but_keeps_scales_and_text():
    svg = (
        '<svg width="323.318582pt" viewBox="0 0 323.318582 9">\n  <metadata>m</metadata>\n'
        ' <image transform="matrix(0.37512 0 0 0.37512 10.123456 5)" width="426"/>\n'
        ' <path d="M 1.123456 2.5 \nL 3.999999 4 \nz\n" transform="translate(1.987654 2) scale(0.015625 -0.015625)"/>\n'
        ' <text style="font-size: 10.5px; font-family: \'DejaVu Sans\'" x="1.123456">1.123456</text>\n'
        " <text style=\"font-family: 'DejaVu Sans Mono', monospace\">x</text>\n</svg>"
    )
    compact = compact_svg(svg)
    assert 'width="323.31pt" viewBox="0 0 323.31 9"' in compact
    assert "matrix(0.37512 0 0 0.37512 10.123456 5)" in compact, "a matrix or scale keeps its precision"
    assert 'd="M 1.12 2.5 L 3.99 4 z"' in compact and "translate(1.98 2) scale(0.015625 -0.015625)" in compact
    assert 'x="1.12">1.123456</text>' in compact
    assert "font-family: 'DejaVu Sans', sans-serif\"" in compact and "'DejaVu Sans Mono', monospace\"" in compact
    assert "<metadata>" not in compact and ">\n" not in compact
