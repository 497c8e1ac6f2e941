"""Lab part 1, cross-validated in Keras: the two Iris candidates on 5 folds."""

# --8<-- [start:main]
import matplotlib.pyplot as plt

from snippets.lab.cross_validation import FOLDS, cross_validate, iris_pool, plot_fold_scores
from snippets.lab.iris_tensorflow import EPOCHS, accuracy, multi_layer, single_layer, train
from snippets.lab.model_selection import iris_candidates


def main():
    x, y = iris_pool()
    print(f"{len(x)} flowers, {len(x) // FOLDS} validation flowers per fold, {EPOCHS} epochs per training run")
    scores = cross_validate(iris_candidates(single_layer, multi_layer), train, accuracy, x, y, EPOCHS)
    plot_fold_scores(scores, title="TensorFlow/Keras: accuracy on each fold")
    plt.show()
    return scores


# --8<-- [end:main]


if __name__ == "__main__":
    from snippets.lab.cross_validation import record_scores

    record_scores(main())  # the numbers the lab page quotes
