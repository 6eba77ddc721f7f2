#!/usr/bin/env python3
"""Trains descent's exported data with the numpy reference trainer and compares.

Usage:
    python3 check_export.py SAMPLES.csv RESULT.json

SAMPLES.csv is what `descent --export-data` wrote (a row per sample: the inputs, then
the targets); RESULT.json what `descent --headless --json` printed for the same run.
The run's choices are read from RESULT.json, the samples from the CSV, and the run is
trained again by numpy_trainer.train. Prints one JSON object: the largest difference of
a final weight (absolute, and relative to max(|w|, 1e-6)), and numpy's confusion
matrices of the final weights over the training and the test samples (rows the true
class, columns the predicted; one output: below or at/above 0.5).
"""

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy_trainer  # noqa: E402

KEYS = ["layers", "activation", "outputActivation", "bias", "loss", "optimizer", "momentum",
        "l1", "l2", "init", "test", "learningRate", "seed", "batch"]


def class_of(values):
    return (values[:, 0] >= 0.5).astype(int) if values.shape[1] == 1 else np.argmax(values, axis=1)


def confusion(net, x, t):
    classes = 2 if t.shape[1] == 1 else t.shape[1]
    matrix = np.zeros((classes, classes), dtype=int)
    if len(x) == 0:
        return matrix.tolist()
    _, activations = net.forward(x)
    np.add.at(matrix, (class_of(t), class_of(activations[-1])), 1)
    return matrix.tolist()


def main(csv_path, result_path):
    result = json.loads(Path(result_path).read_text())
    rows = np.loadtxt(csv_path, delimiter=",", ndmin=2, skiprows=1)  # the header row
    inputs = result["layers"][0]
    samples = [{"x": row[:inputs].tolist(), "t": row[inputs:].tolist()} for row in rows]
    run = {key: result[key] for key in KEYS if key in result}
    run.update(name="export", note="", iterations=result["iterations"], samples=samples)
    trained = numpy_trainer.train(run, [])
    ours = np.concatenate([np.ravel(w) for w in result["weights"]])
    theirs = np.concatenate([np.ravel(w) for w in trained["finalWeights"]])
    net = numpy_trainer.Network(run, trained["finalWeights"])
    x, t = rows[:, :inputs], rows[:, inputs:]
    test = trained.get("testSamples", [])
    train = [i for i in range(len(rows)) if i not in set(test)]
    print(json.dumps({
        "weights": len(ours),
        "largestDifference": float(np.max(np.abs(ours - theirs))),
        "largestRelative": float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1e-6))),
        "confusion": confusion(net, x[train], t[train]),
        "testConfusion": confusion(net, x[test], t[test]),
    }))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
