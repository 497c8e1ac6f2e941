"""Lab part 2 in Keras: handwritten digits; the network and number of epochs chosen on the validation set."""

from functools import partial

import matplotlib.pyplot as plt

from snippets.common.plotting import new_figure, plot_confusion_matrix
from snippets.lab.datasets import digits_data
from snippets.lab.iris_tensorflow import accuracy, multi_layer, predict, single_layer, train
from snippets.lab.model_selection import choose_then_test, digit_candidates, plot_candidate_curves, record_results

EPOCHS = 30


def main(prefer_full=False):
    data = digits_data(prefer_full)
    n_pixels = data.x_train.shape[1]  # 64 for the 8x8 images, 784 for 28x28 MNIST
    candidates = digit_candidates(single_layer, multi_layer, n_pixels)
    results = choose_then_test(candidates, partial(train, learning_rate=0.03, batch_size=128), accuracy, data, EPOCHS)
    plot_candidate_curves(results["histories"], "TensorFlow/Keras: training and validation loss of the digit networks")
    plt.show()

    # The test set, once: which digits does the chosen network still mix up?
    fig, ax = new_figure(width_per_plot=5.5, height=4.5)
    predicted = predict(results["model"], data.x_test)
    results["confusion"] = plot_confusion_matrix(
        ax, data.y_test, predicted, n_classes=10, title="TensorFlow/Keras, the chosen network: test digits"
    )
    plt.show()
    return results


if __name__ == "__main__":
    record_results(main())  # the numbers the lab page quotes
