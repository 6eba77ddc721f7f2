#!/usr/bin/env python3
"""Writes the specs in specs/ that numpy_trainer.py turns into test/fixtures/more-*.json
and worked-example-2-2-2.json. Sample data come from numpy's Generator with fixed seeds
(independent of the training generator), rounded to 3 decimals.

    python3 test/reference/make_specs.py    # from the repository root
"""

import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
SPECS = HERE / "specs"


def points(rng, n, dims, scale=2.0):
    return np.round(rng.uniform(-scale, scale, (n, dims)), 3)


def samples(xs, ts):
    return [{"x": [float(v) for v in x], "t": [float(v) for v in t]} for x, t in zip(xs, ts)]


def circle(rng, n):
    """Two inputs, target 1 inside the circle of radius 1.2, else 0."""
    x = points(rng, n, 2)
    t = (np.sum(x ** 2, axis=1) < 1.44).astype(float)[:, None]
    return samples(x, t)


def three_classes(rng, n):
    """Two inputs, one-hot target: which of three angular sectors the point is in."""
    x = points(rng, n, 2)
    sector = ((np.arctan2(x[:, 1], x[:, 0]) + np.pi) // (2 * np.pi / 3)).astype(int) % 3
    return samples(x, np.eye(3)[sector])


def trace_at(iterations):
    return sorted({1, 2, 10, iterations // 2, iterations})


def spec(name, note, layers, activation, bias, learning_rate, iterations, seed, data, **extra):
    run = {
        "name": name,
        "note": note,
        "layers": layers,
        "activation": activation,
        "bias": bias,
        "learningRate": learning_rate,
        "iterations": iterations,
        "seed": seed,
    }
    run.update(extra)
    run["samples"] = data
    run["traceAt"] = trace_at(iterations)
    return run


def all_specs():
    rng = np.random.default_rng(20240611)
    runs = []

    runs.append(spec(
        "more-momentum-minibatch-test", "Momentum 0.9 with mini-batches of 4 and a test split of 0.25 (16 samples: 12 train, 4 test).",
        [2, 4, 1], "sigmoid", True, 0.2, 600, 11, circle(rng, 16),
        batch=4, test=0.25, optimizer="momentum", momentum=0.9, init="uniform"))

    runs.append(spec(
        "more-adam-softmax-short-batch", "Adam, softmax output, cross-entropy, Xavier; 20 samples in batches of 6, so every epoch ends with a batch of 2.",
        [2, 5, 3], "tanh", True, 0.01, 900, 12, three_classes(rng, 20),
        outputActivation="softmax", loss="cross-entropy", batch=6, optimizer="adam", init="xavier"))

    x = points(rng, 8, 3, 1.5)
    t = np.round(np.stack([np.tanh(0.6 * x[:, 0] - 0.4 * x[:, 1]), np.tanh(0.3 * x[:, 1] + 0.5 * x[:, 2])], axis=1), 3)
    runs.append(spec(
        "more-l1-l2-tanh-bias", "L1 0.002 and L2 0.005 together (weights only, not biases), tanh everywhere, with bias.",
        [3, 4, 2], "tanh", True, 0.05, 800, 13, samples(x, t),
        l1=0.002, l2=0.005, init="uniform"))

    x = np.round(rng.uniform(0.0, 2.0, (8, 3)), 3)
    t = np.round((0.5 * x[:, 0] + 0.3 * x[:, 1] * x[:, 2] + 0.2)[:, None], 3)
    runs.append(spec(
        "more-he-no-bias-relu-output", "He-uniform init, no bias, relu everywhere including the output layer.",
        [3, 5, 1], "relu", False, 0.01, 1000, 18, samples(x, t),
        init="he"))

    x = points(rng, 10, 2, 1.0)
    t = np.round((1.5 * x[:, 0] - 0.8 * x[:, 1] * x[:, 1] + 0.3)[:, None], 3)
    runs.append(spec(
        "more-xavier-linear-squared", "Xavier init, sigmoid hidden layer, linear output, squared loss (regression).",
        [2, 4, 1], "sigmoid", True, 0.1, 1500, 15, samples(x, t),
        outputActivation="linear", loss="squared", init="xavier"))

    x = points(rng, 12, 2)
    t = np.stack([(x[:, 0] > 0), (x[:, 0] * x[:, 1] > 0)], axis=1).astype(float)
    runs.append(spec(
        "more-bce-sigmoid-2-outputs", "Sigmoid outputs with cross-entropy on two independent 0/1 targets (x0 > 0, x0 * x1 > 0).",
        [2, 4, 2], "sigmoid", True, 0.5, 2000, 16, samples(x, t),
        loss="cross-entropy", init="uniform"))

    runs.append(spec(
        "more-4-layer-sgd-test", "Two hidden layers, batch 1 (pure SGD, reshuffled every epoch), test split 0.25 of 12 samples.",
        [2, 4, 3, 1], "tanh", True, 0.05, 900, 17, circle(rng, 12),
        outputActivation="sigmoid", batch=1, test=0.25, init="xavier"))

    xor = samples([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [[0.0], [1.0], [1.0], [0.0]])
    runs.append(spec(
        "more-momentum-0.5-xor", "XOR with classical momentum 0.5: v = 0.5 v - lr g; w += v.",
        [2, 3, 1], "sigmoid", True, 0.5, 2000, 5, xor,
        optimizer="momentum", momentum=0.5))

    runs.append(spec(
        "more-adam-tutorial", "The tutorial's network and sample (3-2-1, sigmoid, no bias, seed 0) trained with Adam.",
        [3, 2, 1], "sigmoid", False, 0.01, 1000, 0, samples([[0.1, 0.4, 4.1]], [[0.2]]),
        optimizer="adam"))

    runs.append(spec(
        "more-50-samples-batch-7-test", "50 samples, test 0.2 (10 held out), batches of 7 of the other 40 (last batch of each epoch 5).",
        [2, 4, 1], "sigmoid", True, 2.0, 1200, 18, circle(rng, 50),
        batch=7, test=0.2, init="uniform"))

    x = points(rng, 15, 3, 1.0)
    t = np.round((np.abs(x[:, 0]) + 0.5 * x[:, 1] * x[:, 2])[:, None], 3)
    runs.append(spec(
        "more-relu-adam-l2-batch", "relu hidden layer, linear output, Adam with L2 0.001, batches of 5 of 15 samples, He init.",
        [3, 6, 1], "relu", True, 0.01, 1500, 19, samples(x, t),
        outputActivation="linear", batch=5, l2=0.001, optimizer="adam", init="he"))

    runs.append(spec(
        "more-softmax-momentum-test", "Softmax and cross-entropy with momentum 0.8, full batch over the 18 training samples, test 0.25 of 24.",
        [2, 6, 3], "sigmoid", True, 0.1, 1000, 20, three_classes(rng, 24),
        outputActivation="softmax", loss="cross-entropy", test=0.25, optimizer="momentum", momentum=0.8, init="xavier"))

    runs.append({
        "name": "worked-example-2-2-2",
        "note": "The classic hand-worked backpropagation example; hand-set initial weights (nothing drawn from the seed). "
                "Loss sum (p - t)^2 with learning rate 0.25 = the example's 1/2 sum (t - o)^2 with 0.5.",
        "layers": [2, 2, 2],
        "activation": "sigmoid",
        "bias": True,
        "learningRate": 0.25,
        "iterations": 100,
        "seed": 0,
        "samples": samples([[0.05, 0.10]], [[0.01, 0.99]]),
        "initialWeights": [[[0.15, 0.20, 0.35], [0.25, 0.30, 0.35]], [[0.40, 0.45, 0.60], [0.50, 0.55, 0.60]]],
        "traceAt": [1, 2, 10, 50, 100],
    })
    return runs


def main():
    SPECS.mkdir(exist_ok=True)
    for run in all_specs():
        (SPECS / f"{run['name']}.json").write_text(json.dumps(run, indent=1) + "\n")
        print(SPECS / f"{run['name']}.json")


if __name__ == "__main__":
    main()
