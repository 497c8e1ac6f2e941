"""Lab part 2 in PyTorch: handwritten digits, with the networks and training code of part 1."""
import matplotlib.pyplot as plt

from snippets.common.plotting import new_figure, plot_confusion_matrix
from snippets.common.reproducibility import seed_everything
from snippets.lab.datasets import digits_data
from snippets.lab.iris_pytorch import multi_layer, single_layer, train_and_test


def main(prefer_full=False):
    seed_everything()
    data = digits_data(prefer_full)
    x_train, x_test, y_train, y_test = data
    n_pixels = x_train.shape[1]  # 64 for the 8x8 images, 784 for 28x28 MNIST
    networks = {
        "single-layer": single_layer(n_features=n_pixels, n_classes=10),
        "multi-layer": multi_layer(n_features=n_pixels, n_classes=10, hidden=64),
    }
    results = train_and_test(networks, data, epochs=20, learning_rate=0.01, batch_size=128,
                             every=5)

    fig, ax = new_figure(width_per_plot=5.5, height=4.5)
    results["confusion"] = plot_confusion_matrix(
        ax, y_test, results["multi-layer"]["predictions"], n_classes=10,
        title="PyTorch, multi-layer network: test digits",
    )
    plt.show()
    return results


if __name__ == "__main__":
    main()
