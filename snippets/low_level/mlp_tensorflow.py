"""Two moons: a single layer draws a straight boundary and fails; a multi-layer perceptron bends it and succeeds."""

import matplotlib.pyplot as plt

from snippets.common.data import two_moons
from snippets.common.plotting import new_figure, plot_decision_boundary
from snippets.common.reproducibility import seed_everything
from snippets.low_level.classification_tensorflow import Dense, accuracy, predict_probability, train
from snippets.low_level.models_tensorflow import MLP

EPOCHS = 300


def main():
    seed_everything()
    x_train, y_train = two_moons(300, seed=0)
    x_val, y_val = two_moons(300, seed=1)

    models = {
        "Single layer (logistic regression)": Dense(2, 1),
        "MLP (two hidden layers)": MLP(),
    }
    fig, axes = new_figure(ncols=2)
    val_accuracy, losses = {}, {}
    for ax, (title, model) in zip(axes, models.items()):
        print(title)
        losses[title] = train(model, x_train, y_train, EPOCHS, learning_rate=0.02)
        val_accuracy[title] = accuracy(model, x_val, y_val)
        print(f"validation accuracy: {val_accuracy[title]:.1%}")
        plot_decision_boundary(ax, lambda points: predict_probability(model, points), x_val, y_val, title)
    plt.show()
    return {"val_accuracy": val_accuracy, "losses": losses}


if __name__ == "__main__":
    main()
