"""Lab part 1 in Keras: Iris flowers, with a single-layer and a multi-layer network."""
import keras
import tensorflow as tf

from snippets.common.progress import report_epoch
from snippets.common.reproducibility import seed_everything
from snippets.lab.datasets import iris_data


def single_layer(n_features, n_classes):
    """Softmax regression: a dense layer gives one score per class; softmax makes probabilities."""
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])


def multi_layer(n_features, n_classes, hidden):
    """One hidden layer of ``hidden`` ReLU units between the inputs and the class probabilities."""
    return keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(hidden, activation="relu"),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])


def train(model, x_train, y_train, epochs, learning_rate, batch_size, every):
    """Mini-batch training with Adam and cross-entropy; returns the mean training loss per epoch."""
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
        loss="sparse_categorical_crossentropy",  # labels are class numbers, not one-hot vectors
    )
    batches = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
               .shuffle(len(x_train), seed=0).batch(batch_size))
    show_progress = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: report_epoch(
            epoch + 1, epochs, every=every, train_loss=logs["loss"]
        )
    )
    history = model.fit(batches, epochs=epochs, shuffle=False, verbose=0, callbacks=[show_progress])
    return history.history["loss"]


def predict(model, x):
    """The class with the highest probability, for each row of the NumPy array ``x``."""
    return model(x, training=False).numpy().argmax(axis=1)


def train_and_test(networks, data, epochs, learning_rate, batch_size, every):
    """Train each network on the training set, then measure its accuracy on the test set."""
    x_train, x_test, y_train, y_test = data
    results = {}
    for name, model in networks.items():
        print(f"Training the {name} network ({model.count_params()} parameters)")
        losses = train(model, x_train, y_train, epochs, learning_rate, batch_size, every)
        predictions = predict(model, x_test)
        results[name] = {"losses": losses, "predictions": predictions,
                         "test_accuracy": float((predictions == y_test).mean())}
    for name, result in results.items():
        print(f"{name} network: test accuracy {result['test_accuracy']:.3f}")
    return results


def main():
    seed_everything()
    networks = {
        "single-layer": single_layer(n_features=4, n_classes=3),
        "multi-layer": multi_layer(n_features=4, n_classes=3, hidden=16),
    }
    return train_and_test(networks, iris_data(), epochs=100, learning_rate=0.03, batch_size=64,
                          every=25)


if __name__ == "__main__":
    main()
