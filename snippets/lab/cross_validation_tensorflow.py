"""Lab part 1, cross-validated in Keras: the two Iris candidates on 5 folds."""

# --8<-- [start:main]
from snippets.lab.cross_validation import cross_validate, iris_pool, record_scores
from snippets.lab.iris_tensorflow import EPOCHS, accuracy, multi_layer, single_layer, train
from snippets.lab.model_selection import iris_candidates


def main():
    x, y = iris_pool()
    print(f"{len(x)} flowers, {len(x) // 5} validation flowers per fold, {EPOCHS} epochs per training run")
    return cross_validate(iris_candidates(single_layer, multi_layer), train, accuracy, x, y, EPOCHS)


# --8<-- [end:main]


if __name__ == "__main__":
    record_scores(main())  # the numbers the lab page quotes
