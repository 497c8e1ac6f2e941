"""Plots of the 'Outputs and losses' page: a loss drawn against the prediction it judges."""

import math

from snippets.common.plotting import COLORS, new_figure

# The lowest loss each mistake of the page allows (three classes; one label 1): a softmax of the best case
# [1, 0, 0], and a sigmoid of the largest probability, 1, taken as a logit.
SOFTMAX_FIRST_FLOOR = math.log(1 + 2 / math.e)
SIGMOID_FIRST_FLOOR = math.log(1 + math.exp(-1))


def plot_log_loss(ax, probabilities, loss_if_1, loss_if_0, examples, title: str) -> None:
    """Binary cross-entropy of one example against the predicted probability of class 1, for each true label.

    ``examples`` is ``(probabilities, losses)`` of a few examples, drawn as dots on their curves.
    """
    ax.plot(probabilities, loss_if_1, color=COLORS["validation"], label="true label 1: -log(p)")
    ax.plot(probabilities, loss_if_0, color=COLORS["train"], label="true label 0: -log(1 - p)")
    ax.scatter(*examples, color="black", zorder=3, label="the four examples")
    ax.set_xlabel("predicted probability of class 1 (p)")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.legend(loc="upper center")


def plot_right_and_mistaken_loss(ax, logits, right, mistaken, floor: float, xlabel: str, title: str) -> None:
    """A loss computed the right way and the mistaken way, against a logit, with the lowest the mistake can reach."""
    ax.plot(logits, right, color=COLORS["model"], label="right: the loss gets the logits")
    ax.plot(logits, mistaken, color=COLORS["validation"], linestyle="--", label="mistake: probabilities passed in")
    ax.axhline(floor, color="gray", linestyle=":", label="lowest loss the mistake allows")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")
    ax.set_ylim(bottom=0)
    ax.set_title(title)
    ax.legend(loc="upper right")


def plot_two_mistakes(logits, softmax_first, sigmoid_first, titles):
    """Two panels: ``softmax_first`` and ``sigmoid_first`` are (right, mistaken) losses for each logit of the
    true class; ``titles`` names the two panels. Returns the figure."""
    fig, (left, right) = new_figure(ncols=2)
    plot_right_and_mistaken_loss(
        left,
        logits,
        *softmax_first,
        SOFTMAX_FIRST_FLOOR,
        xlabel="logit of the true class (the others are 0)",
        title=titles[0],
    )
    plot_right_and_mistaken_loss(
        right, logits, *sigmoid_first, SIGMOID_FIRST_FLOOR, xlabel="logit (true label 1)", title=titles[1]
    )
    return fig
