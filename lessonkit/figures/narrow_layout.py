"""A narrow rendition of a wide figure, for phones: the same panels in fewer columns, drawn at a phone's width.

On a 390 px screen a figure 10 inches wide (two panels side by side) is shown at a third of its size, and its
10 pt labels render at 4-5 CSS px. The narrow rendition keeps every panel and every text size, and lays the panels
out in as many columns as fit ``NARROW_WIDTH_IN`` (one column for panels 5 inches wide); a single wide panel (the
lab's confusion matrix) is drawn narrower. 4.5 inches is 432 CSS px: in the narrowest column of a 390 px phone
(~330 px, inside an admonition) 10 pt text still renders at 10 CSS px. Titles wrap instead of widening the figure.
Panels that were side by side may now be far apart, so each one gets the axis labels and tick labels of its row
and column. Pages offer it to narrow screens with ``<picture>`` (lessonkit.site.narrow_figures).
"""

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec

NARROW_WIDTH_IN = 4.5
WIDE_ENOUGH = 1.15  # a figure at most this much wider (a 5 inch single panel) is readable on a phone already


def panels(figure: Figure) -> list[Axes]:
    """The figure's grid panels, row by row (colorbars and other axes outside the grid are left where they are)."""
    grid = [ax for ax in figure.axes if ax.get_subplotspec() is not None]
    return sorted(grid, key=lambda ax: (ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start))


def reflow_for_narrow(figure: Figure) -> bool:
    """Lay a wide figure out for a phone's width; False (and the figure unchanged) if it is narrow enough already."""
    width, height = figure.get_size_inches()
    if width <= NARROW_WIDTH_IN * WIDE_ENOUGH:
        return False
    axes = panels(figure)
    grid = axes[0].get_subplotspec().get_gridspec() if axes else None
    if len(axes) > 1 and all(ax.get_subplotspec().get_gridspec() is grid for ax in axes):
        height = _reflow(axes, grid, width, height)
    else:
        height *= NARROW_WIDTH_IN / width  # one panel (and its colorbar): the same drawing, narrower
    for text in [*figure.texts, *(ax.title for ax in axes)]:
        text.set_wrap(True)  # a title longer than the phone's width goes on two lines instead of widening it
    figure.set_size_inches(NARROW_WIDTH_IN, height)
    return True


def _reflow(axes: list[Axes], grid, width: float, height: float) -> float:
    """Put the panels in as many columns as fit, each labelled; the figure's new height."""
    nrows, ncols = grid.get_geometry()
    panel_width = width / ncols
    fit = max(1, min(ncols, int(NARROW_WIDTH_IN // panel_width)))
    columns = max(c for c in range(1, fit + 1) if len(axes) % c == 0)  # full rows: 16 digits in 4 rows of 4
    xlabels, ylabels = {}, {}  # the wide layout labels only the outer panels of a row or column
    for ax in axes:
        spec = ax.get_subplotspec()
        xlabels[spec.colspan.start] = xlabels.get(spec.colspan.start) or ax.get_xlabel()
        ylabels[spec.rowspan.start] = ylabels.get(spec.rowspan.start) or ax.get_ylabel()
    rows = math.ceil(len(axes) / columns)
    narrow = GridSpec(rows, columns, figure=axes[0].figure)
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
    return height / nrows * rows * aspect
