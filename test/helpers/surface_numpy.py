#!/usr/bin/env python3
"""The error surface of a finished run, by numpy's forward pass, independent of descent.

Reads one JSON object on stdin: the run (`layers`, `activation`, `outputActivation`, `bias`,
`loss`, `l1`, `l2`, `weights[l][j][i]`), the training samples (`inputs`, `targets`), the two
weights as `[l, j, i]` (`a`, `b`) and the grid (`x`, `y`). Prints `error[r][c]`: the mean data
loss over the samples plus the penalty (weights, not biases), with a = x[c] and b = y[r].
"""

import json
import sys

import numpy as np


def activate(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "linear":
        return z
    if name == "softmax":
        e = np.exp(z - np.max(z, axis=-1, keepdims=True))
        return e / np.sum(e, axis=-1, keepdims=True)
    raise ValueError(name)


def error(run, weights, x, t):
    a = x
    depth = len(weights)
    for l, w in enumerate(weights):
        n_in = run["layers"][l]
        z = a @ w[:, :n_in].T
        if run["bias"]:
            z = z + w[:, n_in]
        a = activate(run["outputActivation"] if l == depth - 1 else run["activation"], z)
    if run["loss"] == "squared":
        losses = np.sum((a - t) ** 2, axis=1)
    elif run["outputActivation"] == "softmax":
        losses = -np.sum(t * np.log(a), axis=1)
    else:
        losses = -np.sum(t * np.log(a) + (1 - t) * np.log(1 - a), axis=1)
    penalty = 0.0
    for l, w in enumerate(weights):
        plain = w[:, : run["layers"][l]]
        penalty += run["l2"] * np.sum(plain * plain) + run["l1"] * np.sum(np.abs(plain))
    return np.mean(losses) + penalty


def main():
    spec = json.load(sys.stdin)
    weights = [np.array(w, dtype=np.float64) for w in spec["weights"]]
    x = np.array(spec["inputs"], dtype=np.float64)
    t = np.array(spec["targets"], dtype=np.float64)
    la, ja, ia = spec["a"]
    lb, jb, ib = spec["b"]
    grid = []
    for yv in spec["y"]:
        row = []
        for xv in spec["x"]:
            weights[la][ja, ia] = xv
            weights[lb][jb, ib] = yv
            row.append(error(spec, weights, x, t))
        grid.append(row)
    json.dump(grid, sys.stdout)


main()
