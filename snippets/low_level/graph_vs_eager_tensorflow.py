"""The same TensorFlow computation run eagerly, one operation at a time, and as a graph made by tf.function."""

import timeit

import numpy as np
import tensorflow as tf

CALLS = 100


def many_small_steps(x):
    """Eighty small operations on an 8 x 8 matrix: in eager mode Python starts each of them separately."""
    for _ in range(20):
        x = tf.tanh(x @ x) * 0.5 + 0.1
    return x


graph_steps = tf.function(many_small_steps)  # the same Python function, compiled into a graph


def main():
    x = tf.reshape(tf.linspace(-1.0, 1.0, 64), (8, 8))

    trace_seconds = timeit.timeit(lambda: graph_steps(x), number=1)  # the first call traces the graph
    eager_seconds = timeit.timeit(lambda: many_small_steps(x), number=CALLS) / CALLS
    graph_seconds = timeit.timeit(lambda: graph_steps(x), number=CALLS) / CALLS

    eager_result, graph_result = many_small_steps(x).numpy(), graph_steps(x).numpy()
    same = bool(np.allclose(eager_result, graph_result, rtol=1e-5, atol=1e-6))
    operations = len(graph_steps.get_concrete_function(x).graph.get_operations())
    print(f"first graph call, with tracing: {trace_seconds * 1000:.1f} ms")
    print(f"eager: {eager_seconds * 1000:.2f} ms per call")
    print(f"graph: {graph_seconds * 1000:.2f} ms per call ({operations} operations in the graph)")
    print(f"same result: {same}")
    return {
        "trace_seconds": trace_seconds,
        "eager_seconds": eager_seconds,
        "graph_seconds": graph_seconds,
        "eager_result": eager_result,
        "graph_result": graph_result,
        "operations": operations,
    }


if __name__ == "__main__":
    main()
