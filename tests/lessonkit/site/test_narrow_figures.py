"""Wide figures get a narrow rendition for phones (lessonkit.figures.narrow_layout), offered with <picture>
(lessonkit.site.narrow_figures). The browser measures the result: tests/browser/test_figure_text.py."""

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from lessonkit.figures.narrow_layout import NARROW_WIDTH_IN, panels, reflow_for_narrow  # noqa: E402
from lessonkit.site.narrow_figures import NARROW_SCREEN, narrow_figures, narrow_uri  # noqa: E402
from snippets.common.plotting import new_figure  # noqa: E402


def grid_of(figure) -> list[tuple[int, int]]:
    return [(ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start) for ax in panels(figure)]


def test_two_panels_side_by_side_are_stacked_at_a_phones_width_each_with_its_labels():
    fig, (left, right) = new_figure(ncols=2)
    left.set_xlabel("x")
    left.set_ylabel("y")
    right.set_xlabel("x")  # the right panel has no y label of its own: it shared the left one's row
    assert reflow_for_narrow(fig)
    assert grid_of(fig) == [(0, 0), (1, 0)]
    width, height = fig.get_size_inches()
    assert width == NARROW_WIDTH_IN and height > 6
    assert right.get_ylabel() == "y"
    plt.close(fig)


def test_shared_axes_show_their_tick_labels_and_labels_again_in_the_narrow_rendition():
    fig, axes = plt.subplots(2, 2, figsize=(10, 7), sharex=True, sharey=True, layout="constrained")
    for ax in axes.flat:
        ax.set_xlabel("epoch")
    assert reflow_for_narrow(fig)
    assert grid_of(fig) == [(0, 0), (1, 0), (2, 0), (3, 0)]
    for ax in axes.flat:
        assert ax.xaxis.label.get_visible() and all(t.get_visible() for t in ax.get_xticklabels())
    plt.close(fig)


def test_small_panels_fill_whole_rows():
    fig, axes = plt.subplots(2, 8, figsize=(8, 2.6), layout="constrained")
    for ax in axes.flat:
        ax.axis("off")
    assert reflow_for_narrow(fig)
    assert max(column for _, column in grid_of(fig)) == 3, "16 small pictures: 4 rows of 4, no half-empty row"
    plt.close(fig)


def test_a_figure_already_narrow_enough_is_left_alone():
    fig, ax = new_figure()
    assert not reflow_for_narrow(fig)
    assert tuple(fig.get_size_inches()) == (5.0, 3.6)
    plt.close(fig)


def test_a_single_wide_panel_is_drawn_narrower_and_long_titles_wrap():
    fig, ax = new_figure(width_per_plot=5.5, height=4.5)
    ax.set_title("Keras: a title much longer than a phone's column is wide, on one line")
    assert reflow_for_narrow(fig)
    assert fig.get_size_inches() == pytest.approx((NARROW_WIDTH_IN, 4.5 * NARROW_WIDTH_IN / 5.5))
    assert ax.title.get_wrap()
    plt.close(fig)


def test_narrow_names_keep_the_language_suffix():
    assert narrow_uri("figures/overfitting/five_points-1.svg") == "figures/overfitting/five_points-1-narrow.svg"
    assert narrow_uri("../../figures/a/b_c-2.bn.svg") == "../../figures/a/b_c-2-narrow.bn.svg"
    assert narrow_uri("assets/images/favicon.png") is None


def test_a_figure_with_a_narrow_rendition_is_offered_to_narrow_screens(tmp_path):
    figures = tmp_path / "figures" / "t"
    figures.mkdir(parents=True)
    for name, width in [("wide-1.bn.svg", 720), ("wide-1-narrow.bn.svg", 360), ("single-1.bn.svg", 360)]:
        (figures / name).write_text(f'<svg width="{width}pt" height="200pt" viewBox="0 0 {width} 200"></svg>')
    html = (
        '<p><img alt="a" src="../figures/t/wide-1.bn.svg" loading="lazy" /></p>'
        '<p><img alt="b" src="../figures/t/single-1.bn.svg" loading="lazy" /></p>'
    )
    out = narrow_figures(html, "page/", tmp_path)
    assert out.count("<picture>") == 1
    assert f'<source media="{NARROW_SCREEN}" srcset="../figures/t/wide-1-narrow.bn.svg" width="480"' in out
    assert '<img alt="a" src="../figures/t/wide-1.bn.svg" loading="lazy" /></picture>' in out
