"""Lab part 1: the four Iris measurements plotted against each other (a pair plot), training flowers only."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

from snippets.common.plotting import COLORS
from snippets.lab.datasets import split

SPECIES_COLORS = [COLORS["train"], COLORS["validation"], COLORS["model"]]


def main():
    iris = load_iris()
    flowers = split(iris.data, iris.target)  # in centimetres, before standardising
    x, y = flowers.x_train, flowers.y_train  # look at the training flowers only: the others stay unseen
    n = x.shape[1]
    fig, axes = plt.subplots(n, n, figsize=(9, 9), layout="constrained")
    for row in range(n):
        for column in range(n):
            ax = axes[row, column]
            for species, color in enumerate(SPECIES_COLORS):
                mine = x[y == species]
                if row == column:  # the diagonal: how one measurement is spread within each species
                    ax.hist(
                        mine[:, column],
                        bins=np.linspace(x[:, column].min(), x[:, column].max(), 13),
                        color=color,
                        alpha=0.6,
                    )
                else:
                    ax.scatter(
                        mine[:, column], mine[:, row], s=10, color=color, alpha=0.7, label=iris.target_names[species]
                    )
            if row == n - 1:
                ax.set_xlabel(iris.feature_names[column])
            if column == 0:
                ax.set_ylabel(iris.feature_names[row])
    fig.legend(*axes[0, 1].get_legend_handles_labels(), loc="outside lower center", ncols=3)
    fig.suptitle("Iris: every pair of measurements of the training flowers")
    plt.show()
    return x, y, fig


if __name__ == "__main__":
    main()
