"""A narrow rendition of a wide figure, for phones: the same panels in fewer columns, drawn at a phone's width.

On a 390 px screen a figure 10 inches wide (two panels side by side) is shown at a third of its size, and its
10 pt labels render at 4-5 CSS px. The narrow rendition keeps every panel and every text size, and lays the panels
out in as many columns as fit ``NARROW_WIDTH_IN`` (one column for panels 5 inches wide, the width of a single-panel
figure of the lesson, which a phone shows at about three quarters of its size: 10 pt text at ~9.7 CSS px).
Panels that were side by side may now be far apart, so each one gets the axis labels and tick labels of its row
and column. Pages offer it to narrow screens with ``<picture>`` (lessonkit.site.narrow_figures).
"""

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec

NARROW_WIDTH_IN = 5.1
WIDE_ENOUGH = 1.15  # a figure at most this much wider than NARROW_WIDTH_IN is already readable on a phone


def panels(figure: Figure) -> list[Axes]:
    """The figure's grid panels, row by row (colorbars and other axes outside the grid are left where they are)."""
    grid = [ax for ax in figure.axes if ax.get_subplotspec() is not None]
    return sorted(grid, key=lambda ax: (ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start))


def reflow_for_narrow(figure: Figure) -> bool:
    """Lay the panels of a wide figure out for a phone's width; False (and the figure unchanged) if there is no need."""
    width, height = figure.get_size_inches()
    axes = panels(figure)
    if width <= NARROW_WIDTH_IN * WIDE_ENOUGH or len(axes) < 2:
        return False
    grid = axes[0].get_subplotspec().get_gridspec()
    if any(ax.get_subplotspec().get_gridspec() is not grid for ax in axes):
        return False
    nrows, ncols = grid.get_geometry()
    panel_width = width / ncols
    fit = max(1, min(ncols, int(NARROW_WIDTH_IN // panel_width)))
    columns = max(c for c in range(1, fit + 1) if len(axes) % c == 0)  # full rows: 16 digits in 4 rows of 4
    if columns == ncols:
        return False
    xlabels, ylabels = {}, {}  # the wide layout labels only the outer panels of a row or column
    for ax in axes:
        spec = ax.get_subplotspec()
        xlabels[spec.colspan.start] = xlabels.get(spec.colspan.start) or ax.get_xlabel()
        ylabels[spec.rowspan.start] = ylabels.get(spec.rowspan.start) or ax.get_ylabel()
    rows = math.ceil(len(axes) / columns)
    narrow = GridSpec(rows, columns, figure=figure)
    for index, ax in enumerate(axes):
        spec = ax.get_subplotspec()
        column, row = spec.colspan.start, spec.rowspan.start
        ax.set_subplotspec(narrow[index // columns, index % columns])
        if not ax.axison:  # a picture (axis("off")): nothing to label
            continue
        ax.set_xlabel(ax.get_xlabel() or xlabels.get(column, ""))
        ax.set_ylabel(ax.get_ylabel() or ylabels.get(row, ""))
        ax.xaxis.label.set_visible(True)
        ax.yaxis.label.set_visible(True)
        ax.tick_params(labelbottom=True, labelleft=True)
    aspect = (NARROW_WIDTH_IN / columns) / panel_width  # panels keep their shape
    figure.set_size_inches(NARROW_WIDTH_IN, height / nrows * rows * aspect)
    return True
